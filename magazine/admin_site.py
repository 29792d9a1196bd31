"""The admin site with the editors' own pages: the review queue and the editorial calendar."""

from django.conf import settings
from django.contrib import admin
from django.urls import path

from magazine.throttle import ThrottledAdminAuthenticationForm


class MagazineAdminSite(admin.AdminSite):
    site_header = f"{settings.MAGAZINE_NAME} · editorial desk"
    site_title = settings.MAGAZINE_NAME
    index_title = "Desk"
    login_form = ThrottledAdminAuthenticationForm

    def get_urls(self):
        from magazine import admin_desk  # it imports models; this module is loaded before they are ready

        return [
            path("queue/", self.admin_view(admin_desk.queue_view), name="queue"),
            path("calendar/", self.admin_view(admin_desk.calendar_view), name="calendar"),
        ] + super().get_urls()
