// Measures concatClips' stream-copy join against the two ways of doing it by hand: `cat` of the
// same bytes (the floor: reading and writing them once), and ffmpeg by hand (a concat list and
// `ffmpeg -f concat -safe 0 -i list.txt -c copy out.mp4`, what a person would type). Three 10 s
// 1280x720 clips at 30 fps with AAC audio are made with ffmpeg (copies of one), and the three
// joins run in turn, several times, medians compared, so machine noise hits all three alike.
//
//   npm run bench                      # builds, then runs every bench
//   node bench/concat.bench.mjs        # once @video-gen/stitching is built
//
// Exits 1 when the join is not a stream copy, loses frames, is not a valid MP4 by ffprobe, or takes
// more than 1.2 times as long as ffmpeg by hand.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { copyFile, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';
import { concatClips } from '@video-gen/stitching';
import { report } from './lib/result.mjs';

const CLIPS = 3;
const SECONDS = 10;
const FPS = 30;
const RUNS = 9;
const LIMIT = 1.2;
const ffmpeg = resolveFfmpeg().path;
const ffprobe = resolveFfprobe().path;
// /dev/shm where there is one, so disk writeback does not decide.
const base = await stat('/dev/shm').then(
  () => '/dev/shm',
  () => tmpdir(),
);
const dir = await mkdtemp(join(base, 'video-gen-bench-concat-'));
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/** Packets of the first video stream, and whether ffprobe reads the whole file without an error. */
function check(file) {
  const run = spawnSync(
    ffprobe,
    [
      ...['-v', 'error', '-select_streams', 'v:0', '-count_packets'],
      ...['-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file],
    ],
    { encoding: 'utf8' },
  );
  return { frames: Number(run.stdout.trim()), valid: run.status === 0 && run.stderr.trim() === '' };
}

function cat(sources, target) {
  const fd = openSync(target, 'w');
  try {
    const run = spawnSync('cat', sources, { stdio: ['ignore', fd, 'inherit'] });
    if (run.status !== 0) throw new Error('cat failed');
  } finally {
    closeSync(fd);
  }
}

async function ffmpegByHand(sources, target) {
  const list = join(dir, 'list.txt');
  await writeFile(list, sources.map((file) => `file '${file}'\n`).join(''));
  // Spawned the way concatClips spawns it (asynchronously, from this process), so only what each
  // does around ffmpeg differs.
  const child = spawn(
    ffmpeg,
    [...['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list], ...['-c', 'copy', target]],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const status = await new Promise((resolve) => child.on('close', resolve));
  if (status !== 0) throw new Error(`ffmpeg by hand exited with ${status}`);
}

let exitCode = 0;
try {
  const first = join(dir, 'clip-1.mp4');
  const made = spawnSync(ffmpeg, [
    ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=s=1280x720:r=${FPS}:d=${SECONDS}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:d=${SECONDS}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '18', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-y', first],
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make the clip: ${made.stderr}`);
  const clips = [first];
  for (let n = 2; n <= CLIPS; n++) {
    clips.push(join(dir, `clip-${n}.mp4`));
    await copyFile(first, clips.at(-1));
  }
  const bytes = (await stat(first)).size * CLIPS;

  const times = { ours: [], byHand: [], cat: [] };
  let joined;
  for (let run = 0; run <= RUNS; run++) {
    const out = (name) => join(dir, `${name}-${run}.mp4`);
    let started = performance.now();
    joined = await concatClips(clips, out('joined'));
    const ours = performance.now() - started;
    started = performance.now();
    await ffmpegByHand(clips, out('by-hand'));
    const byHand = performance.now() - started;
    started = performance.now();
    cat(clips, out('cat'));
    const catMs = performance.now() - started;
    // The first round warms the page cache and the binaries; it is not counted.
    if (run > 0) {
      times.ours.push(ours);
      times.byHand.push(byHand);
      times.cat.push(catMs);
    }
    if (run < RUNS) {
      await Promise.all(['joined', 'by-hand', 'cat'].map((name) => rm(out(name), { force: true })));
    }
  }
  const ours = median(times.ours);
  const byHand = median(times.byHand);
  const catMs = median(times.cat);
  const ratio = ours / byHand;
  const { frames, valid } = check(joined.path);
  const expected = CLIPS * SECONDS * FPS;
  console.log(`${CLIPS} clips of ${SECONDS} s at 1280x720, ${mib(bytes)} MiB in all, median of ${RUNS}`);
  console.log(`concatClips (${joined.mode}): ${ours.toFixed(0)} ms`);
  console.log(`ffmpeg by hand:        ${byHand.toFixed(0)} ms`);
  console.log(`cat:                   ${catMs.toFixed(0)} ms`);
  report('concat', [
    { metric: `concatClips, ${CLIPS} × ${SECONDS} s 1280x720 with audio (median)`, value: ours, unit: 'ms' },
    { metric: 'ffmpeg by hand (-f concat -c copy), same clips', value: byHand, unit: 'ms' },
    { metric: 'cat of the same bytes', value: catMs, unit: 'ms' },
    {
      metric: 'concatClips / ffmpeg by hand',
      value: ratio,
      unit: '×',
      target: `≤ ${LIMIT}×`,
      met: ratio <= LIMIT,
    },
    { metric: 'concatClips / cat', value: ours / catMs, unit: '×' },
    {
      metric: 'stream copy with every frame, valid by ffprobe',
      value: `${joined.mode}, ${frames} frames${valid ? '' : ', ffprobe errors'}`,
      target: `copy, ${expected} frames`,
      met: joined.mode === 'copy' && frames === expected && valid,
    },
  ]);
  if (joined.mode !== 'copy' || frames !== expected || !valid || ratio > LIMIT) {
    console.log(`FAILED: ${joined.mode}, ${frames}/${expected} frames, valid ${valid}, ${ratio.toFixed(2)}x`);
    exitCode = 1;
  } else {
    console.log(`ok: stream copy, all ${frames} frames, ${ratio.toFixed(2)}x ffmpeg by hand`);
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
