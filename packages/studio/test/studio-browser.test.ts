import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/launch-chromium.mjs';
import { makeSampleLedger } from '../scripts/sample-ledger.mjs';
import { type Studio, startStudio } from '../src/index.js';

// One headless Chromium (from @sparticuz/chromium's npm package) for the whole file.
let browser: Browser;
let studio: Studio;
let home: string;
let ledger: string;
let page: Page;
const rangeRequests: string[] = [];
const jobPosts: string[] = [];

// Rendering the sample videos (and, once, unpacking Chromium) can take a while on a busy machine.
beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'studio-browser-'));
  const [sample, launched] = await Promise.all([makeSampleLedger(home, { small: true }), launchChromium()]);
  ledger = sample.ledger;
  browser = launched;
  studio = await startStudio({
    ledgerDir: ledger,
    outDir: path.join(home, 'out'),
    // A short queue, so the page sees every phase of a new generation.
    providerConfig: { local: { jobsDir: sample.jobsDir, preset: 'ultrafast', simulatedQueueMs: 700 } },
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (request) => {
    const range = request.headers().range;
    if (request.url().endsWith('/video.mp4') && range) rangeRequests.push(range);
    if (request.method() === 'POST' && request.url().endsWith('/api/jobs')) jobPosts.push(request.url());
  });
  await page.goto(studio.url);
  await page.waitForSelector('body[data-ready="true"]');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await studio?.close();
  await rm(home, { recursive: true, force: true });
});

const posterSizes = (target: Page) =>
  target.$$eval('#grid .card img', (images) =>
    (images as HTMLImageElement[]).map((image) => ({ complete: image.complete, width: image.naturalWidth })),
  );

describe('the studio in a headless browser', () => {
  it('takes the token out of the address bar once the cookie is set', async () => {
    expect(page.url()).toBe(`${studio.origin}/`);
  });

  it('shows the local provider’s generations in a grid, each with its poster frame', async () => {
    const cards = page.locator('#grid .card');
    // Three clips, three sequence clips, and one paid for but not downloaded.
    await expect.poll(() => cards.count()).toBe(7);
    await expect
      .poll(async () => (await posterSizes(page)).every((image) => image.complete && image.width > 0))
      .toBe(true);
    expect(await posterSizes(page)).toHaveLength(6);
    const paid = page.locator('#grid .card.paid');
    expect(await paid.count()).toBe(1);
    expect(await paid.textContent()).toContain('paid, not downloaded');
    expect(await paid.textContent()).toContain('$0.20');
    expect(await page.locator('#paid-banner').isVisible()).toBe(true);
    const text = await page.locator('#grid').textContent();
    expect(text).toContain('A red kite over the sea at dawn');
    expect(text).toContain('local/local-v1');
    expect(text).toContain('320×180');
  });

  it('filters by status, provider and text', async () => {
    await page.fill('#filters [name=text]', 'fox');
    await expect.poll(() => page.locator('#grid .card').count()).toBe(3);
    await page.fill('#filters [name=text]', '');
    await page.selectOption('#filters [name=status]', 'paid');
    await expect.poll(() => page.locator('#grid .card').count()).toBe(1);
    await page.selectOption('#filters [name=status]', 'downloaded');
    await page.selectOption('#filters [name=provider]', 'local');
    await expect.poll(() => page.locator('#grid .card').count()).toBe(6);
    await page.selectOption('#filters [name=status]', '');
  });

  it('plays a video in the page and seeks it (HTTP Range)', async () => {
    const card = page.locator('#grid .card', { hasText: 'Neon city street' });
    await card.locator('.play').click();
    await page.waitForFunction(() => {
      const video = document.querySelector('#video') as HTMLVideoElement;
      return video.readyState >= 2 && video.currentTime > 0.1;
    });
    const duration = await page.$eval('#video', (video) => (video as HTMLVideoElement).duration);
    expect(duration).toBeCloseTo(3, 0);
    const seeked = await page.$eval('#video', async (element) => {
      const video = element as HTMLVideoElement;
      video.pause();
      await new Promise((resolve) => {
        video.addEventListener('seeked', resolve, { once: true });
        video.currentTime = 2.5;
      });
      return { time: video.currentTime, error: video.error?.code ?? null };
    });
    expect(seeked.error).toBeNull();
    expect(seeked.time).toBeCloseTo(2.5, 1);
    expect(rangeRequests.length).toBeGreaterThan(0);
    expect(rangeRequests[0]).toMatch(/^bytes=\d+-/);
    await page.keyboard.press('Escape');
  });

  it('shows a validation error from checkVideoRequest as you type, before any submit', async () => {
    await page.goto(`${studio.origin}/#new`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.$eval('#new-form [name=model]', (select) => (select as HTMLSelectElement).value)).toBe(
      'local-v1',
    );
    await page.fill('#new-form [name=prompt]', 'A lighthouse at night');
    await page.waitForSelector('#check.valid');
    await page.selectOption('#new-form [name=size]', 'custom');
    await page.fill('#new-form [name=width]', '641');
    await page.fill('#new-form [name=height]', '360');
    await page.waitForSelector('#check.invalid');
    expect(await page.textContent('#check')).toContain('641x360 is not allowed');
    expect(await page.isDisabled('#submit')).toBe(true);
    expect(jobPosts).toHaveLength(0);
    await page.fill('#new-form [name=width]', '640');
    await page.waitForSelector('#check.valid');
    expect(await page.isDisabled('#submit')).toBe(false);
    // The sizes offered are those the model allows.
    await page.selectOption('#new-form [name=size]', '1280x720');
    await page.waitForSelector('#check.valid');
  });

  it('starts a generation from the form, shows its live progress, then shows it in the grid', async () => {
    await page.selectOption('#new-form [name=size]', '640x360');
    await page.fill('#new-form [name=prompt]', 'A lighthouse at night, waves below');
    await page.fill('#new-form [name=durationSeconds]', '1');
    await page.waitForSelector('#check.valid');
    // Record every phase the page shows, from the server-sent events.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenPhases: string[] }).seenPhases = seen;
      new MutationObserver(() => {
        for (const job of document.querySelectorAll<HTMLElement>('#job-list .job')) {
          const phase = job.dataset.phase!;
          if (seen.at(-1) !== phase) seen.push(phase);
        }
      }).observe(document.querySelector('#job-list')!, { childList: true, subtree: true });
    });
    await page.click('#submit');
    await page.waitForURL(/#jobs$/);
    await page.waitForSelector('#job-list .job[data-phase="succeeded"]', { timeout: 30_000 });
    const phases = await page.evaluate(() => (window as unknown as { seenPhases: string[] }).seenPhases);
    // Live: the job was shown waiting on the render (queued or running) before it succeeded.
    const waiting = phases.findIndex((phase) => phase === 'queued' || phase === 'running');
    expect(waiting, phases.join(', ')).toBeGreaterThan(-1);
    expect(phases.at(-1)).toBe('succeeded');
    expect(waiting).toBeLessThan(phases.indexOf('succeeded'));
    expect(jobPosts).toHaveLength(1);
    await page.click('nav a[data-page=generations]');
    const card = page.locator('#grid .card', { hasText: 'A lighthouse at night, waves below' });
    await expect.poll(() => card.count()).toBe(1);
    await expect
      .poll(() => card.locator('img').evaluate((image) => (image as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await card.getAttribute('data-status')).toBe('downloaded');
    expect((await readdir(path.join(home, 'out'))).filter((name) => name.endsWith('.mp4'))).toHaveLength(1);
  });

  it('shows a sequence as a strip, each boundary’s last and first frame side by side with the difference', async () => {
    await page.click('nav a[data-page=sequences]');
    await page.waitForSelector('.sequence .boundary');
    expect(await page.locator('.sequence .clip').count()).toBe(3);
    const boundaries = page.locator('.sequence .boundary');
    expect(await boundaries.count()).toBe(2);
    expect(await boundaries.first().locator('img').count()).toBe(2);
    expect(await boundaries.first().textContent()).toMatch(/Δ \d+\.\d %/);
    // Each clip starts on the previous clip's last frame: the join is clean.
    expect(await boundaries.first().getAttribute('class')).toContain('good');
  });

  it('refuses a page opened without the token', async () => {
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      const response = await other.goto(`${studio.origin}/`);
      expect(response?.status()).toBe(401);
      expect(await other.textContent('body')).toContain('token');
      const media = await other.goto(`${studio.origin}/api/generations`);
      expect(media?.status()).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('refuses a path outside the ledger', async () => {
    const response = await page.goto(`${studio.origin}/media/..%2F..%2Fetc%2Fpasswd/video.mp4`);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('body')).not.toContain('root:');
  });
});
