"""Staff admin for people, organisations, review bodies and their aliases and memberships."""

from django.contrib import admin, messages
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from curation.admin_actions import (
    convert_to_organisation,
    convert_to_person,
    reject_organisations,
    reject_people,
)
from curation.admin_base import ArchiveModelAdmin, ArchiveModelForm, ArchiveTabularInline
from curation.forms import AliasForm, LinesField, alias_owner
from curation.merges import merge_recorded

from .forms import MergeForm
from .models import (
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    ReviewBody,
    ReviewBodyFact,
    SlugRedirect,
)
from .services.aliases import ALIAS_MODEL
from .services.merge import merge_organisations, merge_people
from .services.renaming import keep_old_identity


class PersonAliasInline(ArchiveTabularInline):
    model = PersonAlias
    form = AliasForm
    fields = ["name", "needs_review"]


class OrganisationAliasInline(ArchiveTabularInline):
    model = OrganisationAlias
    form = AliasForm
    fields = ["name", "needs_review"]


class MembershipInline(ArchiveTabularInline):
    model = Membership
    fields = ["person", "body", "role", "source_article", "source_sentence", "needs_review"]
    autocomplete_fields = ["person", "body", "source_article"]


class ReviewBodyFactInline(ArchiveTabularInline):
    model = ReviewBodyFact
    fields = ["text", "article"]
    autocomplete_fields = ["article"]


class NamedRecordAdmin(ArchiveModelAdmin):
    """People and organisations: renaming keeps the old name and address; merging."""

    merge_service = None  # merge_people or merge_organisations, as a staticmethod
    actions = ["merge_selected"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "aliases__name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        owner = alias_owner(self.model, ALIAS_MODEL[self.model], obj.name, exclude_pk=obj.pk)
        if owner is not None:
            self.message_user(
                request,
                f"“{obj.name}” is already an alias of “{owner}”: if they are the same,"
                " merge them (tick both in the list, then “Merge selected…”).",
                messages.WARNING,
            )
        if change:
            keep_old_identity(
                obj, old_name=form.initial.get("name", ""), old_slug=form.initial.get("slug", "")
            )

    @admin.display(description="Mentions", ordering="mention_count")
    def mention_count(self, obj) -> int:
        return obj.mention_count

    @admin.action(description="Merge selected %(verbose_name_plural)s…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        """Ask which record survives, then merge the others into it."""
        if queryset.count() < 2:
            self.message_user(request, "Select at least two records to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "confirm" in request.POST else None, queryset=queryset)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            duplicates = list(queryset.exclude(pk=survivor.pk))
            merge = merge_recorded(self.merge_service, survivor, duplicates, user=request.user)
            names = ", ".join(f"“{d}”" for d in duplicates)
            self.message_user(
                request,
                f"Merged {names} into “{survivor}”; “Merges” in the admin lists what moved and"
                f" can undo it (merge #{merge.pk}).",
                messages.SUCCESS,
            )
            opts = self.model._meta
            return redirect(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[survivor.pk],
                    current_app=self.admin_site.name,
                )
            )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {self.model._meta.verbose_name_plural}",
            "opts": self.model._meta,
            "form": form,
            "records": self.merge_candidates(queryset),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/merge_confirmation.html", context)

    def merge_candidates(self, queryset):
        """The selected records with their counts, to help choose the one to keep."""
        selected = self.model.objects.filter(pk__in=queryset.values("pk"))
        return selected.annotate(**self.list_counts).prefetch_related("aliases")

    def has_merge_permission(self, request) -> bool:
        """Merging changes the survivor and deletes the others."""
        return self.has_change_permission(request) and self.has_delete_permission(request)


@admin.register(Person)
class PersonAdmin(NamedRecordAdmin):
    merge_service = staticmethod(merge_people)
    actions = ["merge_selected", reject_people, convert_to_organisation]
    list_display = ["name", "role", "known", "needs_review", "mention_count", "quote_count"]
    list_filter = ["needs_review", "known"]
    search_fields = ["name", "aliases__name", "role"]
    fields = ["name", "slug", "role", "known", "needs_review", "review_reason"]
    inlines = [PersonAliasInline, MembershipInline]

    list_counts = {
        "mention_count": Count("mentions", distinct=True),
        "quote_count": Count("quotes", distinct=True),
    }

    @admin.display(description="Quotes", ordering="quote_count")
    def quote_count(self, obj) -> int:
        return obj.quote_count


@admin.register(Organisation)
class OrganisationAdmin(NamedRecordAdmin):
    merge_service = staticmethod(merge_organisations)
    actions = ["merge_selected", reject_organisations, convert_to_person]
    list_display = ["name", "known", "needs_review", "mention_count"]
    list_filter = ["needs_review", "known"]
    fields = ["name", "slug", "description", "known", "needs_review", "review_reason"]
    inlines = [OrganisationAliasInline]

    list_counts = {"mention_count": Count("mentions")}


class AliasAdmin(ArchiveModelAdmin):
    list_filter = ["needs_review"]


@admin.register(PersonAlias)
class PersonAliasAdmin(AliasAdmin):
    list_display = ["name", "person", "needs_review"]
    list_select_related = ["person"]
    search_fields = ["name", "person__name"]
    autocomplete_fields = ["person"]


@admin.register(OrganisationAlias)
class OrganisationAliasAdmin(AliasAdmin):
    list_display = ["name", "organisation", "needs_review"]
    list_select_related = ["organisation"]
    search_fields = ["name", "organisation__name"]
    autocomplete_fields = ["organisation"]


class ReviewBodyForm(ArchiveModelForm):
    aliases = LinesField(
        required=False, help_text="Other wordings seen, one per line.", label="Aliases"
    )


@admin.register(ReviewBody)
class ReviewBodyAdmin(ArchiveModelAdmin):
    form = ReviewBodyForm
    list_display = ["name", "member_count", "needs_review"]
    list_filter = ["needs_review"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "purpose", "aliases", "needs_review", "review_reason"]
    inlines = [MembershipInline, ReviewBodyFactInline]

    list_counts = {"member_count": Count("memberships")}

    @admin.display(description="Members", ordering="member_count")
    def member_count(self, obj) -> int:
        return obj.member_count


@admin.register(Membership)
class MembershipAdmin(ArchiveModelAdmin):
    list_display = ["person", "body", "role", "source_article", "needs_review"]
    list_filter = ["body", "role", "needs_review"]
    list_select_related = ["person", "body", "source_article"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body", "source_article"]


@admin.register(ReviewBodyFact)
class ReviewBodyFactAdmin(ArchiveModelAdmin):
    list_display = ["text", "body", "article"]
    list_filter = ["body"]
    list_select_related = ["body", "article"]
    search_fields = ["text", "body__name", "article__title"]
    autocomplete_fields = ["body", "article"]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "kind", "person", "organisation", "created"]
    list_filter = ["kind"]
    list_select_related = ["person", "organisation"]
    search_fields = ["old_slug", "person__name", "organisation__name"]
    autocomplete_fields = ["person", "organisation"]
