"""A second factor for publishers (DJANGO_REQUIRE_2FA): real TOTP devices and codes, through the admin's sign-in."""

from base64 import b32encode

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.html_validator import validate_pages

PASSWORD = "correct horse battery"
ADMIN_PAGES = ["admin:index", "admin:reviews_review_changelist", "admin:queue", "admin:password_change",
               "admin:two_factor_devices", "admin:axes_accessattempt_changelist"]


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA = True


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def phone(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Work phone", confirmed=True)


def sign_in(client, user, password=PASSWORD, **meta):
    return client.post(reverse("admin:login"), {"username": user.username, "password": password,
                                                "next": reverse("admin:index")}, **meta)


def assert_signed_out_of_the_admin(client):
    assert "_auth_user_id" not in client.session
    for name in ADMIN_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), name


@pytest.mark.django_db
def test_with_the_flag_off_an_editor_signs_in_with_the_password_alone(client):
    editor = factories.editor()
    phone(editor)  # a device changes nothing until codes are required
    response = sign_in(client, editor)
    assert response.status_code == 302 and response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_an_editor_without_a_device_is_sent_to_enrolment_and_reaches_nothing_else(client, required):
    editor = factories.editor()
    response = sign_in(client, editor)
    assert response.status_code == 302 and response.url == reverse("admin:two_factor_enrol")
    assert_signed_out_of_the_admin(client)
    assert client.get(reverse("admin:two_factor")).url == reverse("admin:two_factor_enrol")

    page = client.get(reverse("admin:two_factor_enrol"))
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    html = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in html  # the QR code
    secret = b32encode(device.bin_key).decode()
    assert " ".join(secret[i:i + 4] for i in range(0, 32, 4)) in html  # and the key as text
    assert secret[:4] not in client.get(reverse("admin:two_factor_enrol")).content.decode()
    assert TOTPDevice.objects.filter(user=editor).count() == 1  # a reload shows a new key, in place of the old
    assert_signed_out_of_the_admin(client)


@pytest.mark.django_db
def test_enrolment_with_a_right_code_confirms_the_device_and_signs_in(client, required):
    editor = factories.editor()
    sign_in(client, editor)
    client.get(reverse("admin:two_factor_enrol"))
    device = TOTPDevice.objects.get(user=editor)

    refused = client.post(reverse("admin:two_factor_enrol"),
                          {"code": wrong_code_for(device), "name": "Phone", "secret": device.pk})
    assert refused.status_code == 200 and "That code is not right" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert_signed_out_of_the_admin(client)

    device.throttle_reset()  # django-otp waits a second after a wrong code; that wait is not what this tests
    response = client.post(reverse("admin:two_factor_enrol"),
                           {"code": code_for(device), "name": "Work phone", "secret": device.pk})
    assert response.status_code == 302 and response.url == reverse("admin:index")
    device.refresh_from_db()
    assert device.confirmed and device.name == "Work phone"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_with_a_device_the_password_alone_is_not_enough_and_a_wrong_code_is_refused(client, required):
    editor = factories.editor()
    device = phone(editor)
    response = sign_in(client, editor)
    assert response.status_code == 302 and response.url == reverse("admin:two_factor")
    assert_signed_out_of_the_admin(client)

    page = client.get(reverse("admin:two_factor"))
    assert "Authentication code" in page.content.decode()
    refused = client.post(reverse("admin:two_factor"), {"code": wrong_code_for(device)})
    assert refused.status_code == 200
    assert "That code is not right" in refused.content.decode()
    assert_signed_out_of_the_admin(client)
    malformed = client.post(reverse("admin:two_factor"), {"code": "12ab56"})
    assert "Enter the six digits" in malformed.content.decode()


@pytest.mark.django_db
def test_a_right_code_signs_in(client, required):
    editor = factories.editor()
    device = phone(editor)
    sign_in(client, editor)
    response = client.post(reverse("admin:two_factor"), {"code": code_for(device)})
    assert response.status_code == 302 and response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:reviews_review_changelist")).status_code == 200
    devices_page = client.get(reverse("admin:two_factor_devices")).content.decode()
    assert "Work phone" in devices_page and "this sign-in" in devices_page


@pytest.mark.django_db
def test_a_password_alone_never_adds_a_device_beside_one_that_exists(client, required):
    editor = factories.editor()
    phone(editor)
    sign_in(client, editor)
    assert client.get(reverse("admin:two_factor_enrol")).url == reverse("admin:two_factor")
    assert client.post(reverse("admin:two_factor_enrol"), {"code": "123456", "name": "Mine"}).url == \
        reverse("admin:two_factor")
    assert TOTPDevice.objects.filter(user=editor).count() == 1


@pytest.mark.django_db
def test_writers_are_not_asked(client, required):
    writer = factories.writer()
    response = sign_in(client, writer)
    assert response.status_code == 302 and response.url == reverse("admin:index")
    assert client.get(reverse("admin:reviews_review_changelist")).status_code == 200


@pytest.mark.django_db
def test_superusers_are_asked(client, required):
    boss = factories.StaffFactory(is_superuser=True)
    assert sign_in(client, boss).url == reverse("admin:two_factor_enrol")


@pytest.mark.django_db
def test_a_session_from_before_codes_were_required_reaches_no_admin_page(client, required):
    client.force_login(factories.editor())
    for name in ADMIN_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), name


@pytest.mark.django_db
def test_wrong_codes_count_toward_the_sign_in_throttle(client, required):
    editor = factories.editor()
    device = phone(editor)
    here = {"REMOTE_ADDR": "203.0.113.7"}
    for _ in range(4):
        sign_in(client, editor, "wrong", **here)
    assert sign_in(client, editor, **here).url == reverse("admin:two_factor")  # a right password does not reset
    paused = client.post(reverse("admin:two_factor"), {"code": wrong_code_for(device)}, **here)  # the fifth failure
    assert paused.status_code == 429 and "Too many failed attempts" in paused.content.decode()
    assert AccessAttempt.objects.get(username=editor.username).failures_since_start == 5
    assert client.post(reverse("admin:two_factor"), {"code": code_for(device)}, **here).url == \
        reverse("admin:login")  # the pending sign-in ended with the pause
    assert sign_in(client, editor, **here).status_code == 429
    assert sign_in(Client(), editor, **{"REMOTE_ADDR": "198.51.100.9"}).url == reverse("admin:two_factor")


@pytest.mark.django_db
def test_a_whole_sign_in_resets_the_throttle(client, required):
    editor = factories.editor()
    device = phone(editor)
    sign_in(client, editor, "wrong")
    sign_in(client, editor)
    client.post(reverse("admin:two_factor"), {"code": code_for(device)})
    assert not AccessAttempt.objects.filter(username=editor.username).exists()


@pytest.mark.django_db
def test_a_signed_in_editor_sees_their_devices_and_adds_one(client):
    editor = factories.editor()
    client.force_login(editor)
    assert "You have no authenticator app" in client.get(reverse("admin:two_factor_devices")).content.decode()
    assert "Two-factor sign-in" in client.get(reverse("admin:index")).content.decode()  # in the user links
    page = client.get(reverse("admin:two_factor_enrol"))
    assert page.status_code == 200 and "Add an authenticator app" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    response = client.post(reverse("admin:two_factor_enrol"),
                           {"code": code_for(device), "name": "Tablet", "secret": device.pk})
    assert response.url == reverse("admin:two_factor_devices")
    assert "Tablet" in client.get(reverse("admin:two_factor_devices")).content.decode()


@pytest.mark.django_db
def test_reset_two_factor_deletes_a_users_devices(required):
    editor = factories.editor()
    phone(editor)
    call_command("reset_two_factor", editor.username)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert Client().post(reverse("admin:login"), {"username": editor.username, "password": PASSWORD}).url == \
        reverse("admin:two_factor_enrol")


@pytest.mark.django_db
def test_the_two_factor_pages_are_valid_html(client, required):
    editor, other = factories.editor(), factories.editor()
    phone(editor)
    pages = {}
    sign_in(client, editor)
    pages["verify"] = client.get(reverse("admin:two_factor"))
    pages["verify, refused"] = client.post(reverse("admin:two_factor"), {"code": "12"})
    newcomer = Client()
    sign_in(newcomer, other)
    pages["enrol, signing in"] = newcomer.get(reverse("admin:two_factor_enrol"))
    signed_in = Client()
    signed_in.force_login(factories.writer())
    pages["enrol, signed in"] = signed_in.get(reverse("admin:two_factor_enrol"))
    pages["devices"] = signed_in.get(reverse("admin:two_factor_devices"))
    assert all(response.status_code == 200 for response in pages.values())
    results = validate_pages({name: response.content.decode() for name, response in pages.items()})
    errors = {name: messages for name, messages in results.items() if messages}
    assert not errors, errors
