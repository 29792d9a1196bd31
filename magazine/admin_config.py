from django.contrib.admin.apps import AdminConfig


class MagazineAdminConfig(AdminConfig):
    """Django's admin, on the magazine's own site (magazine.admin_site): same admin, two more desk pages."""

    default_site = "magazine.admin_site.MagazineAdminSite"
