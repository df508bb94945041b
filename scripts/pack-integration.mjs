// Runtime integration on built tarballs: `npm pack` the publishable packages, install the tarballs
// into a fresh throwaway project (outside the workspace), and run a generation there with the local
// provider and with one mocked vendor provider (Runway, against a loopback server) under Node ESM,
// Node CommonJS, Bun and Deno, and again under Node 22 (the `engines` minimum, fetched with
// `npx -p node@22`). Then type-checks a consumer with the real `tsc` and `skipLibCheck: false` under
// each resolution mode users have: node16 ESM, node16 CommonJS, bundler and node10. Catches broken
// `exports` maps, missing files, runtime-only imports and types that workspace tests hide.
// Prints "integration: N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const PACKAGES = ['core', 'provider-local', 'testing', 'provider-runway'];

const work = mkdtempSync(path.join(os.tmpdir(), 'video-gen-pack-'));
const tarballs = PACKAGES.map((name) => {
  const [info] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: path.join(root, 'packages', name),
      encoding: 'utf8',
    }),
  );
  return path.join(work, info.filename);
});

const project = path.join(work, 'app');
execFileSync('mkdir', ['-p', project]);
writeFileSync(
  path.join(project, 'package.json'),
  JSON.stringify({ name: 'app', private: true, version: '0.0.0' }),
);
execFileSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
  { cwd: project, stdio: 'inherit' },
);

const generate = (importCore, importLocal, importRunway, importLoopback, runtimeName) => `
const out = ${JSON.stringify(path.join(work, 'out'))};
const { generateVideo } = ${importCore};
const { createRunway } = ${importRunway};
const { startRunwayLoopback } = ${importLoopback};
${importLocal};
const local = await generateVideo({ provider: 'local', prompt: 'pack check', width: 160, height: 96, fps: 12, durationSeconds: 1, outPath: out + '/${runtimeName}-local.mp4', ledger: false });
const server = await startRunwayLoopback();
try {
  const runway = await generateVideo({ provider: createRunway({ apiKey: 'test-key', baseURL: server.url }), model: 'veo3.1_fast', prompt: 'pack check', durationSeconds: 4, outPath: out + '/${runtimeName}-runway.mp4', allowLoopbackDownloads: true, ledger: false, poll: { budgetIntervalMs: 10, initialIntervalMs: 10 } });
  console.log('ok ${runtimeName}', local.bytes, runway.bytes);
} finally {
  await server.close();
}
`;
const esm = (name) =>
  generate(
    `await import('@video-gen/core')`,
    `await import('@video-gen/provider-local')`,
    `await import('@video-gen/provider-runway')`,
    `await import('@video-gen/testing/loopback')`,
    name,
  );
writeFileSync(path.join(project, 'esm.mjs'), esm('node-esm'));
writeFileSync(path.join(project, 'bun.ts'), esm('bun'));
// Deno users import with npm: specifiers; they resolve from the project's node_modules.
writeFileSync(
  path.join(project, 'deno.ts'),
  esm('deno').replaceAll("import('@video-gen/", "import('npm:@video-gen/"),
);
writeFileSync(
  path.join(project, 'cjs.cjs'),
  `(async () => {${generate(`require('@video-gen/core')`, `require('@video-gen/provider-local')`, `require('@video-gen/provider-runway')`, `require('@video-gen/testing/loopback')`, 'node-cjs')}})().catch((error) => { console.error(error); process.exit(1); });`,
);

// The oldest Node the packages' `engines` allow, from the npm registry (cached by npx after the first run).
const MIN_NODE = '22';
const minNode = execFileSync(
  'npx',
  ['--yes', '-p', `node@${MIN_NODE}`, 'node', '-e', 'process.stdout.write(process.execPath)'],
  { cwd: work, encoding: 'utf8' },
).trim();
writeFileSync(path.join(project, 'esm-min.mjs'), esm(`node${MIN_NODE}-esm`));
writeFileSync(
  path.join(project, 'cjs-min.cjs'),
  `(async () => {${generate(`require('@video-gen/core')`, `require('@video-gen/provider-local')`, `require('@video-gen/provider-runway')`, `require('@video-gen/testing/loopback')`, `node${MIN_NODE}-cjs`)}})().catch((error) => { console.error(error); process.exit(1); });`,
);

const runs = [
  ['node-esm', process.execPath, ['esm.mjs']],
  ['node-cjs', process.execPath, ['cjs.cjs']],
  [`node${MIN_NODE}-esm`, minNode, ['esm-min.mjs']],
  [`node${MIN_NODE}-cjs`, minNode, ['cjs-min.cjs']],
  ['bun', bin('bun'), ['bun.ts']],
  ['deno', bin('deno'), ['run', '-A', '--node-modules-dir=manual', 'deno.ts']],
];
let passed = 0;
let failed = 0;
for (const [name, command, args] of runs) {
  const result = spawnSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, VIDEO_GEN_LOG_FILE: 'off', NO_COLOR: '1' },
    timeout: 120_000,
  });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status === 0 && last.startsWith(`ok ${name}`)) {
    passed++;
    console.log(`${last} bytes`);
  } else {
    failed++;
    console.log(
      `FAILED ${name} (exit ${result.status ?? result.signal})\n${result.stdout}\n${result.stderr}`,
    );
  }
}

// A consumer's type check, per resolution mode, with skipLibCheck off so every published .d.ts /
// .d.cts is checked (an ESM-only type referenced from a .d.cts is TS1479 under node16 CommonJS).
// The testing kit is left out: its declarations need msw (an optional peer), which this app lacks.
const CONSUMER = `import { generateVideo, type GenerateVideoOptions, createHttpClient, toApiError } from '@video-gen/core';
import { resolveFfmpeg } from '@video-gen/core/ffmpeg';
import { createLocal } from '@video-gen/provider-local';
import { createRunway } from '@video-gen/provider-runway';
const options: GenerateVideoOptions = { provider: createLocal(), prompt: 'types' };
export const checks = [generateVideo, options, createHttpClient, toApiError, resolveFfmpeg, createRunway];
`;
const MODES = [
  ['node16-esm', { module: 'node16', moduleResolution: 'node16' }, 'index.mts'],
  ['node16-cjs', { module: 'node16', moduleResolution: 'node16' }, 'index.cts'],
  ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'index.ts'],
  ['node10', { module: 'commonjs', moduleResolution: 'node10' }, 'index.ts'],
];
for (const [name, compilerOptions, file] of MODES) {
  const dir = path.join(project, `types-${name}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, file), CONSUMER);
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        ...compilerOptions,
        target: 'es2022',
        strict: true,
        esModuleInterop: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [path.join(root, 'node_modules', '@types')],
      },
      files: [file],
    }),
  );
  const result = spawnSync(bin('tsc'), ['-p', dir], { cwd: dir, encoding: 'utf8' });
  if (result.status === 0) {
    passed++;
    console.log(`ok types ${name}`);
  } else {
    failed++;
    console.log(`FAILED types ${name}\n${result.stdout}\n${result.stderr}`);
  }
}

rmSync(work, { recursive: true, force: true });
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
