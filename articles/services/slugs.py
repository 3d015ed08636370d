"""Unique, readable slugs for URLs."""

from django.utils.text import slugify

# Suffixes tried per query once the plain slug is taken.
_BATCH = 20


def unique_slug(model, text: str, *, field: str = "slug", max_length: int = 200) -> str:
    """``slugify(text)``, made unique in ``model`` by a numeric suffix when taken.

    Only exact look-ups, which the unique index answers, so the cost does not
    grow with the size of the table.
    """
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    first = 1
    while True:
        candidates = [base if n == 1 else f"{base}-{n}" for n in range(first, first + _BATCH)]
        taken = set(
            model.objects.filter(**{f"{field}__in": candidates}).values_list(field, flat=True)
        )
        free = next((c for c in candidates if c not in taken), None)
        if free is not None:
            return free
        first += _BATCH
