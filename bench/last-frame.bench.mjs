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
// Then, at 1280x720 (a 10 s clip at 30 fps), extractLastFrame against the same job done by hand
// the usual way, `ffmpeg -sseof -1 -i clip.mp4 -update 1 last.png` (it PNG-encodes every frame of
// the last second over one file), timed in turn, median of each, and the two images compared pixel
// for pixel.
//
// Exits 1 when the 600 s clip takes 1.5 times as long as the 10 s one, or more, when extractLastFrame
// is not at least 2 times as fast as ffmpeg by hand at 720p, or when the pixels differ.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { extractLastFrame } from '@video-gen/stitching';
import { report } from './lib/result.mjs';

const RUNS = 7;
const RATIO_LIMIT = 1.5;
const SPEEDUP = 2;
const ffmpeg = resolveFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'video-gen-bench-last-frame-'));

function makeClip(seconds, size = '160x90', fps = 10) {
  const file = join(dir, `clip-${seconds}s-${size}.mp4`);
  const started = performance.now();
  const run = spawnSync(ffmpeg, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=${size}:r=${fps}:d=${seconds}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    String(5 * fps),
    '-pix_fmt',
    'yuv420p',
    '-y',
    file,
  ]);
  if (run.status !== 0) throw new Error(`ffmpeg could not make the ${seconds} s clip: ${run.stderr}`);
  console.log(`made a ${seconds} s clip in ${Math.round(performance.now() - started)} ms`);
  return file;
}

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

function byHand(video, out) {
  const run = spawnSync(ffmpeg, [
    ...['-v', 'error', '-sseof', '-1', '-i', video, '-map', '0:v:0', '-vsync', 'passthrough'],
    ...['-c:v', 'png', '-f', 'image2', '-update', '1', '-y', out],
  ]);
  if (run.status !== 0) throw new Error(`ffmpeg by hand failed: ${run.stderr}`);
}

function rgb(image) {
  return spawnSync(ffmpeg, ['-v', 'error', '-i', image, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
}

/** extractLastFrame and ffmpeg by hand on one 720p clip, in turn; medians, and the two images. */
async function hdSideBySide(video) {
  const ours = [];
  const theirs = [];
  for (let run = 0; run <= RUNS; run++) {
    let started = performance.now();
    await extractLastFrame(video, { outputPath: join(dir, 'hd-ours.png'), overwrite: true });
    const oursMs = performance.now() - started;
    started = performance.now();
    byHand(video, join(dir, 'hd-by-hand.png'));
    const theirsMs = performance.now() - started;
    if (run > 0) {
      ours.push(oursMs);
      theirs.push(theirsMs);
    }
  }
  const samePixels = rgb(join(dir, 'hd-ours.png')).equals(rgb(join(dir, 'hd-by-hand.png')));
  return { oursMs: median(ours), byHandMs: median(theirs), samePixels };
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
  const hd = await hdSideBySide(makeClip(10, '1280x720', 30));
  const speedup = hd.byHandMs / hd.oursMs;
  console.log(
    `720p: extractLastFrame ${hd.oursMs.toFixed(1)} ms, ffmpeg by hand ${hd.byHandMs.toFixed(1)} ms (${speedup.toFixed(2)}x), same pixels: ${hd.samePixels}`,
  );
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
    { metric: 'extractLastFrame, 10 s 1280x720 clip (median)', value: hd.oursMs, unit: 'ms' },
    {
      metric: 'ffmpeg by hand, -sseof -1 -update 1 (PNG-encodes the last second), same clip',
      value: hd.byHandMs,
      unit: 'ms',
    },
    {
      metric: 'ffmpeg by hand / extractLastFrame, 1280x720',
      value: speedup,
      unit: '×',
      target: `≥ ${SPEEDUP}×`,
      met: speedup >= SPEEDUP,
    },
    {
      metric: 'same pixels as ffmpeg by hand, 1280x720',
      value: hd.samePixels ? 'yes' : 'no',
      target: 'yes',
      met: hd.samePixels,
    },
  ]);
  if (!(ratio < RATIO_LIMIT) || speedup < SPEEDUP || !hd.samePixels) {
    console.log('FAILED: a target is missed (see the rows above)');
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
