// Package quality for every publishable package: publint, are-the-types-wrong (node16 and bundler
// resolution, ESM and CJS), then a size report. Fails when any check fails, when core's own built
// code passes 45 KB min+gzip, or when core's entry imports a vendor SDK.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// 25 KB until 2026-12; the hardening of issue 14 (option schemas, no-follow file creation, image
// structure checks, journal and ledger schemas, the atomic lock) brought core to ~32 KB; model lifecycle, video input and the resource limits to ~37 KB; prices and cost caps, the poll
// schedule, zod-free option checks, the parity helper and webhooks to ~41 KB. zod stays
// a dependency, not bundled, and the option schemas load on first use.
const CORE_LIMIT = 45 * 1024;
const VENDOR_SDKS = ['openai', '@google/genai', '@runwayml/sdk', 'google-auth-library'];

const packages = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join(root, 'packages', dir))
  .filter((dir) => {
    try {
      return !JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).private;
    } catch {
      return false;
    }
  });

let failures = 0;
const fail = (message) => {
  failures++;
  console.log(`FAILED ${message}`);
};

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function dirSize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirSize(file);
    else if (entry.isFile()) total += statSync(file).size;
  }
  return total;
}

/** The package's own files plus every production dependency it pulls in, as installed here. */
function installSize(pkgDir) {
  const seen = new Set();
  const visit = (dir) => {
    const real = path.resolve(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const manifest = JSON.parse(readFileSync(path.join(real, 'package.json'), 'utf8'));
    for (const name of Object.keys(manifest.dependencies ?? {})) {
      for (let base = real; ; base = path.dirname(base)) {
        const candidate = path.join(base, 'node_modules', name);
        try {
          statSync(path.join(candidate, 'package.json'));
          visit(candidate);
          break;
        } catch {}
        if (base === path.dirname(base)) break;
      }
    }
  };
  visit(pkgDir);
  let total = 0;
  for (const dir of seen) total += dir === path.resolve(pkgDir) ? 0 : dirSize(dir);
  return total;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = [];
for (const dir of packages) {
  const name = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
  const publint = run(bin('publint'), ['--strict'], dir);
  if (!publint.ok || !/All good/.test(publint.output)) fail(`publint ${name}\n${publint.output}`);
  const hasTypes = JSON.stringify(
    JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).exports ?? {},
  ).includes('types');
  if (hasTypes) {
    const attw = run(bin('attw'), ['--pack', '.', '--profile', 'node16', '--format', 'ascii'], dir);
    if (!attw.ok) fail(`attw ${name}\n${attw.output}`);
  }
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' }),
  );
  rows.push({
    name,
    packed: packed.size,
    unpacked: packed.unpackedSize,
    files: packed.entryCount,
    install: installSize(dir),
  });
}

// Core's own code: its ESM entries bundled with every dependency left external, minified, gzipped.
const core = path.join(root, 'packages', 'core');
const bundle = await build({
  entryPoints: [path.join(core, 'dist', 'index.js'), path.join(core, 'dist', 'ffmpeg.js')],
  bundle: true,
  minify: true,
  write: false,
  format: 'esm',
  platform: 'node',
  outdir: 'out',
  packages: 'external',
  metafile: true,
});
const coreBytes = bundle.outputFiles.reduce((sum, file) => sum + gzipSync(file.contents).length, 0);
const imported = Object.values(bundle.metafile.outputs).flatMap((output) =>
  output.imports.map((i) => i.path),
);
const vendor = imported.filter((specifier) =>
  VENDOR_SDKS.some((sdk) => specifier === sdk || specifier.startsWith(`${sdk}/`)),
);

console.log('\n| package | packed | unpacked | files | dependencies installed |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows)
  console.log(
    `| ${row.name} | ${kb(row.packed)} | ${kb(row.unpacked)} | ${row.files} | ${kb(row.install)} |`,
  );
console.log(`\n@video-gen/core own code, min+gzip: ${kb(coreBytes)} (limit ${kb(CORE_LIMIT)})`);
if (coreBytes > CORE_LIMIT) fail(`@video-gen/core is ${kb(coreBytes)} min+gzip, over ${kb(CORE_LIMIT)}`);
if (vendor.length > 0) fail(`@video-gen/core imports vendor SDKs: ${vendor.join(', ')}`);
console.log(`packages: ${packages.length * 2 - failures} passed, ${failures} failed`);
process.exit(failures === 0 ? 0 : 1);
