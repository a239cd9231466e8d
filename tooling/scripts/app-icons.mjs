// node tooling/scripts/app-icons.mjs: the apps' icons, drawn from each app's app/icon.svg with
// rsvg-convert (Debian: apt-get install librsvg2-bin). The outputs are committed; run this again
// after changing an icon.svg.
//   app/favicon.ico      16, 32 and 48 px (PNG images in an ICO), for browsers that ask /favicon.ico
//   app/apple-icon.png   180 px, square corners (iOS rounds them itself)
//   public/icon-192.png, public/icon-512.png   the web app manifest's icons (app/manifest.ts)
import { execFileSync } from "node:child_process";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function png(svg, size) {
  return execFileSync("rsvg-convert", ["-w", String(size), "-h", String(size), "-f", "png"], {
    input: svg,
  });
}

/** An ICO file holding PNG images (supported by every browser since IE 9). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0); // 0 means 256
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

for (const app of ["web", "admin"]) {
  const appDir = join(root, "apps", app);
  const svg = readFileSync(join(appDir, "app", "icon.svg"), "utf8");
  const write = (path, data) => {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), data);
    process.stdout.write(`apps/${app}/${path}\n`);
  };
  write("app/favicon.ico", ico([16, 32, 48].map((size) => ({ size, data: png(svg, size) }))));
  write("app/apple-icon.png", png(svg.replace(/ rx="[\d.]+"/, ""), 180));
  for (const size of [192, 512]) write(`public/icon-${size}.png`, png(svg, size));
}
