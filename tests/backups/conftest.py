from io import StringIO

import pytest
from django.core.management import call_command

from tests.backups.test_backup import empty_the_magazine, small_magazine


@pytest.fixture
def export(tmp_path, media_root):
    """A small magazine's export, and the review it holds; the magazine itself is emptied."""
    review = small_magazine()
    folder = tmp_path / "export"
    call_command("export_magazine", str(folder), stdout=StringIO(), stderr=StringIO())
    empty_the_magazine(media_root)
    media_root.mkdir(parents=True, exist_ok=True)
    return folder, review
