// Draws the app icon (a white case file on a blue tile) and writes resources/icon.png, 512×512
// RGBA, without any dependency: the shapes are tested per sub-pixel (4×4 supersampling for
// smooth edges) and the PNG is assembled by hand (zlib from Node). icon.svg is the same drawing
// for anyone who wants to edit it; electron-builder derives .ico and .icns from the PNG.
//
//   node resources/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const size = 512;
const samples = 4;
const blue = [29, 79, 145];
const white = [255, 255, 255];
const paper = [232, 240, 250];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at a point, or null for transparent; later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 96)) return null;
  let colour = blue;
  // the folder: tab, back sheet, front sheet, and three lines of text
  if (inRoundedRect(x, y, 112, 128, 240, 196, 18)) colour = paper;
  if (inRoundedRect(x, y, 112, 160, 400, 392, 22)) colour = paper;
  if (inRoundedRect(x, y, 112, 184, 400, 392, 22)) colour = white;
  for (const top of [236, 280, 324]) {
    const right = top === 324 ? 300 : 360;
    if (inRoundedRect(x, y, 152, top, right, top + 18, 9)) colour = blue;
  }
  return colour;
}

function render() {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          if (colour === null) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; covered += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        rgba[offset] = Math.round(r / covered);
        rgba[offset + 1] = Math.round(g / covered);
        rgba[offset + 2] = Math.round(b / covered);
        rgba[offset + 3] = Math.round((covered / samples ** 2) * 255);
      }
    }
  }
  return rgba;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y += 1) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isCli = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isCli) {
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
  fs.writeFileSync(target, encodePng(render(), size, size));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
