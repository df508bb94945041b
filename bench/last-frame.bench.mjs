// Checks that extractLastFrame's cost does not grow with the video's length: it seeks from the
// end (-sseof) instead of decoding everything. Two clips of the same kind are made with ffmpeg
// (10 s and 600 s, 160x90 at 10 fps), the last frame of each is extracted several times, and the
// median times are compared. A full decode of the long clip is timed too, for scale.
//
// Seeking lands on the keyframe before the end, so the cost is at most one keyframe interval of
// decoding, whatever the length. Both clips get the same interval (5 s) so that only the length
// differs: with x264's default (250 frames, 25 s at 10 fps) the 10 s clip would be shorter than
// one interval and the bench would compare intervals, not lengths.
//
//   npm run bench                          # builds, then runs every bench
//   node bench/last-frame.bench.mjs        # once @video-gen/stitching is built
//
// Exits 1 when the 600 s clip takes 1.5 times as long as the 10 s one, or more.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { extractLastFrame } from '@video-gen/stitching';
import { report } from './lib/result.mjs';

const RUNS = 7;
const RATIO_LIMIT = 1.5;
const ffmpeg = resolveFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'video-gen-bench-last-frame-'));

function makeClip(seconds) {
  const file = join(dir, `clip-${seconds}s.mp4`);
  const started = performance.now();
  const run = spawnSync(ffmpeg, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=160x90:r=10:d=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '50',
    '-pix_fmt',
    'yuv420p',
    '-y',
    file,
  ]);
  if (run.status !== 0) throw new Error(`ffmpeg could not make the ${seconds} s clip: ${run.stderr}`);
  console.log(`made a ${seconds} s clip in ${Math.round(performance.now() - started)} ms`);
  return file;
}

async function medianExtractMs(video) {
  const times = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    await extractLastFrame(video, { outputPath: join(dir, `frame-${run}.png`), overwrite: true });
    // The first run warms the file cache and the binary; it is not counted.
    if (run > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let exitCode = 0;
try {
  const short = makeClip(10);
  const long = makeClip(600);
  const shortMs = await medianExtractMs(short);
  const longMs = await medianExtractMs(long);
  const started = performance.now();
  spawnSync(ffmpeg, ['-v', 'error', '-i', long, '-f', 'null', '-']);
  const fullDecodeMs = performance.now() - started;
  const ratio = longMs / shortMs;
  console.log(`last frame of the 10 s clip:  ${shortMs.toFixed(1)} ms (median of ${RUNS})`);
  console.log(`last frame of the 600 s clip: ${longMs.toFixed(1)} ms (median of ${RUNS})`);
  console.log(`ratio: ${ratio.toFixed(2)} (limit ${RATIO_LIMIT})`);
  console.log(`for scale, decoding the whole 600 s clip takes ${fullDecodeMs.toFixed(0)} ms`);
  report('last-frame', [
    { metric: 'extractLastFrame, 10 s clip (median)', value: shortMs, unit: 'ms' },
    { metric: 'extractLastFrame, 600 s clip (median)', value: longMs, unit: 'ms' },
    {
      metric: 'last frame 600 s / 10 s',
      value: ratio,
      unit: '×',
      target: `< ${RATIO_LIMIT}×`,
      met: ratio < RATIO_LIMIT,
    },
  ]);
  if (!(ratio < RATIO_LIMIT)) {
    console.log(`FAILED: extraction from the long clip is ${ratio.toFixed(2)}x slower`);
    exitCode = 1;
  } else {
    console.log('ok: extraction time does not grow with the video length');
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
