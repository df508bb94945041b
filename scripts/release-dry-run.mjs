// `npm publish --dry-run` for every publishable package, as `changeset publish` would publish it,
// plus what the registry page and a provenance publish need: `repository` (with `directory`),
// `homepage`, `bugs`, an MIT LICENSE in the tarball, `engines.node`, every `exports`/`bin` target
// packed, and README links that are absolute (relative ones break on npmjs.com).
// Run after a build (`npm test` builds first). Prints "release dry-run: N ready, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPOSITORY = 'https://github.com/video-gen/video-gen';

/** Every file path an `exports` map or `bin` points at. */
function targets(manifest) {
  const out = [];
  const walk = (value) => {
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  return out.filter((t) => t.startsWith('./') && !t.endsWith('package.json')).map((t) => t.slice(2));
}

function problems(dir, manifest, packed) {
  const found = [];
  const files = new Set(packed.files.map((file) => file.path));
  const where = `packages/${path.basename(dir)}`;
  if (!String(manifest.repository?.url ?? '').includes(REPOSITORY))
    found.push(`repository.url must point at ${REPOSITORY}`);
  if (manifest.repository?.directory !== where) found.push(`repository.directory must be "${where}"`);
  if (!String(manifest.homepage ?? '').startsWith(REPOSITORY)) found.push('homepage is missing');
  if (!String(manifest.bugs?.url ?? '').startsWith(REPOSITORY)) found.push('bugs.url is missing');
  if (manifest.license !== 'MIT') found.push('license must be MIT');
  if (!files.has('LICENSE') || !/^MIT License/.test(readFileSync(path.join(dir, 'LICENSE'), 'utf8')))
    found.push('the tarball has no MIT LICENSE file');
  if (!manifest.engines?.node) found.push('engines.node is missing');
  for (const target of targets(manifest)) if (!files.has(target)) found.push(`${target} is not packed`);
  const readme = existsSync(path.join(dir, 'README.md'))
    ? readFileSync(path.join(dir, 'README.md'), 'utf8')
    : '';
  for (const [, link] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (!/^(https?:|mailto:|#)/.test(link)) found.push(`README link "${link}" is relative`);
  }
  return found;
}

let ready = 0;
let failed = 0;
for (const name of readdirSync(path.join(root, 'packages')).sort()) {
  const dir = path.join(root, 'packages', name);
  if (!existsSync(path.join(dir, 'package.json'))) continue;
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const result = spawnSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
  });
  let packed;
  try {
    packed = JSON.parse(result.stdout)[manifest.name];
  } catch {}
  const found =
    result.status === 0 && packed
      ? problems(dir, manifest, packed)
      : [`npm publish --dry-run failed (exit ${result.status})\n${result.stdout}${result.stderr}`];
  if (found.length === 0) {
    ready++;
    console.log(`ok ${manifest.name}@${manifest.version} (${packed.entryCount} files)`);
  } else {
    failed++;
    console.log(`FAILED ${manifest.name}\n  ${found.join('\n  ')}`);
  }
}
console.log(`release dry-run: ${ready} ready, ${failed} failed`);
process.exit(failed === 0 && ready > 0 ? 0 : 1);
