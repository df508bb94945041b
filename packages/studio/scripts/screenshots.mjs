// Renders each studio page at 1280×800 over sample local generations and writes
// docs/studio/<page>.png. Run after a build: `node packages/studio/scripts/screenshots.mjs`.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStudio } from '../dist/index.js';
import { launchChromium } from './launch-chromium.mjs';
import { makeSampleLedger } from './sample-ledger.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.join(root, 'docs', 'studio');
const home = await mkdtemp(path.join(os.tmpdir(), 'studio-screenshots-'));
await mkdir(out, { recursive: true });
const [{ ledger, jobsDir }, browser] = await Promise.all([makeSampleLedger(home), launchChromium()]);
const studio = await startStudio({
  ledgerDir: ledger,
  outDir: path.join(home, 'out'),
  // A long queue, so the running-jobs page shows jobs in flight.
  providerConfig: { local: { jobsDir, preset: 'ultrafast', simulatedQueueMs: 60_000 } },
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(studio.url);
  await page.waitForSelector('body[data-ready="true"]');
  const shot = async (name) => {
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() =>
      [...document.images].every((image) => image.complete && (image.naturalWidth > 0 || !image.src)),
    );
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`wrote docs/studio/${name}.png`);
  };
  await shot('generations');

  for (const prompt of [
    'Hot-air balloons rising over a misty valley at sunrise',
    'Snow falling on a quiet village',
  ]) {
    await page.click('nav a[data-page=new]');
    await page.fill('#new-form [name=prompt]', prompt);
    await page.waitForSelector('#check.valid');
    await page.click('#submit');
    await page.waitForURL(/#jobs$/);
  }
  await page.waitForFunction(
    () => document.querySelectorAll('#job-list .job[data-phase="queued"]').length === 2,
  );
  // Cancel one: it keeps its journal and is listed under Interrupted, with Resume.
  await page
    .locator('#job-list .job', { hasText: 'Hot-air balloons' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await page.waitForSelector('#interrupted .job');
  await shot('jobs');

  await page.click('nav a[data-page=sequences]');
  await page.waitForSelector('.sequence .boundary img');
  await shot('sequences');

  await page.click('nav a[data-page=new]');
  await page.fill('#new-form [name=prompt]', 'A paper boat drifting down a rain gutter');
  await page.selectOption('#new-form [name=size]', 'custom');
  await page.fill('#new-form [name=width]', '1281');
  await page.fill('#new-form [name=durationSeconds]', '90');
  await page.waitForSelector('#check.invalid');
  await shot('new');
} finally {
  await browser.close();
  await studio.close();
  await rm(home, { recursive: true, force: true });
}
