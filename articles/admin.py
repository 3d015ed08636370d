"""Staff admin for outlets, articles, quotes, mentions and milestones."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import Truncator

from curation.admin_actions import reject_mentions, reject_milestones, reject_quotes
from curation.admin_base import (
    ArchiveModelAdmin,
    ArchiveStackedInline,
    ArchiveTabularInline,
    corrected_labels,
)

from .admin_views import AddArticleFromTextView
from .models import (
    Article,
    LearnedChromeLine,
    Milestone,
    MilestoneSource,
    OrganisationMention,
    Outlet,
    OutletMention,
    PersonMention,
    Quote,
    ReviewBodyMention,
    SourceFile,
)

MENTION_FIELDS = ["spellings", "count", "needs_review"]


class QuoteInline(ArchiveStackedInline):
    model = Quote
    fields = [("position", "needs_review"), "text", ("speaker", "speaker_label"), "review_reason"]
    autocomplete_fields = ["speaker"]


class PersonMentionInline(ArchiveTabularInline):
    model = PersonMention
    fields = ["person", *MENTION_FIELDS]
    autocomplete_fields = ["person"]


class OrganisationMentionInline(ArchiveTabularInline):
    model = OrganisationMention
    fields = ["organisation", *MENTION_FIELDS]
    autocomplete_fields = ["organisation"]


class ReviewBodyMentionInline(ArchiveTabularInline):
    model = ReviewBodyMention
    fields = ["review_body", *MENTION_FIELDS]
    autocomplete_fields = ["review_body"]


class OutletMentionInline(ArchiveTabularInline):
    model = OutletMention
    fields = ["outlet", *MENTION_FIELDS]
    autocomplete_fields = ["outlet"]


class MilestoneSourceInline(ArchiveTabularInline):
    model = MilestoneSource
    fields = ["article", "sentence", "needs_review"]
    autocomplete_fields = ["article"]


class ReadOnly:
    """The loader's own record: staff look, and every load rewrites it."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class LearnedChromeInline(ReadOnly, admin.TabularInline):
    model = LearnedChromeLine
    verbose_name = "learned chrome line"
    verbose_name_plural = "Learned chrome: lines recurring across this outlet's articles"
    fields = readonly_fields = ["line", "articles", "learned_at"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("outlet")  # each row names it


@admin.register(Outlet)
class OutletAdmin(ArchiveModelAdmin):
    list_display = ["name", "kind", "homepage", "needs_review", "article_count"]
    list_filter = ["kind", "needs_review"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    list_counts = {"article_count": Count("articles")}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [LearnedChromeInline]

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj) -> int:
        return obj.article_count


@admin.register(LearnedChromeLine)
class LearnedChromeLineAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["line", "outlet", "articles", "learned_at"]
    list_filter = ["outlet"]
    list_select_related = ["outlet"]
    search_fields = ["line", "outlet__name"]
    autocomplete_fields = ["outlet"]
    fields = readonly_fields = ["outlet", "line", "articles", "fingerprint", "learned_at"]


@admin.register(SourceFile)
class SourceFileAdmin(ReadOnly, admin.ModelAdmin):
    """Every stored version of every source; the bytes are served on the public source page."""

    list_display = ["original_path", "article", "media_type", "size", "first_seen", "last_seen"]
    list_select_related = ["article"]
    list_filter = ["media_type"]
    search_fields = ["original_path", "url", "sha256", "article__title"]
    autocomplete_fields = ["article"]
    fields = readonly_fields = [
        "article",
        "original_path",
        "url",
        "captured",
        "sha256",
        "size",
        "media_type",
        "encoding",
        "first_seen",
        "last_seen",
    ]


@admin.register(Article)
class ArticleAdmin(ArchiveModelAdmin):
    list_display = [
        "title",
        "outlet",
        "dated",
        "kind",
        "needs_review",
        "corrections",
    ]
    list_filter = ["needs_review", "kind", "outlet", "published_precision"]
    list_select_related = ["outlet"]
    date_hierarchy = "published"
    search_fields = ["title", "standfirst", "author", "source_file"]
    autocomplete_fields = ["outlet", "source"]
    inlines = [
        QuoteInline,
        PersonMentionInline,
        OrganisationMentionInline,
        ReviewBodyMentionInline,
        OutletMentionInline,
    ]
    readonly_fields = [
        "source_file",
        "source_key",
        "source",
        "sha256",
        "loaded_at",
        "updated_at",
        "source_text",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    ("outlet", "kind"),
                    ("published", "published_precision"),
                    "author",
                    "standfirst",
                    "body",
                ]
            },
        ),
        ("Review", {"fields": ["needs_review", "review_reason", "corrected_by_staff"]}),
        ("Extracted furniture", {"classes": ["collapse"], "fields": ["captions", "links"]}),
        (
            "Source",
            {
                "classes": ["collapse"],
                "fields": [
                    "source_file",
                    "source_key",
                    "source",
                    "sha256",
                    ("loaded_at", "updated_at"),
                    "source_text",
                ],
            },
        ),
    ]

    @admin.display(description="Date", ordering="published")
    def dated(self, obj) -> str:
        return obj.date_display

    @admin.display(description="Corrected by staff")
    def corrections(self, obj) -> str:
        return ", ".join(corrected_labels(obj)) or "—"

    def get_urls(self):
        return [
            path(
                "add-from-text/",
                self.admin_site.admin_view(AddArticleFromTextView.as_view(model_admin=self)),
                name="articles_article_add_from_text",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """Articles enter through the loader: "Add" opens the page-text form."""
        return redirect(reverse("admin:articles_article_add_from_text"))


@admin.register(Quote)
class QuoteAdmin(ArchiveModelAdmin):
    list_display = ["excerpt", "speaker_name", "article", "position", "needs_review"]
    list_filter = ["needs_review", "article__outlet"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__name", "speaker_label", "article__title"]
    autocomplete_fields = ["article", "speaker"]
    actions = [reject_quotes]

    @admin.display(description="Quote")
    def excerpt(self, obj) -> str:
        return Truncator(obj.text).chars(90)

    @admin.display(description="Speaker", ordering="speaker__name")
    def speaker_name(self, obj) -> str:
        return obj.speaker_name


class MentionAdmin(ArchiveModelAdmin):
    """Shared by the mention models; ``entity`` names the field of what is mentioned."""

    entity = ""
    list_filter = ["needs_review"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.list_display = [cls.entity, "article", "count", "spellings", "needs_review"]
        cls.list_select_related = [cls.entity, "article"]
        cls.search_fields = [f"{cls.entity}__name", "article__title"]
        cls.autocomplete_fields = [cls.entity, "article"]


@admin.register(PersonMention)
class PersonMentionAdmin(MentionAdmin):
    entity = "person"
    actions = [reject_mentions]


@admin.register(OrganisationMention)
class OrganisationMentionAdmin(MentionAdmin):
    entity = "organisation"
    actions = [reject_mentions]


@admin.register(ReviewBodyMention)
class ReviewBodyMentionAdmin(MentionAdmin):
    entity = "review_body"


@admin.register(OutletMention)
class OutletMentionAdmin(MentionAdmin):
    entity = "outlet"


@admin.register(Milestone)
class MilestoneAdmin(ArchiveModelAdmin):
    list_display = ["title", "dated", "kind", "needs_review", "source_count"]
    list_filter = ["kind", "needs_review", "date_precision"]
    date_hierarchy = "date"
    search_fields = ["title", "key"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [MilestoneSourceInline]
    list_counts = {"source_count": Count("sources")}
    actions = [reject_milestones]

    @admin.display(description="Date", ordering="date")
    def dated(self, obj) -> str:
        return obj.date_display

    @admin.display(description="Sources", ordering="source_count")
    def source_count(self, obj) -> int:
        return obj.source_count


@admin.register(MilestoneSource)
class MilestoneSourceAdmin(ArchiveModelAdmin):
    list_display = ["milestone", "article", "needs_review"]
    list_filter = ["needs_review"]
    list_select_related = ["milestone", "article"]
    search_fields = ["milestone__title", "article__title", "sentence"]
    autocomplete_fields = ["milestone", "article"]
