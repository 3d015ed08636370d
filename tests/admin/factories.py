"""Small factories for the admin tests: each call makes a distinct, valid record."""

import datetime
import hashlib
from itertools import count

from django.utils.text import slugify

from articles.models import Article, Outlet, PersonMention, Quote
from people.models import Organisation, Person

_serial = count(1)


def make_outlet(name: str | None = None, **fields) -> Outlet:
    name = name or f"Outlet {next(_serial)}"
    return Outlet.objects.create(name=name, slug=slugify(name), **fields)


def make_article(title: str | None = None, *, outlet: Outlet | None = None, **fields) -> Article:
    serial = next(_serial)
    title = title or f"Article {serial}"
    values = {
        "outlet": outlet or make_outlet(),
        "title": title,
        "slug": f"{slugify(title)}-{serial}",
        "body": f"Body of {title}.",
        "published": datetime.date(2021, 3, 1),
        "published_precision": "day",
        "source_file": f"{serial:03d}_test.txt",
        "source_key": f"{serial:03d}_test.txt",
        "sha256": hashlib.sha256(str(serial).encode()).hexdigest(),
        "source_text": f"{title}\n\nBody of {title}.",
        **fields,
    }
    return Article.objects.create(**values)


def make_person(name: str | None = None, **fields) -> Person:
    name = name or f"Person {next(_serial)}"
    return Person.objects.create(name=name, slug=f"{slugify(name)}-{next(_serial)}", **fields)


def make_organisation(name: str | None = None, **fields) -> Organisation:
    name = name or f"Organisation {next(_serial)}"
    return Organisation.objects.create(name=name, slug=f"{slugify(name)}-{next(_serial)}", **fields)


def mention(article: Article, person: Person, spellings: list[str], n: int) -> PersonMention:
    return PersonMention.objects.create(
        article=article, person=person, spellings=spellings, count=n
    )


def quote(article: Article, speaker: Person | None, text: str, position: int = 0) -> Quote:
    return Quote.objects.create(article=article, speaker=speaker, text=text, position=position)
