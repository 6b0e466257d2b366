// Draws the extension icon (images/icon.png, 128×128): a lens over report lines.
// Kept as a script so the icon can be regenerated; run `node scripts/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const pixels = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  const alpha = a / 255;
  pixels[i] = Math.round(r * alpha + pixels[i] * (1 - alpha));
  pixels[i + 1] = Math.round(g * alpha + pixels[i + 1] * (1 - alpha));
  pixels[i + 2] = Math.round(b * alpha + pixels[i + 2] * (1 - alpha));
  pixels[i + 3] = Math.max(pixels[i + 3], a);
};
const paper = [250, 248, 242, 255];
const ink = [60, 72, 88, 255];
const red = [200, 48, 48, 255];
const lens = [32, 110, 190, 255];
// Page with rounded corners.
for (let y = 8; y < 120; y++) for (let x = 18; x < 110; x++) {
  const corner = (x < 26 && y < 16 && (26 - x) ** 2 + (16 - y) ** 2 > 64) || (x > 101 && y > 111 && (x - 101) ** 2 + (y - 111) ** 2 > 64);
  if (!corner) set(x, y, paper);
}
// Title and text lines; one figure in red.
for (let x = 30; x < 86; x++) for (let y = 20; y < 26; y++) set(x, y, ink);
for (const [y, w] of [[36, 66], [46, 58], [56, 62], [66, 50], [76, 64], [86, 40]]) for (let x = 30; x < 30 + w; x++) for (let t = 0; t < 3; t++) set(x, y + t, [140, 150, 160, 255]);
for (let x = 58; x < 74; x++) for (let t = 0; t < 3; t++) set(x, 56 + t, red);
// Lens: a ring and a handle.
const cx = 70, cy = 60, r = 26;
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const d = Math.hypot(x - cx, y - cy);
  if (d < r - 4) set(x, y, [32, 110, 190, 40]);
  if (d >= r - 4 && d <= r + 2) set(x, y, lens);
}
for (let t = -4; t <= 4; t++) for (let s = 0; s < 34; s++) {
  const x = Math.round(cx + (r + s) * Math.SQRT1_2 + t * Math.SQRT1_2);
  const y = Math.round(cy + (r + s) * Math.SQRT1_2 - t * Math.SQRT1_2);
  set(x, y, lens);
  set(x + 1, y, lens);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
