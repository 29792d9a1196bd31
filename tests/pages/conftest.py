import pytest

from pages import footer


@pytest.fixture(autouse=True)
def fresh_footer():
    """Each test reads its own footer: none kept from another test's rows under the same clock."""
    footer.kept.clear()
    yield
    footer.kept.clear()
