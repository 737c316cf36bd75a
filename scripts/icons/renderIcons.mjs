// Renders the PNG icons of the web app manifest from the SVGs in public/ (run once after editing
// them; the PNGs are committed): `node scripts/icons/renderIcons.mjs`. Uses the system Chromium.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outputs = [
  ['public/icon.svg', 'public/icon-192.png', 192],
  ['public/icon.svg', 'public/icon-512.png', 512],
  ['public/icon-maskable.svg', 'public/icon-maskable-512.png', 512],
  ['public/icon.svg', 'public/apple-touch-icon.png', 180],
];

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  for (const [svg, png, size] of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = readFileSync(svg, 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${markup.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({
      path: png,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
}
