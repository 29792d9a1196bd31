"""The whole magazine out to plain files and back (``export_magazine`` and ``import_magazine``).

An export is a folder: ``manifest.json`` (every file with its SHA-256), ``tags.jsonl``, one JSON Lines file per
content type the registry names (``people.jsonl``, ``shows.jsonl``, ``reviews.jsonl``: one item a line, with its
slug, old slugs, state, working copy and picture), each review's text as a house-style file
(``reviews/<slug>.txt``) and the original of every picture under ``media/``. Items keep their ids, so feed
entry ids and every address survive a restore.
"""
