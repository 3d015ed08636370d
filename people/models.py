"""People, organisations and review bodies: who and what the coverage is about."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from curation.tracking import LoaderTracked


class Person(LoaderTracked):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    role = models.CharField(
        max_length=400, blank=True, help_text="What the coverage says they are."
    )
    known = models.BooleanField(
        default=False, help_text="Listed in the authority file rather than discovered in a text."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:person-detail", kwargs={"slug": self.slug})


class Organisation(LoaderTracked):
    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    description = models.TextField(blank=True)
    known = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:organisation-detail", kwargs={"slug": self.slug})


class Alias(models.Model):
    """Another spelling of a name; ``normalised`` makes look-ups ignore case and typography."""

    name = models.CharField(max_length=300)
    normalised = models.CharField(max_length=300, editable=False, db_index=True)
    needs_review = models.BooleanField(
        default=False, help_text="A near-miss spelling the loader linked and a person should check."
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from articles.parsing.names import normalise_name

        self.normalised = normalise_name(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return getattr(self, self.owner_field).get_absolute_url()


class PersonAlias(Alias):
    owner_field = "person"
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(Alias.Meta):
        verbose_name_plural = "person aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalised"], name="unique_person_alias"),
        ]


class OrganisationAlias(Alias):
    owner_field = "organisation"
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="aliases")
    history = HistoricalRecords()

    class Meta(Alias.Meta):
        verbose_name_plural = "organisation aliases"
        constraints = [
            models.UniqueConstraint(fields=["normalised"], name="unique_organisation_alias"),
        ]


class ReviewBody(LoaderTracked):
    """One of the review's own bodies: the Experts by Experience Board and the two groups."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    purpose = models.TextField(blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other wordings seen.")
    members = models.ManyToManyField(Person, through="Membership", related_name="review_bodies")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "review bodies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:reviewbody-detail", kwargs={"slug": self.slug})


class Membership(LoaderTracked):
    CHAIR, MEMBER = "chair", "member"
    ROLE_CHOICES = [(CHAIR, "Chair"), (MEMBER, "Member")]

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    body = models.ForeignKey(ReviewBody, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLE_CHOICES, default=MEMBER)
    source_article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships_stated",
    )
    source_sentence = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "-role", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "body"], name="unique_membership"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display().lower()}, {self.body})"

    def get_absolute_url(self):
        return self.body.get_absolute_url()


class ReviewBodyFact(models.Model):
    """A sentence of the coverage that states something about a body (how recruited, purpose)."""

    body = models.ForeignKey(ReviewBody, on_delete=models.CASCADE, related_name="facts")
    text = models.TextField()
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="review_body_facts"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "article", "text"], name="unique_body_fact"),
        ]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return self.body.get_absolute_url()


class SlugRedirect(models.Model):
    """The old public address of a person or organisation that was merged into another."""

    PERSON, ORGANISATION = "person", "organisation"
    KIND_CHOICES = [(PERSON, "Person"), (ORGANISATION, "Organisation")]

    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    old_slug = models.SlugField(max_length=320)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, null=True, blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "old_slug"], name="unique_slug_redirect"),
        ]

    def __str__(self):
        return f"{self.kind}/{self.old_slug} → {self.person or self.organisation}"

    def get_absolute_url(self):
        return (self.person or self.organisation).get_absolute_url()
