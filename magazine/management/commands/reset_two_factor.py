"""``python manage.py reset_two_factor USERNAME``: for a lost phone, when no administrator can sign in to delete
its device (the last superuser's own, say). The next sign-in sets up a new authenticator app."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Delete every authenticator device of one account; it sets up a new one at its next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Deleted {deleted} authenticator device(s) of {username}; "
                          "the next sign-in sets up a new one.")
