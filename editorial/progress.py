"""The progress bar of the long commands (import_review, refresh_mentions, seed_bench).

On a terminal it redraws one line; into a log file it writes a line every tenth of the way.
"""

import time


class Progress:
    def __init__(self, stream, label: str, total: int):
        self.stream, self.label, self.total, self.done, self.start = stream, label, total, 0, time.monotonic()

    def advance(self, count: int) -> None:
        before, self.done = self.done, self.done + count
        tenth = max(self.total // 10, 1)
        if not self.stream.isatty() and before // tenth == self.done // tenth and self.done < self.total:
            return  # into a log file: a line every tenth of the way, not every batch
        filled = 30 * self.done // max(self.total, 1)
        rate = self.done / max(time.monotonic() - self.start, 1e-6)
        start = "\r" if self.stream.isatty() else ""
        self.stream.write(f"{start}{self.label:<8} [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} "
                          f"({rate:,.0f}/s)", ending="" if self.stream.isatty() else "\n")
        if self.done >= self.total and self.stream.isatty():
            self.stream.write("")
