"""Outlets, articles and what the loader extracts from them."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.ordering import NewestFirstIndex
from articles.parsing.fuzzydate import (
    DAY,
    MONTH,
    SEASON,
    UNKNOWN,
    YEAR,
    FuzzyDate,
    display_date,
    edtf_or_none,
)
from curation.tracking import LoaderTracked

PRECISION_CHOICES = [
    (DAY, "Day"),
    (MONTH, "Month"),
    (SEASON, "Season"),
    (YEAR, "Year"),
    (UNKNOWN, "Unknown"),
]


class FuzzyDated(models.Model):
    """A date kept as its first day plus a precision, and its last day for range filters."""

    date_field = "date"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.normalise_dates()
        super().save(*args, **kwargs)

    def normalise_dates(self) -> None:
        """Keep the date's first day and set its last (``save`` does it; bulk writers call it)."""
        start, precision = self._date_parts()
        if start is None or precision == UNKNOWN:
            setattr(self, self.date_field, None)
            setattr(self, f"{self.date_field}_precision", UNKNOWN)
            setattr(self, f"{self.date_field}_end", None)
        else:
            fuzzy = FuzzyDate.from_start(start, precision)
            setattr(self, self.date_field, fuzzy.start())
            setattr(self, f"{self.date_field}_end", fuzzy.end())

    def clean(self):
        """Refuse a date that saving would throw away or a precision with no date."""
        super().clean()
        start, precision = self._date_parts()
        precision_field = f"{self.date_field}_precision"
        if start is not None and precision == UNKNOWN:
            raise ValidationError(
                {
                    precision_field: "Choose how precise the date is (day, month, season or"
                    " year): with precision “Unknown” the date would be thrown away."
                }
            )
        if start is None and precision != UNKNOWN:
            raise ValidationError(
                {self.date_field: "Give the date, or set its precision to “Unknown”."}
            )
        if start is not None:
            try:
                FuzzyDate.from_start(start, precision)
            except ValueError as error:
                raise ValidationError({precision_field: str(error)}) from error

    def save_notes(self) -> list[str]:
        """What saving will rewrite: a day inside a month, season or year becomes its first."""
        start, precision = self._date_parts()
        if start is None or precision in (UNKNOWN, DAY):
            return []
        fuzzy = FuzzyDate.from_start(start, precision)
        if fuzzy.start() == start:
            return []
        label = self._meta.get_field(self.date_field).verbose_name
        return [
            f"The {label} {start.isoformat()} is kept as “{fuzzy.display()}” (precision"
            f" {precision}), stored as its first day, {fuzzy.start().isoformat()}."
        ]

    def _date_parts(self):
        return getattr(self, self.date_field), getattr(self, f"{self.date_field}_precision")

    @property
    def date_display(self) -> str:
        return display_date(*self._date_parts())

    @property
    def date_edtf(self) -> str | None:
        return edtf_or_none(*self._date_parts())


class Outlet(LoaderTracked):
    TRADE, NATIONAL, OFFICIAL, CHARITY, CAMPAIGN = (
        "trade",
        "national",
        "official",
        "charity",
        "campaign",
    )
    KIND_CHOICES = [
        (TRADE, "Trade press"),
        (NATIONAL, "National press"),
        (OFFICIAL, "Official"),
        (CHARITY, "Charity"),
        (CAMPAIGN, "Campaign"),
    ]

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    homepage = models.URLField(blank=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=TRADE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:outlet-detail", kwargs={"slug": self.slug})


class Article(FuzzyDated, LoaderTracked):
    NEWS, OPINION, OFFICIAL = "news", "opinion", "official"
    KIND_CHOICES = [(NEWS, "News"), (OPINION, "Opinion"), (OFFICIAL, "Official page")]

    date_field = "published"

    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=255, unique=True)
    standfirst = models.TextField(blank=True)
    body = models.TextField(help_text="Clean paragraphs, separated by a blank line.")
    published = models.DateField(null=True, blank=True, help_text="First day of the date.")
    published_precision = models.CharField(
        max_length=10, choices=PRECISION_CHOICES, default=UNKNOWN
    )
    published_end = models.DateField(
        null=True, blank=True, editable=False, help_text="Last day the date could mean."
    )
    author = models.CharField(max_length=300, blank=True)
    captions = models.JSONField(default=list, blank=True)
    links = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default=NEWS)

    # Provenance: the archive never loses what it was given. ``source_key`` is the
    # source's identity (the resolved path of the file, or of a WARC file and its
    # record); ``source`` is the version the article was extracted from, whose bytes
    # hash to ``sha256``; ``source_text`` is those bytes decoded, as the parser read them.
    source_file = models.CharField(max_length=255, help_text="The source's file name.")
    source_key = models.CharField(max_length=1000, unique=True)
    source = models.ForeignKey(
        "SourceFile", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sha256 = models.CharField(max_length=64, unique=True)
    source_text = models.TextField()
    field_origins = models.JSONField(
        default=dict,
        blank=True,
        help_text="Where the loader took each reconciled field from (a sidecar, the page's "
        "metadata, the URL's host, the parser).",
    )
    loaded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    people = models.ManyToManyField(
        "people.Person", through="PersonMention", related_name="articles"
    )
    organisations = models.ManyToManyField(
        "people.Organisation", through="OrganisationMention", related_name="articles"
    )
    review_bodies = models.ManyToManyField(
        "people.ReviewBody", through="ReviewBodyMention", related_name="articles"
    )
    # Kept current by a database trigger on PostgreSQL (migration 0003); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["source_text", "search_vector"])

    class Meta:
        ordering = [models.F("published").desc(nulls_last=True), "title"]
        indexes = [
            # Covering for the date facet, which groups the results by all three: read
            # from the index alone (SQLite, 10,000 articles: 2.6 ms, not 38).
            models.Index(fields=["published", "published_end", "published_precision"]),
            # An article's narrow columns by id, so that what is counted of a set of
            # articles given by id (mentions' article ids, a facet window's ids) is read
            # from the index and never from the wide rows, whose large text comes first.
            # The dates of a list narrowed by a mention merge-join with it (PostgreSQL,
            # 100,000 articles, the most mentioned person's 51,050: 108 → 50 ms); the
            # outlet, kind and quoted facets of SQLite's 2,000-id window read it (10,000
            # articles: 9.2 → 1.6, 10.4 → 1.8 and 5.8 → 2.5 ms).
            models.Index(
                fields=[
                    "id",
                    "published",
                    "published_end",
                    "published_precision",
                    "outlet",
                    "kind",
                ],
                name="articles_article_id_narrow",
            ),
            models.Index(fields=["kind"]),
            # The list's page, newest first: read in order, never sorted (0.1 ms, not 46).
            NewestFirstIndex(name="articles_article_newest"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:article-detail", kwargs={"slug": self.slug})

    def get_source_url(self):
        return reverse("articles:article-source", kwargs={"slug": self.slug})

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]


class Mention(LoaderTracked):
    """How often, and in which spellings, an article names someone or something."""

    spellings = models.JSONField(default=list, blank=True)
    count = models.PositiveIntegerField(default=1)
    spans = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Where the article names it, one [field, start, end, sentence start,"
        " sentence end] per mention (articles/parsing/types.py TextSpan); empty for an"
        " article loaded before offsets were stored, until it is reparsed.",
    )

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class PersonMention(Mention):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_mentions")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="mentions")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="unique_person_mention")
        ]

    def __str__(self):
        return f"{self.person} in {self.article}"


class OrganisationMention(Mention):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="organisation_mentions"
    )
    organisation = models.ForeignKey(
        "people.Organisation", on_delete=models.CASCADE, related_name="mentions"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "organisation"], name="unique_organisation_mention"
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.article}"


class ReviewBodyMention(Mention):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="review_body_mentions"
    )
    review_body = models.ForeignKey(
        "people.ReviewBody", on_delete=models.CASCADE, related_name="mentions"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "review_body"], name="unique_review_body_mention"
            )
        ]

    def __str__(self):
        return f"{self.review_body} in {self.article}"


class OutletMention(Mention):
    """Where an article names an outlet of the archive (its own or another), by a name or
    alias of the outlet's profile (articles/parsing/outlet_mentions.py)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="outlet_mentions")
    # Not "mentions": that name means where a flagged name was found (curation/review_queue.py),
    # and an outlet is found by its masthead.
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="named_in")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "outlet"], name="unique_outlet_mention")
        ]

    def __str__(self):
        return f"{self.outlet} in {self.article}"


class PublicQuoteManager(models.Manager):
    """The quotes the public pages show: not those whose wording left the source."""

    def get_queryset(self):
        return super().get_queryset().filter(source_changed=False)


class Quote(LoaderTracked):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
        db_index=False,  # the index of Meta leads with it
    )
    speaker_label = models.CharField(
        max_length=300,
        blank=True,
        help_text='Who spoke when no person is named ("A spokesperson for the review").',
    )
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Order within the article, from 0.")
    source_changed = models.BooleanField(
        default=False,
        help_text="The source no longer has this wording and staff had corrected it: kept for"
        " staff to review, off the public pages.",
    )
    history = HistoricalRecords()
    objects = models.Manager()
    public = PublicQuoteManager()

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="unique_quote_position")
        ]
        # A speaker's public quotes counted from the index alone (PostgreSQL, 100,000
        # articles, the most quoted person's 11,822: 10 ms from the table, 1.3 from this).
        indexes = [models.Index(fields=["speaker", "source_changed"], name="quote_speaker_public")]

    def __str__(self):
        return f"{self.speaker_name}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("quotes:quote-detail", kwargs={"pk": self.pk})

    def get_anchor_url(self):
        """Where the quote stands in its article (the anchor follows the quote, not its
        position, which changes when a reload renumbers the quotes)."""
        return f"{self.article.get_absolute_url()}#quote-{self.pk}"

    @property
    def speaker_name(self) -> str:
        return self.speaker.name if self.speaker_id else (self.speaker_label or "Unattributed")


class Milestone(FuzzyDated, LoaderTracked):
    KIND_CHOICES = [
        ("launch", "Launch"),
        ("consultation", "Consultation"),
        ("deadline", "Deadline"),
        ("publication", "Publication"),
        ("phase", "Phase"),
        ("event", "Event"),
        ("other", "Other"),
    ]

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=320, unique=True)
    key = models.CharField(
        max_length=300, unique=True, help_text="Identifies the event across articles."
    )
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=10, choices=PRECISION_CHOICES, default=UNKNOWN)
    date_end = models.DateField(null=True, blank=True, editable=False)
    kind = models.CharField(max_length=20, choices=KIND_CHOICES, default="other")
    expected = models.BooleanField(
        default=False,
        help_text="Still to come when every article reporting it was written (a promise or a"
        " deadline ahead), not an event the coverage says has happened.",
    )
    articles = models.ManyToManyField(Article, through="MilestoneSource", related_name="milestones")
    history = HistoricalRecords()

    class Meta:
        ordering = [models.F("date").asc(nulls_last=True), "title"]
        indexes = [models.Index(fields=["date", "date_end"])]

    def __str__(self):
        return f"{self.title} ({self.date_display})"

    def get_absolute_url(self):
        return reverse("articles:timeline") + f"#{self.slug}"


class MilestoneSource(LoaderTracked):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="sources")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="milestone_sources")
    sentence = models.TextField(help_text="The sentence that states the milestone.")
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["milestone", "article"], name="unique_milestone_source")
        ]

    def __str__(self):
        return f"{self.milestone} — {self.article}"

    def get_absolute_url(self):
        return self.milestone.get_absolute_url()


class LearnedChromeLine(models.Model):
    """A line that recurs across an outlet's articles: its chrome, learned by the loader.

    Rewritten for an outlet whenever its pages are loaded or reparsed
    (articles/services/chrome_learning.py); the rules are in articles/parsing/chrome.py.
    """

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="chrome_lines")
    fingerprint = models.CharField(max_length=16)
    line = models.TextField(help_text="The line as one of the pages prints it.")
    articles = models.PositiveIntegerField(
        help_text="On how many of the articles it was learned from (at most 1,000 of the "
        "outlet's stored pages, and the load's own)."
    )
    learned_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["outlet", "-articles", "line"]
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "fingerprint"], name="unique_learned_chrome_line"
            )
        ]

    def __str__(self):
        return f"{self.outlet}: {self.line[:60]}"

    def get_absolute_url(self):
        """Learned chrome has no page of its own: it belongs to the outlet's."""
        return self.outlet.get_absolute_url()


class SourceFile(models.Model):
    """One version of an article's source: the bytes exactly as given, and where from.

    The same bytes are one version whatever they were called (``sha256`` is unique);
    a changed file at the same path adds a version, and no version is ever replaced
    (``manage.py verify_sources`` re-hashes them all).
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="source_versions", null=True
    )
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64, unique=True, help_text="Of the bytes.")
    size = models.PositiveIntegerField(help_text="In bytes.")
    media_type = models.CharField(max_length=100, default="text/plain")
    encoding = models.CharField(max_length=40, blank=True, help_text="As found when decoding.")
    original_path = models.CharField(max_length=1000, help_text="Where it was loaded from.")
    url = models.URLField(max_length=2000, blank=True, help_text="Where it was published.")
    captured = models.DateTimeField(null=True, blank=True, help_text="When it was saved.")
    metadata = models.JSONField(
        default=list, blank=True, help_text="The metadata given with it, best first."
    )
    first_seen = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "first_seen", "pk"]
        indexes = [models.Index(fields=["article", "first_seen"])]

    def __str__(self):
        return f"{self.original_path} ({self.sha256[:12]})"

    def get_absolute_url(self):
        return reverse(
            "articles:article-source-version",
            kwargs={"slug": self.article.slug, "version": self.pk},
        )
