// One resumeVideo of a crashed job, with the BUILT packages, started at an instant the parent
// chooses so that several of these race for the same output's lock.
// argv[2]: JSON { vendor, config, journalPath, options }. Prints `ready` once loaded, reads the
// start time (epoch ms) from stdin, then prints one JSON line: { ok, path } or { ok: false, code, message }.
import { resumeVideo } from '@video-gen/core';
import { createLocal } from '@video-gen/provider-local';
import { createSora } from '@video-gen/provider-sora';

const { vendor, config, journalPath, options } = JSON.parse(process.argv[2]);
const provider = { sora2: createSora, local: createLocal }[vendor](config);

const startAt = await new Promise((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk) => {
    input += chunk;
    if (input.includes('\n')) resolve(Number(input.trim()));
  });
  console.log('ready');
});
await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now() - 3)));
while (Date.now() < startAt) {
  // Spin the last milliseconds, so every racer starts in the same one.
}
try {
  const result = await resumeVideo(journalPath, { ...options, provider });
  console.log(JSON.stringify({ ok: true, path: result.path }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, code: error?.code, name: error?.name, message: String(error?.message) }),
  );
}
process.exit(0);
