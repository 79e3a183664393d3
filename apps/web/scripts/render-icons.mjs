// Renders the PWA icons in public/ from the SVG logo with headless Chromium.
// Run from the repository root: node apps/web/scripts/render-icons.mjs
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const logo = await readFile(join(publicDir, 'favicon.svg'), 'utf8');
const inner = logo.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');

/** Full-bleed square art: a maskable icon keeps its content inside the centre 80 % circle. */
function page(size, { maskable }) {
  const art = maskable
    ? `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">
         <rect width="64" height="64" fill="#0c8599"/>
         <g transform="translate(12.8 12.8) scale(0.6)">${inner.replace(/<rect width="64" height="64" rx="14" fill="#0c8599"\/>/, '')}</g>
       </svg>`
    : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="${size}" height="${size}">${inner}</svg>`;
  return `<!doctype html><html><body style="margin:0;background:transparent">${art}</body></html>`;
}

const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const icon of icons) {
    const context = await browser.newContext({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    const tab = await context.newPage();
    await tab.setContent(page(icon.size, icon));
    await tab.screenshot({ path: join(publicDir, icon.file), omitBackground: !icon.maskable });
    await context.close();
    console.log(`wrote ${icon.file}`);
  }
} finally {
  await browser.close();
}
