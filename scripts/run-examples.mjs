// Runs the Node, Bun and Deno examples, each writing a clip with the local provider, and checks
// each clip with ffprobe. Prints "N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveFfprobe } from '@video-gen/core/ffmpeg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const out = mkdtempSync(path.join(os.tmpdir(), 'video-gen-examples-'));

const runs = [
  {
    name: 'node',
    command: process.execPath,
    args: ['examples/node/generate.mjs'],
    expect: { width: 640, height: 360, fps: 24, duration: 4 },
  },
  // The README's demo (npm run demo): three 2 s clips chained on their last frames, joined without
  // the 2 repeated boundary frames.
  {
    name: 'node-sequence',
    command: process.execPath,
    args: ['examples/node/sequence.mjs'],
    expect: { width: 640, height: 360, fps: 24, duration: 6 - 2 / 24 },
  },
  // docs/ai-sdk.md: the AI SDK's experimental_generateVideo with toAiSdk(createLocal()).
  {
    name: 'node-ai-sdk',
    command: process.execPath,
    args: ['examples/node/ai-sdk.mjs'],
    expect: { width: 640, height: 360, fps: 24, duration: 2 },
  },
  {
    name: 'bun',
    command: bin('bun'),
    args: ['examples/bun/generate.ts'],
    expect: { width: 320, height: 240, fps: 12, duration: 2 },
  },
  {
    name: 'deno',
    command: bin('deno'),
    args: ['run', '-A', '--config', 'examples/deno/deno.json', 'examples/deno/generate.ts'],
    expect: { width: 320, height: 240, fps: 12, duration: 2 },
  },
];

function probe(file) {
  const result = spawnSync(
    resolveFfprobe().path,
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=width,height,r_frame_rate,codec_name:format=duration',
      '-of',
      'json',
      file,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`ffprobe failed: ${result.stderr}`);
  const data = JSON.parse(result.stdout);
  const [num, den] = data.streams[0].r_frame_rate.split('/').map(Number);
  return { ...data.streams[0], fps: num / den, duration: Number(data.format.duration) };
}

let passed = 0;
let failed = 0;
for (const run of runs) {
  const file = path.join(out, `${run.name.split(' ')[0]}.mp4`);
  const started = Date.now();
  const result = spawnSync(run.command, [...run.args, file], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      VIDEO_GEN_LOG_FILE: 'off',
      VIDEO_GEN_HOME: path.join(os.tmpdir(), 'video-gen-example-home'),
    },
    timeout: 180_000,
  });
  try {
    if (result.status !== 0)
      throw new Error(`exit ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`);
    if (result.stdout.trim().split('\n').at(-1) !== file)
      throw new Error(`printed ${JSON.stringify(result.stdout)}, expected the path`);
    const info = probe(file);
    const { width, height, fps, duration } = run.expect;
    if (info.codec_name !== 'h264' || info.width !== width || info.height !== height || info.fps !== fps) {
      throw new Error(`ffprobe says ${JSON.stringify(info)}`);
    }
    if (Math.abs(info.duration - duration) > 1 / fps + 0.05)
      throw new Error(`duration ${info.duration}, expected ${duration}`);
    passed++;
    console.log(
      `ok ${run.name}: ${width}x${height} ${fps} fps ${info.duration.toFixed(2)} s in ${Date.now() - started} ms`,
    );
  } catch (error) {
    failed++;
    console.log(`FAILED ${run.name}: ${error.message}`);
  }
}
rmSync(out, { recursive: true, force: true });
console.log(`examples: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
