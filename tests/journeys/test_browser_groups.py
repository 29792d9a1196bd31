"""The browser tests' Writers and Editors (remade after each flush) can do exactly what the migrations grant."""

import pytest
from django.contrib.auth.models import Group

from tests.browser import make_editorial_groups


def grants() -> dict[str, set[tuple[str, str]]]:
    return {group.name: set(group.permissions.values_list("content_type__app_label", "codename"))
            for group in Group.objects.prefetch_related("permissions")}


@pytest.mark.django_db
def test_remade_groups_have_the_migrated_permissions():
    migrated = grants()
    assert {"Writers", "Editors"} <= set(migrated)
    Group.objects.all().delete()
    make_editorial_groups()
    assert grants() == migrated
