// One generateVideo through fromAiSdk(@ai-sdk/fal) against the parent's loopback fal queue, with
// the BUILT packages; prints each progress phase so the parent can SIGKILL it after doStart.
// argv[2]: JSON { origin, key, model, outPath }.
import { createFal } from '@ai-sdk/fal';
import { fromAiSdk } from '@video-gen/ai-sdk';
import { generateVideo } from '@video-gen/core';

const { origin, key, model, outPath } = JSON.parse(process.argv[2]);
const rewrite = (url) => url.replace(/^https:\/\/(queue\.fal\.run|v3\.fal\.media)/, origin);
const rewritingFetch = (input, init) =>
  fetch(rewrite(input instanceof Request ? input.url : String(input)), init);

const fal = createFal({ apiKey: key, fetch: rewritingFetch });
await generateVideo({
  provider: fromAiSdk(fal.video(model), { id: 'fal' }),
  prompt: 'A crash test clip',
  outPath,
  fetch: rewritingFetch,
  allowLoopbackDownloads: true,
  poll: { initialIntervalMs: 50, maxIntervalMs: 50 },
  onProgress: (event) => console.log(event.phase),
});
console.log('finished');
