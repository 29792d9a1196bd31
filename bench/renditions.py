"""Rendition time per upload: what an editor waits for when saving a still (readers never wait for it).

    .venv/bin/python bench/renditions.py [--runs N]
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-media-")

import django  # noqa: E402

django.setup()

from django.core.files.storage import default_storage  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from pictures.renditions import clean_upload, make_renditions  # noqa: E402
from reviews.models import Review  # noqa: E402

SIZES = {"phone still 4032×3024": (4032, 3024), "camera still 6000×4000": (6000, 4000),
         "web still 1920×1080": (1920, 1080)}


def sample(size) -> bytes:
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    ImageDraw.Draw(image).ellipse((size[0] * 0.3, size[1] * 0.3, size[0] * 0.6, size[1] * 0.7), fill=(180, 40, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"{'upload':<26} {'MB':>5} {'clean (s)':>10} {'renditions (s)':>15} {'files':>6}")
    for label, size in SIZES.items():
        data = sample(size)
        cleans, renders = [], []
        for _ in range(runs):
            start = time.perf_counter()
            cleaned = clean_upload(SimpleUploadedFile("still.jpg", data))
            name = default_storage.save(f"pictures/{cleaned.name}", cleaned)
            middle = time.perf_counter()
            field = Review(image=name).image
            made = make_renditions(field, (0.45, 0.5), list(Review.crops))
            renders.append(time.perf_counter() - middle)
            cleans.append(middle - start)
        files = sum(len(c["sizes"]) * 2 for c in made["crops"].values())
        print(f"{label:<26} {len(data) / 1e6:5.1f} {statistics.median(cleans):10.2f} "
              f"{statistics.median(renders):15.2f} {files:6d}")
    print(f"median of {runs} runs; the review crops: {', '.join(Review.crops)}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(os.environ["MEDIA_ROOT"], ignore_errors=True)
