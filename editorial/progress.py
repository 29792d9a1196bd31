"""The progress bar of the long commands (import_review, refresh_mentions, seed_bench): tqdm, drawn plainly.

On a terminal it redraws one line; into a log file it draws again only about every tenth of the way.
"""

from tqdm import tqdm


def progress_bar(stream, label: str, total: int, *, shown: bool = True) -> tqdm:
    """``stream`` is a command's ``self.stderr``; use the bar in a ``with`` block and ``update()`` it."""
    out = getattr(stream, "_out", stream)  # tqdm redraws with \r: Django's wrapper would add a newline each time
    terminal = out.isatty()
    return tqdm(total=total, file=out, desc=f"{label:<8}", ascii=".#", dynamic_ncols=False,
                bar_format="{desc} [{bar:30}] {n_fmt}/{total_fmt} ({rate_fmt})",
                mininterval=0.1 if terminal else 0, miniters=None if terminal else max(total // 10, 1),
                disable=not shown)
