"""The lead board's chart is readable: every label at least 14 px, all inside the picture."""

import re
from collections import Counter
from datetime import datetime

from bot.hubs.board_chart import WEEKS, chart_svg


def test_every_label_is_at_least_14_px_and_inside_the_chart():
    weeks = [Counter({"new": 3, "claimed": 2, "started": 1}) for _ in range(WEEKS)]
    svg = chart_svg(weeks, 5.5, datetime(2026, 10, 12))
    width = int(re.search(r'<svg[^>]* width="(\d+)"', svg).group(1))
    sizes = [int(size) for size in re.findall(r'font-size="(\d+)"', svg)]
    assert sizes and min(sizes) >= 14
    assert all(float(x) < width - 40 for x in re.findall(r'<text x="([\d.]+)"', svg))
    assert "Median time to claim: 5.5 hours" in svg
