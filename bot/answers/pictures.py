"""A picture of a planned route: each role a box, each step an arrow with how and how long."""

from __future__ import annotations

import hashlib
import tempfile
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.answers.training import step_means
from bot.answers.wording import describe_years
from knowledge.base.entries import Knowledge
from knowledge.guidance.paths import Route

WIDTH = 900
BOX_HEIGHT = 64
STEP_HEIGHT = 96
MARGIN = 36
INK = (32, 41, 64)
BOX = (224, 238, 250)
BOX_EDGE = (38, 106, 168)
GOAL = (222, 245, 228)
GOAL_EDGE = (36, 130, 76)
MUTED = (90, 98, 112)


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def picture_dir() -> Path:
    """Where route pictures are written (the system's temporary folder)."""
    folder = Path(tempfile.gettempdir()) / "carepath-routes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def draw_route(knowledge: Knowledge, route: Route, folder: Path | None = None) -> Path:
    """Draw the route as a PNG and return its path (the same route gives the same file)."""
    steps = route.steps
    roles = [knowledge.roles[role_id].title for role_id in route.roles]
    name = hashlib.sha1("|".join(route.roles).encode()).hexdigest()[:12]
    path = (folder or picture_dir()) / f"route-{name}.png"
    height = 2 * MARGIN + 56 + len(roles) * BOX_HEIGHT + len(steps) * STEP_HEIGHT
    image = Image.new("RGB", (WIDTH, height), "white")
    pen = ImageDraw.Draw(image)
    earning = ", earning throughout" if route.earning_throughout else ""
    pen.text((MARGIN, MARGIN), f"{roles[0]} to {roles[-1]}", fill=INK, font=_font(26))
    pen.text(
        (MARGIN, MARGIN + 32),
        f"{describe_years(route.months).capitalize()}{earning}",
        fill=MUTED,
        font=_font(18),
    )
    top = MARGIN + 56
    for index, title in enumerate(roles):
        last = index == len(roles) - 1
        pen.rounded_rectangle(
            (MARGIN, top, WIDTH - MARGIN, top + BOX_HEIGHT),
            radius=14,
            fill=GOAL if last else BOX,
            outline=GOAL_EDGE if last else BOX_EDGE,
            width=3,
        )
        pen.text((MARGIN + 20, top + 18), title, fill=INK, font=_font(24))
        top += BOX_HEIGHT
        if last:
            break
        step = steps[index]
        middle = MARGIN + 60
        pen.line((middle, top + 6, middle, top + STEP_HEIGHT - 10), fill=BOX_EDGE, width=4)
        tip = top + STEP_HEIGHT - 6
        pen.polygon(
            ((middle - 10, tip - 14), (middle + 10, tip - 14), (middle, tip)), fill=BOX_EDGE
        )
        pen.text((middle + 28, top + 22), step_means(knowledge, step), fill=INK, font=_font(18))
        months = f"typically {describe_years(step.months).removeprefix('about ')}"
        pen.text((middle + 28, top + 50), months, fill=MUTED, font=_font(16))
        top += STEP_HEIGHT
    image.save(path, format="PNG", optimize=True)
    return path
