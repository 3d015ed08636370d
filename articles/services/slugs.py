"""Unique, readable slugs for URLs."""

from django.utils.text import slugify

# Suffixes tried per query once the plain slug is taken.
_BATCH = 20


def unique_slug(model, text: str, *, field: str = "slug", max_length: int = 200) -> str:
    """``slugify(text)``, made unique in ``model`` by a numeric suffix when taken.

    Only exact look-ups, which the unique index answers, so the cost does not
    grow with the size of the table.
    """
    return unique_slugs(model, [text], field=field, max_length=max_length)[0]


def unique_slugs(model, texts, *, field: str = "slug", max_length: int = 200) -> list[str]:
    """``unique_slug`` of each text, unique among themselves too, in one query for them all
    (more only for a slug whose first 20 suffixes are all taken)."""
    bases = [slugify(text)[:max_length].strip("-") or model._meta.model_name for text in texts]
    chosen: list[str | None] = [None] * len(bases)
    used: set[str] = set()
    first = 1
    while None in chosen:
        waiting = [at for at, slug in enumerate(chosen) if slug is None]
        candidates = {
            at: [bases[at] if n == 1 else f"{bases[at]}-{n}" for n in range(first, first + _BATCH)]
            for at in waiting
        }
        wanted = {c for cs in candidates.values() for c in cs}
        used |= set(model.objects.filter(**{f"{field}__in": wanted}).values_list(field, flat=True))
        for at in waiting:
            free = next((c for c in candidates[at] if c not in used), None)
            if free is not None:
                chosen[at] = free
                used.add(free)
        first += _BATCH
    return chosen
