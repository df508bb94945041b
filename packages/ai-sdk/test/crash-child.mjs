// One generateVideo through fromAiSdk (@ai-sdk/fal or @ai-sdk/google-vertex) against the parent's
// loopback fake, with the BUILT packages; prints each progress phase so the parent can SIGKILL it
// after doStart. argv[2]: JSON { vendor, origin, key, model, outPath }.
import { createFal } from '@ai-sdk/fal';
import { createVertex } from '@ai-sdk/google-vertex';
import { fromAiSdk } from '@video-gen/ai-sdk';
import { generateVideo } from '@video-gen/core';

const { vendor, origin, key, model, outPath } = JSON.parse(process.argv[2]);
const VENDOR_HOSTS = /^https:\/\/(queue\.fal\.run|v3\.fal\.media|aiplatform\.googleapis\.com)/;
const rewritingFetch = (input, init) =>
  fetch((input instanceof Request ? input.url : String(input)).replace(VENDOR_HOSTS, origin), init);

const aiSdkModel =
  vendor === 'fal'
    ? createFal({ apiKey: key, fetch: rewritingFetch }).video(model)
    : createVertex({ apiKey: key, fetch: rewritingFetch }).video(model);
await generateVideo({
  provider: fromAiSdk(aiSdkModel, { id: vendor }),
  prompt: 'A crash test clip',
  outPath,
  fetch: rewritingFetch,
  allowLoopbackDownloads: true,
  poll: { initialIntervalMs: 50, maxIntervalMs: 50 },
  onProgress: (event) => console.log(event.phase),
});
console.log('finished');
