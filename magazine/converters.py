class SlugConverter:
    """Any slug, in any script, but never a NUL (PostgreSQL text cannot hold one: a 404, not a 500)."""

    regex = "[^/\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
