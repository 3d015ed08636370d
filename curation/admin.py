"""Staff admin for the rejections: what the loader must never extract again.

Deleting a rejection lets the next load extract the thing again.
"""

from django.contrib import admin

from .admin_base import ArchiveModelAdmin
from .models import Rejection


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
