// Runs each package's runtime check (packages/*/runtime-check.mjs: one mocked generation against a
// loopback server, using the built packages) under Node, Bun and Deno. Each check exits 0 and
// prints "ok" on its last line. Prints "runtimes: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const runtimes = [
  ['node', process.execPath, []],
  ['bun', bin('bun'), []],
  ['deno', bin('deno'), ['run', '-A', '--node-modules-dir=manual']],
];
const checks = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join('packages', dir, 'runtime-check.mjs'))
  .filter((file) => existsSync(path.join(root, file)));

let passed = 0;
let failed = 0;
for (const check of checks) {
  for (const [name, command, args] of runtimes) {
    const result = spawnSync(command, [...args, check], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '1',
        VIDEO_GEN_LOG_FILE: 'off',
        // Mocked vendors answer at once: poll them on a 10 ms request budget, not the 5 s default.
        VIDEO_GEN_POLL_BUDGET_MS: '10',
        VIDEO_GEN_HOME: path.join(os.tmpdir(), 'video-gen-example-home'),
      },
      timeout: 120_000,
    });
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    if (result.status === 0 && last.startsWith('ok')) {
      passed++;
      console.log(`ok ${check} under ${name}: ${last}`);
    } else {
      failed++;
      console.log(
        `FAILED ${check} under ${name} (exit ${result.status ?? result.signal})\n${result.stdout}\n${result.stderr}`,
      );
    }
  }
}
console.log(`runtimes: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
