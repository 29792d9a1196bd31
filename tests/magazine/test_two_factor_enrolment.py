"""Enrolment's keys: each page view shows a new one, only its own session can confirm it, within ten minutes, and
confirming one cancels the rest, so a key copied with the password alone never becomes a way in."""

import re
from base64 import b32decode
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.magazine.test_two_factor import sign_in

ENROL = reverse("admin:two_factor_enrol")


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


def key_on(page) -> bytes:
    """The key as the person at the screen reads it: the text beside the QR code."""
    text = re.search(r'<code class="two-factor-secret">([A-Z2-7 ]+)</code>', page.content.decode()).group(1)
    return b32decode(text.replace(" ", ""))


def code_from(key: bytes) -> str:
    return f"{totp(key):06d}"


def confirm(client, page, code, name="Phone", **kwargs):
    """Post a code with the form on that page, hidden fields and all, as a browser would."""
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.content.decode()))
    return client.post(ENROL, {**hidden, "code": code, "name": name}, **kwargs)


@pytest.mark.django_db
def test_a_key_copied_with_the_password_alone_never_signs_the_attacker_in(required):
    editor = factories.editor()
    attacker = Client()
    sign_in(attacker, editor)
    planted = key_on(attacker.get(ENROL))

    victim = Client()
    sign_in(victim, editor)
    page = victim.get(ENROL)
    assert key_on(page) != planted  # the editor's authenticator gets a key nobody else has seen
    signed_in = confirm(victim, page, code_from(key_on(page)))
    assert signed_in.status_code == 302 and signed_in.url == reverse("admin:index")
    assert list(TOTPDevice.objects.filter(user=editor).values_list("confirmed", flat=True)) == [True]

    sign_in(attacker, editor)
    refused = attacker.post(reverse("admin:two_factor"), {"code": code_from(planted)})
    assert refused.status_code == 200 and "That code is not right" in refused.content.decode()
    assert "_auth_user_id" not in attacker.session
    assert attacker.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_each_view_of_the_page_shows_a_new_key_and_the_one_it_replaced_is_refused(required):
    editor = factories.editor()
    client = Client()
    sign_in(client, editor)
    first = client.get(ENROL)
    second = client.get(ENROL)
    assert key_on(second) != key_on(first)
    assert TOTPDevice.objects.filter(user=editor).count() == 1  # the replaced key is gone, not just unused

    refused = confirm(client, first, code_from(key_on(first)), follow=True)
    assert refused.status_code == 200 and "That key was replaced by a newer one" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_key_not_confirmed_within_ten_minutes_expires(required):
    editor = factories.editor()
    client = Client()
    sign_in(client, editor)
    page = client.get(ENROL)
    TOTPDevice.objects.filter(user=editor).update(created_at=timezone.now() - timedelta(minutes=11))

    refused = confirm(client, page, code_from(key_on(page)), follow=True)
    assert refused.status_code == 200 and "That key has expired" in refused.content.decode()
    assert key_on(refused) != key_on(page)  # and a new key to scan
    assert list(TOTPDevice.objects.filter(user=editor).values_list("confirmed", flat=True)) == [False]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_expired_keys_are_deleted_when_the_page_is_next_opened(required):
    editor = factories.editor()
    abandoned = TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=False)
    TOTPDevice.objects.filter(pk=abandoned.pk).update(created_at=timezone.now() - timedelta(minutes=11))
    client = Client()
    sign_in(client, editor)
    client.get(ENROL)
    assert not TOTPDevice.objects.filter(pk=abandoned.pk).exists()
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.django_db
def test_confirming_a_key_deletes_the_users_other_unconfirmed_keys():
    editor = factories.editor()
    desk, laptop = Client(), Client()
    desk.force_login(editor)
    laptop.force_login(editor)
    on_desk, on_laptop = desk.get(ENROL), laptop.get(ENROL)
    assert key_on(on_desk) != key_on(on_laptop)

    assert confirm(desk, on_desk, code_from(key_on(on_desk)), name="Desk phone").url == \
        reverse("admin:two_factor_devices")
    assert list(TOTPDevice.objects.filter(user=editor).values_list("name", "confirmed")) == [("Desk phone", True)]
    refused = confirm(laptop, on_laptop, code_from(key_on(on_laptop)), follow=True)
    assert refused.status_code == 200 and "That key has expired" in refused.content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).count() == 1


@pytest.mark.django_db
def test_a_key_can_be_confirmed_only_from_the_session_it_was_shown_in(required):
    editor = factories.editor()
    shown_to, other = Client(), Client()
    sign_in(shown_to, editor)
    sign_in(other, editor)
    page = shown_to.get(ENROL)
    other.get(ENROL)

    refused = confirm(other, page, code_from(key_on(page)), follow=True)  # another session's form, right code
    assert "That key was replaced by a newer one" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert "_auth_user_id" not in other.session
    assert confirm(shown_to, page, code_from(key_on(page))).url == reverse("admin:index")
