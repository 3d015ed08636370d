"""Staff admin for rejections (what the loader must never extract again) and merges.

Deleting a rejection lets the next load extract the thing again; a merge is
listed with what it moved, and can be undone while nothing it touched changed.
"""

from django.contrib import admin, messages

from .admin_base import ArchiveModelAdmin
from .merges import UndoBlocked, undo_merge
from .models import MergeRecord, Rejection


@admin.register(Rejection)
class RejectionAdmin(ArchiveModelAdmin):
    list_display = ["text", "kind", "becomes", "article", "created_by", "created"]
    list_filter = ["kind", "becomes"]
    list_select_related = ["article", "created_by"]
    search_fields = ["text", "article__title"]
    autocomplete_fields = ["article"]
    fields = ["kind", "text", "article", "becomes", "created_by", "created"]
    readonly_fields = ["created_by", "created"]

    def save_model(self, request, obj, form, change):
        obj.created_by = obj.created_by or request.user
        super().save_model(request, obj, form, change)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "merged_by", "merged_at", "undone_at"]
    list_filter = ["kind"]
    list_select_related = ["merged_by"]
    search_fields = ["survivor_name", "merged_names"]
    fields = readonly_fields = [
        "kind",
        "survivor_name",
        "merged_names",
        "summary",
        "merged_by",
        "merged_at",
        "undone_by",
        "undone_at",
    ]
    actions = ["undo_merges"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # the record of a merge is history

    @admin.action(description="Undo the selected merges", permissions=["change"])
    def undo_merges(self, request, queryset):
        for record in queryset.order_by("-merged_at", "-pk"):  # the latest first
            try:
                undo_merge(record, user=request.user)
            except UndoBlocked as blocked:
                self.message_user(request, f"Cannot undo “{record}”: {blocked}.", messages.ERROR)
            else:
                self.message_user(
                    request, f"Undid “{record}”: both records are as they were.", messages.SUCCESS
                )
