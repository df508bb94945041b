// Sample generations for the studio's browser tests and screenshots: real MP4s rendered offline by
// the local provider, a stitched sequence, and ledger records in each state the grid shows.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateVideo } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { generateSequence } from '@video-gen/stitching';

/**
 * Fills `<home>/ledger` with sample generations (videos in `<home>/videos`) and returns the ledger
 * folder. Sets `VIDEO_GEN_HOME` to `home`, since stitching records clips in the default ledger.
 *
 * @param {string} home
 * @param {{ clips?: number; sequence?: boolean; small?: boolean }} [options]  `small`: half-size videos (faster to render, for tests)
 * @returns {Promise<{ ledger: string; videos: string; jobsDir: string }>}
 */
export async function makeSampleLedger(home, options = {}) {
  process.env.VIDEO_GEN_HOME = home;
  const ledger = path.join(home, 'ledger');
  const videos = path.join(home, 'videos');
  const jobsDir = path.join(home, 'local-jobs');
  const provider = createLocal({ jobsDir, preset: 'ultrafast' });
  const poll = { initialIntervalMs: 50 };
  const scale = options.small ? 0.5 : 1;
  const samples = [
    { prompt: 'A red kite over the sea at dawn', width: 640, height: 360, durationSeconds: 2, seed: 7 },
    {
      prompt: 'Neon city street in the rain, slow dolly forward',
      width: 640,
      height: 360,
      durationSeconds: 3,
      seed: 11,
    },
    {
      prompt: 'Paper boat drifting down a gutter stream',
      width: 480,
      height: 480,
      durationSeconds: 2,
      seed: 3,
    },
  ].slice(0, options.clips ?? 3);
  const results = [];
  for (const [index, sample] of samples.entries()) {
    results.push(
      await generateVideo({
        ...sample,
        width: sample.width * scale,
        height: sample.height * scale,
        provider,
        fps: 24,
        ledger,
        poll,
        outPath: path.join(videos, `sample-${index + 1}.mp4`),
      }),
    );
  }
  if (options.sequence !== false)
    await generateSequence({
      provider,
      clips: [
        { prompt: 'A fox wakes up in its den' },
        { prompt: 'The fox steps out into the snow' },
        { prompt: 'The fox runs across the frozen lake' },
      ],
      outDir: path.join(videos, 'fox'),
      width: 640,
      height: 360,
      fps: 24,
      durationSeconds: 2,
      delayBetweenClipsMs: 0,
      poll,
    });
  // A generation that was paid for but never downloaded (its file lost), with a reported cost,
  // and one with only an estimate (a field the ledger may carry): the grid makes them stand out.
  const first = results[0];
  const records = await readFile(path.join(ledger, `local_${first.jobId}.json`), 'utf8').then(JSON.parse);
  const now = new Date().toISOString();
  await writeFile(
    path.join(ledger, 'local_sample-lost.json'),
    `${JSON.stringify({
      ...records,
      id: 'local_sample-lost',
      job: { ...records.job, id: 'sample-lost' },
      status: 'succeeded',
      request: { ...records.request, prompt: 'Lighthouse beam sweeping through fog' },
      outPath: path.join(videos, 'lost.mp4'),
      usage: { seconds: 2, cost: { amount: 0.2, currency: 'USD' } },
      createdAt: now,
      updatedAt: now,
    })}\n`,
  );
  // The first as a record from before prices were kept (no estimate, no reported cost), the
  // second with an estimate in core's shape, as a priced model's record carries it.
  const firstFile = path.join(ledger, `local_${first.jobId}.json`);
  const { costEstimate: _dropped, ...withoutEstimate } = records;
  await writeFile(firstFile, `${JSON.stringify(withoutEstimate)}\n`);
  const estimated = results[1] ?? results[0];
  const second = `local_${estimated.jobId}.json`;
  const record = JSON.parse(await readFile(path.join(ledger, second), 'utf8'));
  const costEstimate = {
    amount: 0.3,
    unit: 'USD',
    basis: '3 s × 0.10 USD/s',
    source: 'a sample price',
    asOf: '2026-12-01',
  };
  await writeFile(path.join(ledger, second), `${JSON.stringify({ ...record, costEstimate })}\n`);
  await rm(path.join(videos, 'lost.mp4'), { force: true });
  return { ledger, videos, jobsDir };
}
