"""The admin site with the editors' own pages: the review queue and the editorial calendar."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.urls import path


class MagazineAdminSite(admin.AdminSite):
    site_header = f"{settings.MAGAZINE_NAME} · editorial desk"
    site_title = settings.MAGAZINE_NAME
    index_title = "Desk"

    def get_urls(self):
        from magazine import admin_desk  # it imports models; this module is loaded before they are ready

        return [
            path("queue/", self.admin_view(admin_desk.queue_view), name="queue"),
            path("calendar/", self.admin_view(admin_desk.calendar_view), name="calendar"),
        ] + super().get_urls()


def locked_out(request, original_response=None, credentials=None):
    """django-axes's answer to a paused sign-in: the admin's own page, saying why and for how long."""
    context = {**admin.site.each_context(request), "title": "Sign-in paused", "is_nav_sidebar_enabled": False,
               "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return render(request, "admin/locked_out.html", context, status=429)
