"""Factories named by state: DraftReviewFactory, LiveReviewFactory, ScheduledReviewFactory, ..."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group, User
from django.utils import timezone

from editorial.models import Status
from people.models import Person
from reviews.models import Review
from shows.models import Credit, Show


def hours_ago(hours: int):
    return timezone.now() - timedelta(hours=hours)


class LiveMixin(factory.django.DjangoModelFactory):
    status = Status.PUBLISHED
    published_at = factory.Sequence(lambda n: hours_ago(n + 1))


class LivePersonFactory(LiveMixin):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person Number {n}")


class LiveShowFactory(LiveMixin):
    class Meta:
        model = Show

    title = factory.Sequence(lambda n: f"Show Number {n}")
    kind = Show.Kind.FILM
    year = 2025


class CreditFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Credit

    show = factory.SubFactory(LiveShowFactory)
    person = factory.SubFactory(LivePersonFactory)
    role = Credit.Role.CAST
    order = factory.Sequence(int)


class LiveReviewFactory(LiveMixin):
    class Meta:
        model = Review

    show = factory.SubFactory(LiveShowFactory)
    critic = factory.SubFactory(LivePersonFactory)
    headline = factory.Sequence(lambda n: f"Headline number {n}")
    standfirst = "A standfirst."
    body = "First paragraph.\nSecond paragraph."
    rating = 3


class DraftReviewFactory(LiveReviewFactory):
    status = Status.DRAFT
    published_at = None


class InReviewReviewFactory(LiveReviewFactory):
    status = Status.IN_REVIEW
    published_at = None


class ScheduledReviewFactory(LiveReviewFactory):
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))


class DraftPersonFactory(LivePersonFactory):
    status = Status.DRAFT
    published_at = None


class DraftShowFactory(LiveShowFactory):
    status = Status.DRAFT
    published_at = None


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


def writer():
    return StaffFactory(group="Writers")


def editor():
    return StaffFactory(group="Editors")


# What an admin change form sends for the parts a test leaves alone: the picture, and (on a review) the
# empty list of mentions found in its body.
UNTOUCHED_PARTS = {"image_focus_x": "0.5", "image_focus_y": "0.5", "image_alt": "", "image_caption": "",
                   "image_credit": "", "mentions-TOTAL_FORMS": "0", "mentions-INITIAL_FORMS": "0",
                   "mentions-MIN_NUM_FORMS": "0", "mentions-MAX_NUM_FORMS": "1000",
                   **{f"{part}-{name}": value for part in ("season_set", "episode_set")
                      for name, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"), ("MIN_NUM_FORMS", "0"),
                                          ("MAX_NUM_FORMS", "1000"))}}


def committing():
    """``with committing():`` runs what a commit of the block's writes runs (the publication pipeline). A test's
    own transaction never commits, so without it nothing after-commit would run."""
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def opened_version(item) -> int | str:
    """The version a change form opened now carries in its hidden field ("" on an add form)."""
    return type(item)._default_manager.get(pk=item.pk).version if item.pk else ""
