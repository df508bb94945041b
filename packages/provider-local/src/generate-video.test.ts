import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadGeneration, generateVideo, listGenerations } from '@video-gen/core';
import { resolveFfprobe } from '@video-gen/core/ffmpeg';
import { solidPng } from '@video-gen/testing';
import { describe, expect, it } from 'vitest';
import { createLocal } from './local-provider.js';

function probe(file: string) {
  const result = spawnSync(
    resolveFfprobe().path,
    [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,width,height,r_frame_rate:format=duration',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(result.stdout) as {
    streams: { codec_type: string; width?: number; height?: number; r_frame_rate: string }[];
    format: { duration: string };
  };
}

describe('generateVideo with the local provider', () => {
  it('writes a playable MP4 whose size, fps and duration match the request, and with keepFinishedMs 0 removes its job folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-local-e2e-'));
    const jobsDir = path.join(dir, 'jobs');
    const result = await generateVideo({
      provider: createLocal({ jobsDir, keepFinishedMs: 0 }),
      prompt: 'A lighthouse at dusk',
      width: 480,
      height: 270,
      fps: 25,
      durationSeconds: 3,
      firstFrame: solidPng(64, 36, [200, 40, 40]),
      audio: true,
      outPath: path.join(dir, 'lighthouse.mp4'),
      poll: { initialIntervalMs: 50 },
    });
    const info = probe(result.path);
    const video = info.streams.find((stream) => stream.codec_type === 'video');
    expect(video).toMatchObject({ width: 480, height: 270, r_frame_rate: '25/1' });
    expect(info.streams.some((stream) => stream.codec_type === 'audio')).toBe(true);
    expect(Number(info.format.duration)).toBeCloseTo(3, 1);
    expect(result).toMatchObject({
      provider: 'local',
      model: 'local-v1',
      width: 480,
      height: 270,
      fps: 25,
      durationSeconds: 3,
    });
    expect(existsSync(`${result.path}.job.json`)).toBe(false);
    expect(readdirSync(jobsDir)).toEqual([]);
  });

  it('resolves "local" from the registry by id', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-local-e2e-'));
    const result = await generateVideo({
      provider: 'local',
      prompt: 'registry',
      width: 160,
      height: 90,
      fps: 10,
      durationSeconds: 1,
      outPath: path.join(dir, 'a.mp4'),
      poll: { initialIntervalMs: 50 },
    });
    expect(result.provider).toBe('local');
    expect(probe(result.path).streams[0]).toMatchObject({ width: 160, height: 90 });
  });

  it('keeps a delivered render, so a lost output is downloaded again from the ledger without a second render', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-local-ledger-'));
    const provider = createLocal({ jobsDir: path.join(dir, 'jobs') });
    const ledger = path.join(dir, 'ledger');
    const outPath = path.join(dir, 'first.mp4');
    const first = await generateVideo({
      provider,
      prompt: 'ledger',
      width: 160,
      height: 90,
      fps: 10,
      durationSeconds: 1,
      outPath,
      ledger,
      poll: { initialIntervalMs: 50 },
    });
    rmSync(outPath);
    const [record] = await listGenerations({ ledger });
    const again = await downloadGeneration(record!.id, {
      provider,
      ledger,
      outPath: path.join(dir, 'again.mp4'),
      poll: { initialIntervalMs: 50 },
    });
    expect(
      readFileSync(again.path).equals(
        Buffer.from(readFileSync(path.join(dir, 'jobs', first.jobId, 'video.mp4'))),
      ),
    ).toBe(true);
    expect(readdirSync(path.join(dir, 'jobs'))).toEqual([first.jobId]);
  });

  it('prunes delivered renders older than keepFinishedMs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-local-prune-'));
    const jobsDir = path.join(dir, 'jobs');
    const provider = createLocal({ jobsDir, keepFinishedMs: 60_000 });
    const settings = {
      provider,
      width: 160,
      height: 90,
      fps: 10,
      durationSeconds: 1,
      ledger: false as const,
      poll: { initialIntervalMs: 50 },
    };
    const old = await generateVideo({ ...settings, prompt: 'old', outPath: path.join(dir, 'old.mp4') });
    // Delivered two minutes ago, past the one-minute keep.
    writeFileSync(path.join(jobsDir, old.jobId, 'released-at'), String(Date.now() - 120_000));
    const fresh = await generateVideo({ ...settings, prompt: 'fresh', outPath: path.join(dir, 'fresh.mp4') });
    expect(readdirSync(jobsDir)).toEqual([fresh.jobId]);
  });
});
