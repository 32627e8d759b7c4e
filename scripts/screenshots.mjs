// Writes the README's phone screenshots (docs/screenshots/phone-*.png) from the release
// build in dist/: a 360 × 740 touch screen in Chromium's mobile emulation, light theme.
// Run after a release build: `node scripts/screenshots.mjs`.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, serve, launch, gotoReady, radio } from '../tests/e2e/helpers.js';

const OUT = path.join(ROOT, 'docs', 'screenshots');
const LEVEL = '#/engineering/site-reliability-engineering/l2';

const server = await serve();
const browser = await launch();
try {
  await mkdir(OUT, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme: 'light' });
  const page = await context.newPage();
  const shot = (name) => page.screenshot({ path: path.join(OUT, `phone-${name}.png`) });

  await gotoReady(page, server.url + LEVEL);
  await shot('level');

  await gotoReady(page, server.url + `${LEVEL}/check`);
  await radio(page, 'I am competent in my domain.', 'Performing').tap();
  await shot('check');

  for (const [text, rating] of [
    ['I am able to work independently on small projects.', 'Maturing'],
    ['I identify and raise potential problems with my peers or lead before getting blocked.', 'Performing'],
  ]) {
    await page.getByRole('button', { name: 'Next', exact: true }).tap();
    await radio(page, text, rating).tap();
  }
  await gotoReady(page, server.url + `${LEVEL}/summary`);
  await page.getByRole('table').first().scrollIntoViewIfNeeded();
  await shot('summary');
  await context.close();
  console.log(`wrote ${OUT}/phone-{level,check,summary}.png`);
} finally {
  await browser.close();
  await server.close();
}
