"""Writes the Teams app's two icons (color.png 192x192, outline.png 32x32) with the standard library.

Run from the repository root: ``python3 teams-app/make_icons.py``. The color icon is a white
shield on the bot's blue; the outline icon is the same shield in white on transparency, as
Teams asks.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

BLUE = (0, 94, 184, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def inside_shield(x: float, y: float) -> bool:
    """A shield in the unit square: a flat top, straight sides, a rounded point at the bottom."""
    if not 0.25 <= x <= 0.75 or not 0.18 <= y <= 0.85:
        return False
    if y <= 0.55:
        return True
    # Below the middle the sides close in towards the point.
    half_width = 0.25 * (1 - ((y - 0.55) / 0.30) ** 2) ** 0.5 if y < 0.85 else 0
    return abs(x - 0.5) <= half_width


def png(size: int, background: tuple[int, ...], shield: tuple[int, ...]) -> bytes:
    rows = []
    for row in range(size):
        pixels = bytearray([0])  # filter type: none
        for column in range(size):
            colour = shield if inside_shield((column + 0.5) / size, (row + 0.5) / size) else background
            pixels.extend(colour)
        rows.append(bytes(pixels))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    folder = Path(__file__).resolve().parent
    (folder / "color.png").write_bytes(png(192, BLUE, WHITE))
    (folder / "outline.png").write_bytes(png(32, CLEAR, WHITE))


if __name__ == "__main__":
    main()
