from django.conf import settings


def site(request):
    return {"magazine_name": settings.MAGAZINE_NAME}
