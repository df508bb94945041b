// Measures concatClips' stream-copy join against a plain copy of the same bytes: a stream copy
// rewrites the container but not the video, so it should cost about as much as copying the files.
// One 60 s clip (640x360 at 25 fps, high bitrate so there are bytes to move) is made with ffmpeg
// and copied four times; the four are joined with concatClips, then the same four files are
// streamed one after the other into a single file.
//
//   npm run bench                      # builds, then runs every bench
//   node bench/concat.bench.mjs        # once @video-gen/stitching is built
//
// Exits 1 when the join is not a stream copy or loses frames. The times are reported, not judged.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { resolveFfmpeg, resolveFfprobe } from '@video-gen/core/ffmpeg';
import { concatClips } from '@video-gen/stitching';
import { report } from './lib/result.mjs';

const CLIPS = 4;
const SECONDS = 60;
const FPS = 25;
const ffmpeg = resolveFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'video-gen-bench-concat-'));
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);

function frameCount(file) {
  const run = spawnSync(
    resolveFfprobe().path,
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-count_packets',
      '-show_entries',
      'stream=nb_read_packets',
      '-of',
      'csv=p=0',
      file,
    ],
    { encoding: 'utf8' },
  );
  return Number(run.stdout.trim());
}

async function plainCopy(sources, target) {
  const out = createWriteStream(target);
  for (const source of sources) await pipeline(createReadStream(source), out, { end: false });
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
}

let exitCode = 0;
try {
  const first = join(dir, 'clip-1.mp4');
  const made = spawnSync(ffmpeg, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=s=640x360:r=${FPS}:d=${SECONDS}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '8',
    '-pix_fmt',
    'yuv420p',
    '-y',
    first,
  ]);
  if (made.status !== 0) throw new Error(`ffmpeg could not make the clip: ${made.stderr}`);
  const clips = [first];
  for (let n = 2; n <= CLIPS; n++) {
    clips.push(join(dir, `clip-${n}.mp4`));
    await copyFile(first, clips.at(-1));
  }
  const bytes = (await stat(first)).size * CLIPS;

  // Warm the page cache, so both measurements read from memory.
  await plainCopy(clips, join(dir, 'warm-up.bin'));

  let started = performance.now();
  const joined = await concatClips(clips, join(dir, 'joined.mp4'));
  const concatMs = performance.now() - started;

  started = performance.now();
  await plainCopy(clips, join(dir, 'copied.bin'));
  const copyMs = performance.now() - started;

  console.log(`${CLIPS} clips of ${SECONDS} s, ${mib(bytes)} MiB in all`);
  console.log(
    `concatClips (${joined.mode}): ${concatMs.toFixed(0)} ms (${mib(bytes / (concatMs / 1000))} MiB/s)`,
  );
  console.log(`plain file copy:        ${copyMs.toFixed(0)} ms (${mib(bytes / (copyMs / 1000))} MiB/s)`);
  console.log(
    `ratio: ${(concatMs / copyMs).toFixed(2)}x the time of a plain copy (probing each clip included)`,
  );
  const frames = frameCount(joined.path);
  report('concat', [
    { metric: `concatClips, ${CLIPS} clips of ${SECONDS} s`, value: concatMs, unit: 'ms' },
    { metric: 'concatClips / plain copy of the same bytes', value: concatMs / copyMs, unit: '×' },
    {
      metric: 'stream copy with every frame',
      value: `${joined.mode}, ${frames} frames`,
      target: `copy, ${CLIPS * SECONDS * FPS} frames`,
      met: joined.mode === 'copy' && frames === CLIPS * SECONDS * FPS,
    },
  ]);
  if (joined.mode !== 'copy') {
    console.log(`FAILED: expected a stream copy, got ${joined.mode}: ${joined.reasons.join('; ')}`);
    exitCode = 1;
  } else if (frames !== CLIPS * SECONDS * FPS) {
    console.log(`FAILED: the joined video has ${frames} frames, expected ${CLIPS * SECONDS * FPS}`);
    exitCode = 1;
  } else {
    console.log(`ok: stream copy, all ${frames} frames`);
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);
