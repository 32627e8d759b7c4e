#!/usr/bin/env python3
"""Draws the PWA icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) from
the same design as public/icon.svg: two white rails and three rungs on blue. Plain
Python (zlib), so it needs nothing installed; the PNGs are committed, and this script
says how they were made."""
import struct
import zlib
from pathlib import Path

BLUE = (0x1F, 0x5F, 0xBF)
WHITE = (0xFF, 0xFF, 0xFF)


def draw(size, maskable):
    # In the 64-unit design: rails at x 22 and 42 from y 10 to 54, rungs at y 20, 32, 44.
    # A maskable icon keeps its drawing inside the central 80% safe zone, full bleed blue.
    scale = size / 64 * (0.7 if maskable else 1.0)
    offset = size / 2 - 32 * scale
    half = 2.5 * scale
    radius = 0 if maskable else 14 * size / 64

    def u(v):
        return offset + v * scale

    def inside(x, y):
        for rx in (22, 42):
            if abs(x - u(rx)) <= half and u(10) - half <= y <= u(54) + half:
                return True
        for ry in (20, 32, 44):
            if abs(y - u(ry)) <= half and u(22) <= x <= u(42):
                return True
        return False

    def in_card(x, y):
        if radius == 0:
            return True
        cx = min(max(x, radius), size - radius)
        cy = min(max(y, radius), size - radius)
        return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2

    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            if not in_card(x, y):
                row += bytes((0, 0, 0, 0))
            else:
                row += bytes((*(WHITE if inside(x, y) else BLUE), 255))
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    public = Path(__file__).resolve().parent.parent / "public"
    (public / "icon-192.png").write_bytes(draw(192, False))
    (public / "icon-512.png").write_bytes(draw(512, False))
    (public / "icon-maskable-512.png").write_bytes(draw(512, True))
