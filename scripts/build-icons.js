#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in icons (assets/icon-16/32/64/80.png) from code: a red rounded square with a
 * white ledger sheet (ruled lines) and a check mark. Pure Node (zlib), 4× supersampled, so the
 * icons are reproducible and need no image tools. Run: npm run build:icons
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
const GOLD = [255, 196, 0];

/** Coverage-weighted colour of one pixel: shapes are tested on a 4×4 subpixel grid. */
function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  const u = (v) => v / size; // pixel → unit square
  const inRounded = (x, y, x0, y0, x1, y1, r) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const nearSegment = (x, y, ax, ay, bx, by, w) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= w * w;
  };
  const line = Math.max(1.2 / size, 0.045);
  const colourAt = (x, y) => {
    if (!inRounded(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
    // check mark (drawn over everything else)
    if (nearSegment(x, y, 0.52, 0.66, 0.64, 0.8, 0.055) || nearSegment(x, y, 0.64, 0.8, 0.86, 0.5, 0.055)) return GOLD;
    // the ledger sheet
    if (inRounded(x, y, 0.2, 0.16, 0.8, 0.84, 0.04)) {
      for (const ly of [0.32, 0.46, 0.6]) if (Math.abs(y - ly) <= line && x > 0.28 && x < 0.72) return RED;
      if (Math.abs(x - 0.38) <= line * 0.8 && y > 0.26 && y < 0.66) return RED;
      return WHITE;
    }
    return RED;
  };
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt(u(pxi + (sx + 0.5) / ss), u(py + (sy + 0.5) / ss));
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxi) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
        px[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA → PNG (colour type 6, 8 bits, no interlace). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, render, SIZES };
