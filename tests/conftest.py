import pytest
from django.core.cache import cache

from editorial.fragments import fragments
from magazine import page_cache
from tests import factories
from tests.live_server import live_server_address, start_live_server
from tests.servers import free_port

pytest_plugins = ["tests.browser"]


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, one request at a time on SQLite (tests/live_server.py)."""
    server = start_live_server(live_server_address(request.config))
    yield server
    server.stop()


@pytest.fixture
def writer(db):
    return factories.writer()


@pytest.fixture
def editor(db):
    return factories.editor()


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions land in the test's own folder, never in var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_fragments():
    """Each test renders its own pages: no fragment kept from another test's rows (ids come round again)."""
    fragments.clear()


@pytest.fixture
def page_cache_on(settings):
    """The page cache as in production, empty at the start and the end of the test."""
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests read pages fresh; tests/test_page_cache.py turns the cache on where it is the subject."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def no_search_rate_limit(settings):
    """One test client makes many searches a minute; tests/magazine/test_bad_input.py sets the limit it tests."""
    settings.SEARCH_RATE_LIMIT = 1_000_000


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """Tests render templates without a collectstatic run; the hashed manifest is for production."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def unreachable_cache(settings):
    """The shared cache is a Redis address where nothing answers (as when Redis is stopped)."""
    settings.CACHES = {"default": {
        "BACKEND": "editorial.shared_cache.RedisCache", "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.distrust()
    yield
    page_cache.distrust()
