// The studio under Node, Bun and Deno (run by scripts/run-runtime-checks.mjs after a build): the
// runtime's own server on 127.0.0.1, the token, a ranged video, a poster from ffmpeg, a dry-run
// check and the event stream. Prints "ok" last.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startStudio } from './dist/index.js';
import { makeSampleLedger } from './scripts/sample-ledger.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const home = await mkdtemp(path.join(os.tmpdir(), 'studio-runtime-'));
const assert = (condition, message) => {
  if (!condition) throw new Error(message);
};
const { ledger } = await makeSampleLedger(home, { clips: 1, sequence: false, small: true });
const studio = await startStudio({ ledgerDir: ledger, outDir: home });
try {
  const headers = { 'x-studio-token': studio.token };
  assert(
    (await fetch(`${studio.origin}/api/generations`)).status === 401,
    'a request without the token passed',
  );
  const generations = await (await fetch(`${studio.origin}/api/generations`, { headers })).json();
  const video = generations.find((generation) => generation.hasVideo);
  assert(video, 'no generation with a video');
  const ranged = await fetch(`${studio.origin}/media/${video.id}/video.mp4`, {
    headers: { ...headers, range: 'bytes=0-99' },
  });
  assert(ranged.status === 206 && (await ranged.arrayBuffer()).byteLength === 100, 'no ranged video');
  const poster = await fetch(`${studio.origin}/media/${video.id}/poster.jpg`, { headers });
  assert(poster.status === 200 && (await poster.arrayBuffer()).byteLength > 1000, 'no poster');
  const check = await fetch(`${studio.origin}/api/check`, {
    method: 'POST',
    headers: { ...headers, origin: studio.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'local', prompt: 'waves', width: 641, height: 360 }),
  });
  assert(
    check.status === 400 && (await check.json()).error.code === 'validation_failed',
    'no validation error',
  );
  const events = await fetch(`${studio.origin}/api/events`, { headers });
  const reader = events.body.getReader();
  const { value } = await reader.read();
  assert(new TextDecoder().decode(value).startsWith('event: jobs'), 'no event stream');
  await reader.cancel();
} finally {
  await studio.close();
  await rm(home, { recursive: true, force: true });
}
console.log(`ok studio on ${runtime}`);
