"""The admin site with the editors' own pages: the review queue, the editorial calendar and two-factor sign-in."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


class MagazineAdminSite(admin.AdminSite):
    site_header = f"{settings.MAGAZINE_NAME} · editorial desk"
    site_title = settings.MAGAZINE_NAME
    index_title = "Desk"

    def get_urls(self):
        # These import models; this module is loaded before they are ready.
        from desk import queue
        from magazine import admin_desk, two_factor

        return [
            path("queue/", self.admin_view(queue.queue_view), name="queue"),
            path("calendar/", self.admin_view(admin_desk.calendar_view), name="calendar"),
            path("two-factor/", two_factor.verify_view, name="two_factor"),
            path("two-factor/enrol/", two_factor.enrol_view, name="two_factor_enrol"),
            path("two-factor/devices/", self.admin_view(two_factor.devices_view), name="two_factor_devices"),
        ] + super().get_urls()

    def index(self, request, extra_context=None):
        """The dashboard: what waits for this person (``desk.dashboard``), above the list of everything."""
        from desk import dashboard

        return super().index(request, {**dashboard.panels_for(request.user), **(extra_context or {})})

    def has_permission(self, request):
        from magazine import two_factor

        return super().has_permission(request) and two_factor.satisfied(request.user)

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """Django's AdminSite.login, with a login view that asks for the second factor where one is required."""
        from django.contrib.admin.forms import AdminAuthenticationForm

        from magazine.two_factor import TwoStepLoginView

        if request.method == "GET" and self.has_permission(request):
            return redirect("admin:index")
        context = {**self.each_context(request), "title": "Log in", "subtitle": None,
                   "app_path": request.get_full_path(), "username": request.user.get_username()}
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return TwoStepLoginView.as_view(extra_context=context,
                                        authentication_form=self.login_form or AdminAuthenticationForm,
                                        template_name=self.login_template or "admin/login.html")(request)


def locked_out(request, original_response=None, credentials=None):
    """django-axes's answer to a paused sign-in: the admin's own page, saying why and for how long."""
    context = {**admin.site.each_context(request), "title": "Sign-in paused", "is_nav_sidebar_enabled": False,
               "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return render(request, "admin/locked_out.html", context, status=429)
