// One generateVideo against a loopback fake that runs in the parent (the test), with the BUILT
// packages: prints every progress event as a line, so the parent can SIGKILL it at a chosen point.
// argv[2]: JSON { vendor, config, outPath, prompt, options, hangAt? }.
//
// `hangAt` names a point of the finish window, where no progress event marks the moment: the
// child watches its own file operations (node:fs/promises, patched before core is loaded), prints
// `at <point>` when it gets there and waits, so the parent's SIGKILL lands exactly there.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const { vendor, config, outPath, prompt, options, hangAt } = JSON.parse(process.argv[2]);
const ledgerDir = typeof options.ledger === 'string' ? path.resolve(options.ledger) : undefined;
const partPath = `${outPath}.part`;
let finishing = false;

/** Stops here for the parent's SIGKILL when `point` is the one asked for. */
function checkpoint(point) {
  if (point !== hangAt) return undefined;
  console.log(`at ${point}`);
  return new Promise(() => {});
}

const inLedger = (file) => ledgerDir !== undefined && path.resolve(file).startsWith(ledgerDir);
/** Runs before a file operation: the first ledger write once the video is in place is the ledger update. */
const before = (file) => (finishing && inLedger(file) ? checkpoint('before-ledger-update') : undefined);
/** Runs after a file operation removed or moved `file`. */
function afterRemoving(file) {
  if (file === partPath && !finishing) {
    finishing = true;
    return checkpoint('after-rename');
  }
  if (!finishing) return undefined;
  if (file === `${outPath}.lock`) return checkpoint('after-lock-release');
  if (file === `${outPath}.job.json`) return checkpoint('after-journal-delete');
  return undefined;
}

for (const name of ['open', 'writeFile', 'mkdir', 'link', 'rename', 'unlink', 'rm']) {
  const original = fsp[name];
  fsp[name] = async (...args) => {
    await before(String(args[0]));
    const result = await original(...args);
    if (name === 'unlink' || name === 'rm' || name === 'rename') await afterRemoving(String(args[0]));
    return result;
  };
}
syncBuiltinESMExports();

const { generateVideo } = await import('@video-gen/core');
const { createAzureSora } = await import('@video-gen/provider-azure-sora');
const { createLocal } = await import('@video-gen/provider-local');
const { createRunway } = await import('@video-gen/provider-runway');
const { createSora } = await import('@video-gen/provider-sora');
const { createVeo3 } = await import('@video-gen/provider-veo3');

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

/** The provider, stopping for the parent after it released the finished job. */
function withReleaseCheckpoint(provider) {
  return new Proxy(provider, {
    get(target, key) {
      if (key === 'release') {
        return async (job, context) => {
          await target.release?.(job, context);
          await checkpoint('after-release');
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

await generateVideo({
  ...options,
  ...(vendor === 'veo3' ? { fetch: storageRewritingFetch(config.baseURL) } : {}),
  provider: withReleaseCheckpoint(factories[vendor](config)),
  prompt,
  outPath,
  onProgress: (event) => console.log(`${event.phase} ${event.bytes ?? ''} ${event.totalBytes ?? ''}`),
});
console.log('finished');
