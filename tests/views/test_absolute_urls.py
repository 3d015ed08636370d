"""Every record the archive keeps has a public address that answers."""

import pytest
from django.apps import apps

from articles.models import Milestone, MilestoneSource, SourceFile
from people.models import Membership, PersonAlias, ReviewBodyFact
from tests import factories

pytestmark = pytest.mark.django_db


def test_every_model_has_a_working_absolute_url(client, archive):
    milestone = Milestone.objects.create(title="Call closes", slug="call-closes", key="call")
    MilestoneSource.objects.create(milestone=milestone, article=archive.faq, sentence="It closes.")
    Membership.objects.create(person=archive.josh, body=archive.board, role="chair")
    ReviewBodyFact.objects.create(body=archive.board, article=archive.faq, text="It advises.")
    PersonAlias.objects.get_or_create(person=archive.ray, name="Raymond Jones")
    factories.make_quote(archive.faq, "We listened.", archive.josh)
    SourceFile.objects.create(
        article=archive.faq, content=b"x", sha256="0" * 64, size=1, original_path="faq.txt"
    )

    checked = []
    for app in ("articles", "people"):
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert hasattr(model, "get_absolute_url"), model.__name__
            record = model.objects.first()
            if record is None:
                continue
            address = record.get_absolute_url()
            assert client.get(address.split("#")[0]).status_code == 200, (model, address)
            checked.append(model.__name__)
    assert {
        "Quote",
        "PersonMention",
        "Membership",
        "PersonAlias",
        "MilestoneSource",
        "SourceFile",
    } <= set(checked)
