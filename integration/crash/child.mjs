// One generateVideo against a loopback fake that runs in the parent (the test), with the BUILT
// packages: prints every progress event as a line, so the parent can SIGKILL it at a chosen point.
// argv[2]: JSON { vendor, config, outPath, prompt, options }.
import { generateVideo } from '@video-gen/core';
import { createAzureSora } from '@video-gen/provider-azure-sora';
import { createLocal } from '@video-gen/provider-local';
import { createRunway } from '@video-gen/provider-runway';
import { createSora } from '@video-gen/provider-sora';
import { createVeo3 } from '@video-gen/provider-veo3';

const { vendor, config, outPath, prompt, options } = JSON.parse(process.argv[2]);
const factories = {
  sora2: createSora,
  'azure-sora': createAzureSora,
  veo3: createVeo3,
  runway: createRunway,
  local: createLocal,
};

/** Veo's Cloud Storage URLs, sent to the loopback fake instead (the parent does the same). */
function storageRewritingFetch(origin) {
  const rewrite = (url) =>
    url.startsWith('https://storage.googleapis.com/')
      ? `${origin}${url.slice('https://storage.googleapis.com'.length)}`
      : url;
  return (input, init) =>
    input instanceof Request
      ? fetch(new Request(rewrite(input.url), input), init)
      : fetch(rewrite(String(input)), init);
}

await generateVideo({
  ...options,
  ...(vendor === 'veo3' ? { fetch: storageRewritingFetch(config.baseURL) } : {}),
  provider: factories[vendor](config),
  prompt,
  outPath,
  onProgress: (event) => console.log(`${event.phase} ${event.bytes ?? ''} ${event.totalBytes ?? ''}`),
});
console.log('finished');
