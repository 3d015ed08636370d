"""The staff admin: Django's admin plus the cross-model review queue."""

from django.contrib import admin
from django.urls import path


class ArchiveAdminSite(admin.AdminSite):
    site_header = "Care Review Archive: staff"
    site_title = "Care Review Archive staff"
    index_title = "Correcting the archive"

    def get_urls(self):
        from .admin_views import ClearReviewFlagView, ReviewQueueView

        return [
            path(
                "review-queue/",
                self.admin_view(ReviewQueueView.as_view(admin_site=self)),
                name="review-queue",
            ),
            path(
                "review-queue/clear/",
                self.admin_view(ClearReviewFlagView.as_view(admin_site=self)),
                name="review-queue-clear",
            ),
            *super().get_urls(),
        ]
