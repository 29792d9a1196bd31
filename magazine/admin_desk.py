"""Pages for the desk: everything waiting for an editor, and the month's publishing calendar."""

import calendar
from datetime import date, datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from desk.permissions import require_editor
from editorial import workflow
from editorial.models import Status
from reviews.models import Review


def change_url(item) -> str:
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def month_from(value: str | None) -> date:
    if not value:
        return timezone.localdate().replace(day=1)
    try:
        month = datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise Http404("Give the month as YYYY-MM.") from None
    if not 1900 <= month.year <= 2200:
        raise Http404("That month is out of range.")
    return month


def calendar_view(request):
    """A month of scheduled and published reviews by day; editors reschedule from here."""
    require_editor(request)
    if request.method == "POST":
        return reschedule(request)
    month = month_from(request.GET.get("month"))
    first = timezone.make_aware(datetime.combine(month, time.min))
    following = (month + timedelta(days=32)).replace(day=1)
    reviews = (Review.objects.filter(status=Status.PUBLISHED, published_at__gte=first,
                                     published_at__lt=timezone.make_aware(datetime.combine(following, time.min)))
               .select_related("show").order_by("published_at"))
    by_day: dict[date, list] = {}
    for review in reviews:
        by_day.setdefault(timezone.localtime(review.published_at).date(), []).append(review)
    weeks = [[{"day": day, "in_month": day.month == month.month, "reviews": by_day.get(day, [])} for day in week]
             for week in calendar.Calendar().monthdatescalendar(month.year, month.month)]
    context = {
        **admin.site.each_context(request), "title": f"Calendar: {month:%B %Y}", "weeks": weeks, "month": month,
        "previous": (month - timedelta(days=1)).replace(day=1), "next": following,
        "in_review": Review.objects.in_review().select_related("show"),
        "scheduled": [review for review in reviews if review.published_at > timezone.now()],
        "today": timezone.localdate(), "now": timezone.now(),
    }
    return TemplateResponse(request, "admin/desk/calendar.html", context)


def posted_time(post):
    """The new time: a date and a 24-hour time as the change form takes them (“03/12/2026”, “09:00”), or one
    ISO-like value (“2026-12-03T09:00”); None when neither makes a time."""
    if "when_0" in post:
        try:
            return forms.SplitDateTimeField().clean([post.get("when_0", ""), post.get("when_1", "")])
        except ValidationError:
            return None
    try:
        return timezone.make_aware(datetime.strptime(post.get("when", ""), "%Y-%m-%dT%H:%M"))
    except ValueError:
        return None


def reschedule(request):
    back = f"{reverse('admin:calendar')}?month={request.POST.get('month', '')}"
    review = Review.objects.filter(pk=request.POST.get("review") or 0).first() if (
        request.POST.get("review", "").isdigit()) else None
    when = posted_time(request.POST)
    if review is None or when is None:
        messages.error(request, "Choose a review and a date and time to reschedule it.")
        return redirect(back)
    try:
        workflow.reschedule(review, by=request.user, at=when)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, f"{review}: {' '.join(getattr(error, 'messages', [str(error)]))}")
        return redirect(back)
    state = "scheduled for" if when > timezone.now() else "published at"
    messages.success(request, f"“{review}” {state} {timezone.localtime(when):%d %b %Y, %H:%M}.")
    return redirect(back)
