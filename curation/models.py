"""What staff decided the loader got wrong, remembered so no reload undoes it."""

from django.conf import settings
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
