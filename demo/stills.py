"""Stills for the demo magazine, drawn with Pillow: each review's frame is a scene of its own (a coast at dusk,
a city at night, a stage under a spotlight, a room striped by blinds, a snowfield, a desert road, neon in the
rain), in a palette of its own, finished like film (light leak, vignette, grain). Everything is seeded by the
item's slug, so the same review always gets the same frame. Posters and portraits are in demo/posters.py.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

# Sky palettes: (name, top, horizon, glow)
SKIES = [
    ("dusk", (34, 24, 58), (238, 120, 82), (255, 214, 160)),
    ("dawn", (58, 86, 140), (248, 200, 168), (255, 240, 214)),
    ("night", (6, 10, 26), (36, 52, 96), (220, 228, 255)),
    ("storm", (40, 46, 52), (128, 138, 140), (226, 230, 222)),
    ("noon", (62, 128, 200), (196, 224, 240), (255, 252, 236)),
    ("ember", (46, 14, 20), (196, 76, 38), (255, 180, 96)),
    ("teal", (10, 40, 50), (78, 150, 150), (236, 246, 220)),
]


def dealt(rng, options: list, turn: int | None):
    """The scene's ``turn``-th use takes the next of ``options`` (so repeats differ); without one, chance does."""
    return options[turn % len(options)] if turn is not None else rng.choice(options)


def mix(a, b, t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def gradient(size, stops) -> Image.Image:
    """A vertical gradient through ``stops`` [(position 0–1, colour)], drawn as one column and stretched."""
    width, height = size
    rows = bytearray()
    for y in range(height):
        t = y / max(height - 1, 1)
        (p0, c0), (p1, c1) = next(((a, b) for a, b in zip(stops, stops[1:], strict=False) if a[0] <= t <= b[0]),
                                  (stops[-2], stops[-1]))
        rows += bytes(mix(c0, c1, (t - p0) / max(p1 - p0, 1e-6)))
    return Image.frombytes("RGB", (1, height), bytes(rows)).resize(size)


# Pillow's radial gradient is 0 at the centre and 181 at the middle of each edge: a light that fades out there.
FALLOFF = [max(0.0, 1 - v / 181) ** 2 for v in range(256)]


def glow(image: Image.Image, centre, radius: float, colour, strength: float = 1.0) -> Image.Image:
    """A soft light (sun, lamp, spotlight) added to the picture."""
    mask = Image.radial_gradient("L").point([int(255 * f * strength) for f in FALLOFF]).resize((int(radius * 2),) * 2)
    layer = Image.new("RGB", image.size, colour)
    full = Image.new("L", image.size, 0)
    full.paste(mask, (int(centre[0] - radius), int(centre[1] - radius)))
    return Image.composite(layer, image, full)


def ridge(draw, rng, width, base_y, amplitude, step, colour, height) -> None:
    y, points = base_y, [(0, height)]
    for x in range(0, width + step, step):
        y = max(base_y - amplitude, min(base_y + amplitude // 3, y + rng.randint(-amplitude // 3, amplitude // 3)))
        points.append((x, y))
    draw.polygon(points + [(width, height)], fill=colour)


# Figures: silhouettes of different shapes, standing with their feet at (x, base), ``h`` tall.
def figure_coat(draw, x, base, h, colour):
    head = h / 7.5
    draw.ellipse((x - head, base - h, x + head, base - h + 2 * head), fill=colour)
    draw.polygon([(x - head * 1.9, base - h * 0.08), (x - head * 1.2, base - h + 2.2 * head),
                  (x + head * 1.2, base - h + 2.2 * head), (x + head * 1.9, base - h * 0.08)], fill=colour)
    draw.rectangle((x - head * 0.9, base - h * 0.1, x - head * 0.3, base), fill=colour)
    draw.rectangle((x + head * 0.3, base - h * 0.1, x + head * 0.9, base), fill=colour)


def figure_hat(draw, x, base, h, colour):
    figure_coat(draw, x, base, h, colour)
    head = h / 7.5
    draw.rectangle((x - head * 2, base - h + head * 0.5, x + head * 2, base - h + head * 0.8), fill=colour)
    draw.rectangle((x - head * 1.1, base - h - head * 0.6, x + head * 1.1, base - h + head * 0.6), fill=colour)


def figure_umbrella(draw, x, base, h, colour):
    figure_coat(draw, x, base, h, colour)
    span = h * 0.42
    draw.pieslice((x - span, base - h * 1.22, x + span, base - h * 0.62), 180, 360, fill=colour)
    draw.line((x, base - h * 0.92, x + h * 0.03, base - h * 0.55), fill=colour, width=max(2, int(h / 60)))


def figure_dancer(draw, x, base, h, colour):
    head = h / 8
    draw.ellipse((x - head, base - h, x + head, base - h + 2 * head), fill=colour)
    draw.polygon([(x - head * 0.8, base - h + 2 * head), (x + head * 0.8, base - h + 2 * head),
                  (x + head * 2.6, base - h * 0.42), (x - head * 2.6, base - h * 0.42)], fill=colour)
    draw.line((x - head * 0.6, base - h * 0.45, x - head * 2.2, base), fill=colour, width=int(head * 0.55))
    draw.line((x + head * 0.6, base - h * 0.45, x + head * 3.4, base - h * 0.22), fill=colour, width=int(head * 0.55))
    draw.line((x - head * 0.5, base - h + 2.6 * head, x - head * 3.2, base - h - head), fill=colour,
              width=int(head * 0.45))
    draw.line((x + head * 0.5, base - h + 2.6 * head, x + head * 3.0, base - h + 0.4 * head), fill=colour,
              width=int(head * 0.45))


def figure_pair(draw, x, base, h, colour):
    figure_coat(draw, x - h * 0.16, base, h, colour)
    figure_coat(draw, x + h * 0.16, base, h * 0.9, colour)


FIGURES = {"a figure in a long coat": figure_coat, "a figure in a hat": figure_hat,
           "a figure under an umbrella": figure_umbrella, "two figures side by side": figure_pair}


# Scenes: each draws on a blank frame and says what it shows and where its subject is.
def scene_coast(rng, size, turn=None):
    width, height = size
    name, top, horizon_colour, light = dealt(rng, SKIES, turn)
    horizon = int(height * rng.uniform(0.55, 0.68))
    image = gradient(size, [(0, top), (horizon / height, horizon_colour), (1, mix(horizon_colour, (10, 14, 24), 0.7))])
    sun = (width * rng.uniform(0.2, 0.8), horizon - height * rng.uniform(0.05, 0.25))
    image = glow(image, sun, height * rng.uniform(0.3, 0.5), light, 0.8)
    draw = ImageDraw.Draw(image)
    r = height * rng.uniform(0.04, 0.07)
    draw.ellipse((sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r), fill=mix(light, (255, 255, 255), 0.5))
    draw.rectangle((0, horizon, width, height), fill=mix(top, (8, 16, 30), 0.5))
    for row in range(40):  # the light's path on the water
        y = horizon + (height - horizon) * (row / 40) ** 1.4
        half = width * 0.01 + rng.uniform(0, width * 0.05) * (row / 40 + 0.2)
        draw.line((sun[0] - half, y, sun[0] + half, y), fill=mix(light, top, 0.35 + row / 80), width=2)
    land = dealt(rng, ["a lighthouse on a headland", "a moored boat", "a rocky headland"], turn)
    edge = rng.choice([0, 1])
    cliff = [(width * edge, horizon - height * 0.2), (width * (0.3 if edge == 0 else 0.7), horizon),
             (width * edge, horizon + 10)]
    draw.polygon(cliff, fill=(14, 14, 18))
    subject_x = width * (0.12 if edge == 0 else 0.88)
    if land == "a lighthouse on a headland":
        draw.polygon([(subject_x - 18, horizon - height * 0.18), (subject_x + 18, horizon - height * 0.18),
                      (subject_x + 11, horizon - height * 0.42), (subject_x - 11, horizon - height * 0.42)],
                     fill=(14, 14, 18))
        draw.polygon([(subject_x, horizon - height * 0.44), (subject_x + (300 if edge == 0 else -300),
                       horizon - height * 0.5), (subject_x + (300 if edge == 0 else -300), horizon - height * 0.38)],
                     fill=mix(light, top, 0.5))
    elif land == "a moored boat":
        subject_x = width * rng.uniform(0.4, 0.6)
        draw.polygon([(subject_x - 90, horizon + 8), (subject_x + 90, horizon + 8), (subject_x + 70, horizon + 34),
                      (subject_x - 70, horizon + 34)], fill=(14, 14, 18))
        draw.line((subject_x, horizon + 8, subject_x, horizon - 150), fill=(14, 14, 18), width=5)
    alt = f"Sea at {name} light, {land} in silhouette against the glow on the water."
    return image, alt, (subject_x / width, (horizon - height * 0.2) / height)


def scene_city(rng, size, turn=None):
    width, height = size
    top, low = dealt(rng, [((6, 8, 22), (48, 36, 86)), ((24, 8, 20), (120, 40, 60)), ((10, 20, 30), (40, 90, 110))],
                     turn)
    image = gradient(size, [(0, top), (0.7, low), (1, top)])
    draw = ImageDraw.Draw(image)
    street = int(height * rng.uniform(0.74, 0.84))
    for layer, shade in ((0, 0.55), (1, 0.8)):
        x = -rng.randint(0, 60)
        while x < width:
            w, h = rng.randint(60, 170), rng.randint(int(height * 0.2), int(height * (0.55 if layer else 0.7)))
            colour = mix(low, (4, 4, 8), shade)
            draw.rectangle((x, street - h, x + w, street), fill=colour)
            if layer:
                for wy in range(street - h + 14, street - 20, 22):
                    for wx in range(x + 10, x + w - 12, 18):
                        if rng.random() < 0.22:
                            draw.rectangle((wx, wy, wx + 8, wy + 11), fill=rng.choice(
                                [(255, 214, 140), (250, 236, 200), (160, 220, 255)]))
            x += w + rng.randint(2, 14)
    draw.rectangle((0, street, width, height), fill=(12, 12, 16))
    image = glow(image, (width * rng.uniform(0.1, 0.9), street - height * 0.05), height * 0.25, (255, 196, 120), 0.55)
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(26):  # out-of-focus lights in the street
        x, y, r = rng.uniform(0, width), rng.uniform(street - 40, height), rng.uniform(8, 30)
        colour = rng.choice([(255, 170, 90), (255, 90, 90), (120, 200, 255)])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*colour, rng.randint(60, 140)))
    label, shape = dealt(rng, list(FIGURES.items()), turn)
    x = width * rng.uniform(0.3, 0.7)
    shape(draw, x, street + height * 0.08, height * 0.4, (6, 6, 8))
    alt = f"A city street at night, windows lit in the towers behind {label} in silhouette."
    return image, alt, (x / width, (street - height * 0.12) / height)


def figure_singer(draw, x, base, h, colour):
    figure_coat(draw, x, base, h, colour)
    stand = x + h * 0.16
    draw.line((stand, base, stand, base - h * 0.78), fill=colour, width=max(3, int(h / 90)))
    draw.ellipse((stand - h * 0.025, base - h * 0.84, stand + h * 0.025, base - h * 0.76), fill=colour)
    draw.line((stand - h * 0.1, base, stand + h * 0.1, base), fill=colour, width=max(3, int(h / 90)))


def figure_seated(draw, x, base, h, colour):
    head = h / 6
    draw.rectangle((x - head * 1.6, base - h * 0.45, x + head * 1.6, base - h * 0.38), fill=colour)  # seat
    for leg in (-1.4, 1.4):
        draw.line((x + head * leg, base - h * 0.4, x + head * leg, base), fill=colour, width=int(head * 0.3))
    draw.rectangle((x + head * 1.2, base - h * 0.95, x + head * 1.6, base - h * 0.4), fill=colour)  # chair back
    draw.ellipse((x - head * 0.9, base - h, x + head * 0.9, base - h + head * 1.8), fill=colour)
    draw.polygon([(x - head * 1.2, base - h * 0.42), (x - head, base - h + head * 1.9),
                  (x + head, base - h + head * 1.9), (x + head * 1.2, base - h * 0.42)], fill=colour)
    draw.line((x - head, base - h * 0.42, x - head * 2.2, base - h * 0.4), fill=colour, width=int(head * 0.6))
    draw.line((x - head * 2.2, base - h * 0.42, x - head * 2.2, base), fill=colour, width=int(head * 0.5))


PERFORMERS = [("A dancer mid-leap", figure_dancer), ("A singer at a microphone", figure_singer),
              ("A figure on a wooden chair", figure_seated)]
SPOTLIGHTS = [("a warm spotlight", (255, 238, 200)), ("a cold blue spotlight", (190, 214, 255)),
              ("a rose-coloured spotlight", (255, 190, 210))]


def scene_stage(rng, size, turn=None):
    width, height = size
    curtain = dealt(rng, [(110, 16, 24), (24, 30, 80), (70, 20, 70), (120, 80, 20)], turn)
    label, performer = dealt(rng, PERFORMERS, turn)
    light_name, light = dealt(rng, SPOTLIGHTS, turn)
    image = Image.new("RGB", size, mix(curtain, (0, 0, 0), 0.6))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, 34):  # the folds of the curtain
        draw.rectangle((x, 0, x + 17, height), fill=mix(curtain, (0, 0, 0), 0.35 + 0.2 * math.sin(x / 40) ** 2))
    floor = int(height * rng.uniform(0.74, 0.82))
    draw.rectangle((0, floor, width, height), fill=(30, 22, 18))
    for x in range(40, width, 120):  # footlights
        draw.ellipse((x - 10, height - 24, x + 10, height - 12), fill=mix(light, (255, 255, 255), 0.5))
    x = width * rng.uniform(0.3, 0.7)
    beam = Image.new("L", (width // 4, height // 4), 0)  # drawn small and blurred, then enlarged: fast and soft
    ImageDraw.Draw(beam).polygon([((x - 40) / 4, 0), ((x + 40) / 4, 0), ((x + 260) / 4, (floor + 40) / 4),
                                  ((x - 260) / 4, (floor + 40) / 4)], fill=90)
    beam = beam.filter(ImageFilter.GaussianBlur(8)).resize(size)
    image = Image.composite(Image.new("RGB", size, light), image, beam)
    image = glow(image, (x, floor + 20), 300, light, 0.7)
    draw = ImageDraw.Draw(image)
    performer(draw, x, floor + 30, height * 0.5, (10, 8, 8))
    alt = f"{label} alone in {light_name} on an empty stage, the curtain's folds behind."
    return image, alt, (x / width, 0.5)


def scene_blinds(rng, size, turn=None):
    width, height = size
    wall = dealt(rng, [(70, 58, 46), (40, 50, 62), (60, 40, 40)], turn)
    image = Image.new("RGB", size, wall)
    light = Image.new("L", size, 0)
    draw_light = ImageDraw.Draw(light)
    slant = rng.uniform(-0.35, 0.35)
    for row in range(12):
        y = height * 0.05 + row * height * 0.075
        draw_light.polygon([(width * 0.25, y), (width * 1.1, y + width * slant), (width * 1.1, y + width * slant + 24),
                            (width * 0.25, y + 24)], fill=170)
    light = light.filter(ImageFilter.GaussianBlur(3))
    image = Image.composite(Image.new("RGB", size, (255, 226, 170)), image, light)
    draw = ImageDraw.Draw(image)
    x = width * rng.uniform(0.2, 0.45)
    label, shape = rng.choice([("a figure in a hat", figure_hat), ("a figure in a long coat", figure_coat)])
    shape(draw, x, height * 1.1, height * 0.95, (12, 10, 10))
    draw.rectangle((0, height * 0.86, width, height), fill=(18, 14, 12))
    alt = f"Light through venetian blinds striping an office wall, {label} in the shadow before it."
    return image, alt, (x / width, 0.35)


def scene_snow(rng, size, turn=None):
    width, height = size
    sky = dealt(rng, [((190, 200, 212), (236, 238, 240)), ((120, 132, 160), (220, 214, 220)),
                      ((226, 196, 170), (244, 232, 220))], turn)
    image = gradient(size, [(0, sky[0]), (0.6, sky[1]), (1, (248, 248, 250))])
    draw = ImageDraw.Draw(image)
    ground = int(height * rng.uniform(0.6, 0.7))
    for depth in range(3):  # rows of pines, paler with distance
        shade = mix((30, 40, 44), sky[1], 0.6 - depth * 0.25)
        y = ground - 10 + depth * 14
        for _ in range(rng.randint(10, 22)):
            x, h = rng.uniform(0, width), rng.uniform(60, 160) * (1 + depth * 0.4)
            draw.polygon([(x, y - h), (x - h * 0.28, y), (x + h * 0.28, y)], fill=shade)
    draw.rectangle((0, ground + 30, width, height), fill=(244, 244, 246))
    x = width * rng.uniform(0.3, 0.7)
    figure_coat(draw, x, ground + height * 0.2, height * 0.2, (24, 24, 28))
    for step in range(9):  # footprints leading to the figure
        fx = x + (step + 1) * 34 * rng.choice([-1, 1]) * 0.5
        draw.ellipse((fx - 6, ground + height * 0.21 + step * 16, fx + 6, ground + height * 0.21 + step * 16 + 5),
                     fill=(200, 204, 214))
    alt = "A lone walker crossing a snowfield below a dark line of pines, footprints behind."
    return image, alt, (x / width, (ground + height * 0.1) / height)


def scene_road(rng, size, turn=None):
    width, height = size
    name, top, horizon_colour, light = dealt(rng, [s for s in SKIES if s[0] in ("dusk", "noon", "ember", "dawn")], turn)
    horizon = int(height * 0.55)
    image = gradient(size, [(0, top), (0.55, horizon_colour), (1, (58, 40, 30))])
    image = glow(image, (width * 0.5, horizon), height * 0.5, light, 0.6)
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, horizon), (width, horizon), (width, height), (0, height)], fill=(120, 82, 56))
    draw.polygon([(width * 0.49, horizon), (width * 0.51, horizon), (width * 0.85, height), (width * 0.15, height)],
                 fill=(40, 36, 36))
    for i in range(8):
        t0, t1 = (i / 8) ** 2, ((i + 0.5) / 8) ** 2
        draw.polygon([(width * (0.5 - 0.005 * (1 + 8 * t0)), horizon + (height - horizon) * t0),
                      (width * (0.5 + 0.005 * (1 + 8 * t0)), horizon + (height - horizon) * t0),
                      (width * (0.5 + 0.005 * (1 + 8 * t1)), horizon + (height - horizon) * t1),
                      (width * (0.5 - 0.005 * (1 + 8 * t1)), horizon + (height - horizon) * t1)], fill=(230, 200, 120))
    for i in range(6):  # telegraph poles
        t = (i + 1) / 7
        x, h = width * (0.53 + 0.45 * t ** 1.5), 40 + 260 * t ** 1.5
        draw.line((x, horizon + (height - horizon) * t * 0.4, x, horizon + (height - horizon) * t * 0.4 - h),
                  fill=(30, 22, 20), width=max(2, int(8 * t)))
    car_x = width * 0.42
    draw.rounded_rectangle((car_x - 70, horizon + 60, car_x + 70, horizon + 110), radius=14, fill=(20, 16, 16))
    draw.rounded_rectangle((car_x - 45, horizon + 36, car_x + 40, horizon + 70), radius=12, fill=(20, 16, 16))
    alt = f"A desert highway running to the horizon at {name}, a car pulled over beside the telegraph poles."
    return image, alt, (car_x / width, (horizon + 70) / height)


def scene_neon(rng, size, turn=None):
    width, height = size
    image = Image.new("RGB", size, (8, 8, 14))
    hues = [(255, 60, 120), (60, 200, 255), (255, 180, 60), (140, 90, 255), (40, 230, 160)]
    first = turn if turn is not None else rng.randrange(len(hues))
    hues = [hues[(first + k) % len(hues)] for k in (0, 2, 3)]
    draw = ImageDraw.Draw(image, "RGBA")
    for _ in range(34):
        x, y, r = rng.uniform(0, width), rng.uniform(0, height * 0.9), rng.uniform(20, 90)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*rng.choice(hues), rng.randint(40, 130)))
    image = image.filter(ImageFilter.GaussianBlur(6))
    draw = ImageDraw.Draw(image)
    side = rng.choice([-1, 1])
    cx, cy, r = width * (0.5 + side * 0.16), height * 0.46, height * 0.24

    def head(dx, colour):  # a head in profile, facing ``side``, with its neck and shoulders
        draw.ellipse((cx + dx - r, cy - r * 1.2, cx + dx + r, cy + r), fill=colour)
        draw.polygon([(cx + dx + side * r * 0.9, cy - r * 0.1), (cx + dx + side * r * 1.2, cy + r * 0.2),
                      (cx + dx + side * r * 0.86, cy + r * 0.32)], fill=colour)
        draw.rectangle((cx + dx - r * 0.45, cy + r * 0.6, cx + dx + r * 0.45, height), fill=colour)
        draw.ellipse((cx + dx - r * 2.2, cy + r * 1.5, cx + dx + r * 2.2, cy + r * 4.2), fill=colour)

    head(side * r * 0.06, mix(hues[0], (255, 255, 255), 0.3))  # the neon's light along the face's edge
    head(-side * r * 0.02, (8, 7, 10))
    alt = "A face in profile, dark against a blur of neon signs in the rain, rimmed in coloured light."
    return image, alt, (cx / width, cy / height)


SCENES = {"coast": scene_coast, "city": scene_city, "stage": scene_stage, "blinds": scene_blinds, "snow": scene_snow,
          "road": scene_road, "neon": scene_neon}


def finish(image: Image.Image, rng: random.Random) -> Image.Image:
    """Film: a warm or cool grade, a light leak at one edge, a vignette, and grain."""
    width, height = image.size
    grade = rng.choice([(255, 236, 214), (226, 238, 255), (255, 246, 236), (240, 255, 244)])
    image = ImageChops.multiply(image, Image.new("RGB", image.size, grade))
    if rng.random() < 0.7:
        leak = rng.choice([(255, 120, 40), (255, 70, 60), (255, 200, 120)])
        image = glow(image, (rng.choice([0, width]), rng.uniform(0, height)), height * rng.uniform(0.5, 0.9), leak,
                     rng.uniform(0.35, 0.6))
    vignette = Image.radial_gradient("L").resize(image.size).point(lambda v: min(255, int(max(0, v - 110) * 1.3)))
    image = Image.composite(Image.new("RGB", image.size, (0, 0, 0)), image, vignette)
    # Grain drawn at half size and enlarged: soft like film's, and lighter for the renditions' encoders.
    # (from the seeded generator, not Pillow's effect_noise, so the same slug gives the same bytes)
    amount = rng.uniform(0.25, 0.4)
    noise = Image.frombytes("L", (width // 2, height // 2), rng.randbytes((width // 2) * (height // 2)))
    grain = noise.point(lambda v: round(128 + (v - 128) * amount)).resize(image.size).convert("RGB")
    return Image.blend(image, ImageChops.overlay(image, grain), rng.uniform(0.2, 0.32))


def jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def still(seed: str, scene: str | None = None, turn: int | None = None,
          size=(1600, 900)) -> tuple[bytes, str, tuple[float, float]]:
    """A frame for the review ``seed`` (its slug): the JPEG, its alt text and where its subject is. ``scene``
    names one of SCENES (by default the seed picks); ``turn`` counts the scene's earlier uses, so a scene drawn
    again takes the next palette and figure."""
    rng = random.Random(f"still:{seed}")
    draw = SCENES[scene] if scene else rng.choice(list(SCENES.values()))
    image, alt, (x, y) = draw(rng, size, turn)
    return jpeg(finish(image, rng)), alt, (round(min(max(x, 0.05), 0.95), 3), round(min(max(y, 0.05), 0.95), 3))
