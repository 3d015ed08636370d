"""Unique, readable slugs for URLs."""

from django.utils.text import slugify


def unique_slug(model, text: str, *, field: str = "slug", max_length: int = 200) -> str:
    """``slugify(text)``, made unique in ``model`` by a numeric suffix when taken."""
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    taken = set(
        model.objects.filter(**{f"{field}__startswith": base}).values_list(field, flat=True)
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"
