from django.contrib import admin

from editorial.admin import EditorialAdmin
from tests.featureapp.models import Feature


@admin.register(Feature)
class FeatureAdmin(EditorialAdmin):
    fieldsets = [(None, {"fields": ["headline", "slug", "body"]})]
    list_display = ["headline", "state_badge"]
