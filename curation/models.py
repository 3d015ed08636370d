"""What staff decided the loader got wrong, remembered so no reload undoes it."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from simple_history.models import HistoricalRecords


class Rejection(models.Model):
    """ "Not this": something the loader extracted that it must never extract again.

    Kept by what was extracted (a name, a quote's words, a milestone's key) and
    the article it came from, or every article when ``article`` is empty. With
    ``becomes`` set, the name is not dropped but read as the other kind: a
    person who is really an organisation, or the other way round.
    """

    PERSON, ORGANISATION, QUOTE, MILESTONE = "person", "organisation", "quote", "milestone"
    KIND_CHOICES = [
        (PERSON, "Person"),
        (ORGANISATION, "Organisation"),
        (QUOTE, "Quote"),
        (MILESTONE, "Milestone"),
    ]
    BECOMES_CHOICES = [("", "Nothing"), (PERSON, "A person"), (ORGANISATION, "An organisation")]

    kind = models.CharField(max_length=20, choices=KIND_CHOICES, help_text="Extracted as.")
    text = models.TextField(help_text="The name, the quote's words or the milestone's key.")
    match_key = models.CharField(
        max_length=300,
        editable=False,
        db_index=True,
        help_text="What a new extraction is matched by.",
    )
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rejections",
        help_text="Only in this article; empty for every article.",
    )
    becomes = models.CharField(max_length=20, choices=BECOMES_CHOICES, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "match_key", "article"], name="unique_rejection_in_article"
            ),
            models.UniqueConstraint(
                fields=["kind", "match_key"],
                condition=models.Q(article__isnull=True),
                name="unique_rejection_everywhere",
            ),
        ]

    def __str__(self):
        where = f" in “{self.article}”" if self.article_id else ""
        verdict = f"is {self.get_becomes_display().lower()}" if self.becomes else "rejected"
        return f"{self.get_kind_display()} “{self.text[:60]}”{where}: {verdict}"

    def save(self, *args, **kwargs):
        from curation.rejections import match_key

        self.match_key = match_key(self.kind, self.text)
        super().save(*args, **kwargs)


class MergeRecord(models.Model):
    """A merge of people (or organisations), with what it moved, so that it can be undone.

    ``before`` and ``after`` are every row the merge touched (the records, their
    mentions, quotes, memberships, aliases and address redirects), serialised
    by Django's serialisers just before and just after it.
    """

    kind = models.CharField(max_length=20, choices=Rejection.KIND_CHOICES[:2])
    survivor_name = models.CharField(max_length=300)
    merged_names = models.TextField(help_text="The names merged into the survivor.")
    summary = models.TextField(help_text="What moved, one line per row.")
    before = models.JSONField(encoder=DjangoJSONEncoder)
    after = models.JSONField(encoder=DjangoJSONEncoder)
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merges",
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merges_undone",
    )

    class Meta:
        ordering = ["-merged_at", "-pk"]

    def __str__(self):
        return f"{self.merged_names} → {self.survivor_name}"
