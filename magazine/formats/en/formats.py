"""English without a region: the same 24-hour clock as the magazine's en-GB."""

from magazine.formats.en_GB.formats import *  # noqa: F403
