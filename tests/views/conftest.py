"""Fixtures for the public pages (HTTPS client and static storage: tests/conftest.py)."""

import datetime
from types import SimpleNamespace

import pytest

from articles.models import Article
from articles.parsing.fuzzydate import MONTH, SEASON
from tests import factories


@pytest.fixture
def archive(db):
    """A small hand-made archive; every test that uses it can count its answers by hand.

    partnership  Social Work Today  19 April 2021  Ian, Josh; DfE; Board; quote by Ian
    penultimate  CYP Now            9 November 2021  Ian ("Ian Dickinson"), Josh, Ray; quote
    launch       Social Work Today  March 2021 (month)  Josh; opinion
    faq          CYP Now            undated  Josh; official page
    spring       CYP Now            spring 2022 (season)  Ray
    """
    swt = factories.make_outlet("Social Work Today")
    cyp = factories.make_outlet("CYP Now")
    ian = factories.make_person("Ian Dickson", aliases=["Ian Dickinson"], role="Campaigner")
    josh = factories.make_person("Josh MacAlister", role="Chair of the review")
    ray = factories.make_person("Ray Jones")
    dfe = factories.make_organisation("Department for Education", aliases=["DfE"])
    board = factories.make_review_body("Experts by Experience Board", purpose="Lived experience.")
    partnership = factories.make_article(
        "Care Review announces partnership",
        outlet=swt,
        published=datetime.date(2021, 4, 19),
        people=[ian, josh],
        organisations=[dfe],
        review_bodies=[board],
        body="Josh MacAlister announced a partnership.\n\nIan Dickson was critical.",
    )
    penultimate = factories.make_article(
        "Care Review launches penultimate stage",
        outlet=cyp,
        published=datetime.date(2021, 11, 9),
        people=[(ian, ["Ian Dickinson"]), josh, ray],
        author="Fiona Simpson",
        body="The penultimate stage begins.\n\nIan Dickinson said it was stage-managed.",
    )
    launch = factories.make_article(
        "Review formally launches",
        outlet=swt,
        published=datetime.date(2021, 3, 1),
        precision=MONTH,
        people=[josh],
        kind=Article.OPINION,
    )
    faq = factories.make_article(
        "Frequently asked questions", outlet=cyp, people=[josh], kind=Article.OFFICIAL
    )
    spring = factories.make_article(
        "Final report expected",
        outlet=cyp,
        published=datetime.date(2022, 3, 1),
        precision=SEASON,
        people=[ray],
    )
    factories.make_quote(partnership, "How can the government's own Chief Social Worker", ian)
    factories.make_quote(penultimate, "pointing out problems is the easy bit", josh)
    return SimpleNamespace(
        swt=swt,
        cyp=cyp,
        ian=ian,
        josh=josh,
        ray=ray,
        dfe=dfe,
        board=board,
        partnership=partnership,
        penultimate=penultimate,
        launch=launch,
        faq=faq,
        spring=spring,
    )
