from django.urls import re_path

from pages import views

app_name = "pages"
urlpatterns = [
    # At the site's root, after every other address (magazine/urls.py); a slug is letters, digits and hyphens, so
    # ``/robots.txt`` or ``/wp-login.php`` is never taken for a page, and no slash is added to them.
    re_path(r"^(?P<slug>[-\w]+)/$", views.PageDetailView.as_view(), name="detail"),
]
