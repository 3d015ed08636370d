"""Copies of the seed files to load, edit and load again."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from articles.models import Article

SEEDS = Path(settings.SEEDS_DIR)


def copy_seeds(target: Path) -> Path:
    folder = target / "seeds"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def load(folder: Path) -> None:
    call_command("load_articles", str(folder), verbosity=0)


def seed_article(prefix: str) -> Article:
    """The article loaded from the seed whose file name starts with ``prefix`` ("002")."""
    return Article.objects.get(source_file__startswith=f"{prefix}_")


def edit_seed(folder: Path, prefix: str, old: str, new: str) -> None:
    """Change the source file as a re-crawl would."""
    (path,) = folder.glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
