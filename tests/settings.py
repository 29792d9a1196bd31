"""The magazine's settings, with a fourth content type that exists only in the tests (tests/featureapp)."""

from magazine.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.featureapp"]  # noqa: F405
ROOT_URLCONF = "tests.featureapp.site_urls"
