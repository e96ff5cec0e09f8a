#!/usr/bin/env python3
"""Draw Release Coach's skill icons: a 108 x 108 and a 512 x 512 PNG, standard library only.

Usage::

    python infra/make_icons.py            # (re)write the two PNGs
    python infra/make_icons.py --check    # exit 1 if the committed PNGs differ from a redraw

The mark is calm and abstract: a still centre and two open rings, opening upwards like
a breath let go, cream on a deep teal-to-sea-green gradient. No words, no body, no
medical symbol: the icon shows in the skill store and on shared screens.

Shapes are drawn from signed distances with a one-pixel smooth edge, so both sizes are
anti-aliased without supersampling; PNGs are written with ``zlib`` and ``struct``, and
the output is byte-for-byte deterministic.
"""

from __future__ import annotations

import argparse
import math
import struct
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

IMAGES = Path(__file__).resolve().parent / "skill-package" / "assets" / "images"
ICONS = {"small": (IMAGES / "small-icon-108.png", 108),
         "large": (IMAGES / "large-icon-512.png", 512)}

TOP = (0x1D, 0x4B, 0x57)      # deep teal
BOTTOM = (0x3F, 0x8F, 0x85)   # sea green
MARK = (0xF5, 0xEC, 0xDC)     # warm cream
# Rings open by this half-angle around straight up (radians).
GAP_HALF_ANGLE = math.radians(38)
RINGS = ((0.20, 0.024), (0.32, 0.024))  # (radius, half thickness), in units of the size
CENTRE_RADIUS = 0.075


def _smooth_coverage(distance: float, pixel: float) -> float:
    """How much of a pixel a shape covers, from its signed distance (negative = inside)."""
    t = min(1.0, max(0.0, 0.5 - distance / pixel))
    return t * t * (3 - 2 * t)


def _arc_distance(x: float, y: float, radius: float, half_thickness: float) -> float:
    """Signed distance to a ring with rounded ends, open around straight up (y up)."""
    # Mirror to one side, then measure angle from straight down, the ring's middle.
    x = abs(x)
    half_aperture = math.pi - GAP_HALF_ANGLE
    sin_a, cos_a = math.sin(half_aperture), math.cos(half_aperture)
    down_y = -y
    if cos_a * x > sin_a * down_y:  # past the end of the arc: distance to its round cap
        end_x, end_y = sin_a * radius, cos_a * radius
        return math.hypot(x - end_x, down_y - end_y) - half_thickness
    return abs(math.hypot(x, y) - radius) - half_thickness


def render(size: int) -> bytes:
    """The icon as raw RGB rows, each prefixed by PNG filter byte 0."""
    pixel = 1.0 / size
    rows = bytearray()
    for row in range(size):
        v = (row + 0.5) / size
        background = [round(TOP[i] + (BOTTOM[i] - TOP[i]) * v) for i in range(3)]
        rows.append(0)
        for column in range(size):
            # Centred coordinates in units of the size, y up; the mark sits a touch high.
            x = (column + 0.5) / size - 0.5
            y = 0.5 - v - 0.02
            distance = math.hypot(x, y) - CENTRE_RADIUS
            for radius, half in RINGS:
                distance = min(distance, _arc_distance(x, y, radius, half))
            cover = _smooth_coverage(distance, pixel)
            rows.extend(round(background[i] + (MARK[i] - background[i]) * cover)
                        for i in range(3))
    return bytes(rows)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b""))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (used by the package build and the tests)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if the committed icons are not what this script draws")
    args = parser.parse_args(argv)
    stale = []
    for path, size in ICONS.values():
        data = png(size)
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(path.name)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}"
              f" ({size} x {size}, {len(data)} bytes)")
    if stale:
        print(f"icons out of date: {', '.join(stale)}; run python infra/make_icons.py",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
