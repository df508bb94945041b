// Runs the shell commands the docs show, as written, offline with the local provider: every fenced
// block marked ```sh doc-check in README.md, docs/getting-started.md, docs/cli.md, docs/costs.md and the package
// READMEs. Each block runs in a fresh folder inside the repository (.tmp/, ignored), where
// `packages/` and `examples/` are linked, so `npx --no-install video-gen …` and
// `npx bun examples/…` resolve exactly as they do for a user in the clone; the folder is removed
// afterwards. No vendor credentials reach the commands. Prints "doc commands: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pages = [
  'README.md',
  'docs/getting-started.md',
  'docs/cli.md',
  'docs/costs.md',
  ...readdirSync(path.join(root, 'packages')).map((name) => `packages/${name}/README.md`),
].filter((page) => {
  try {
    readFileSync(path.join(root, page));
    return true;
  } catch {
    return false;
  }
});

/** The marked blocks of a page: their first line number and their commands (one a line). */
function markedBlocks(page) {
  const lines = readFileSync(path.join(root, page), 'utf8').split('\n');
  const blocks = [];
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(\S+)\s+(.*)$/.exec(lines[index].trim());
    if (!fence?.[2].split(/\s+/).includes('doc-check')) continue;
    const start = index + 1;
    const commands = [];
    for (index += 1; index < lines.length && lines[index].trim() !== '```'; index += 1) {
      const line = lines[index].trim();
      if (line !== '' && !line.startsWith('#')) commands.push(line);
    }
    blocks.push({ page, line: start, commands });
  }
  return blocks;
}

// Only what a shell and the tools need: no vendor keys, no user ledger, no log files.
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/KEY|SECRET|TOKEN|PASSWORD|GOOGLE_|AZURE_|RUNWAY/.test(name),
  ),
);
const scratch = path.join(root, '.tmp');
mkdirSync(scratch, { recursive: true });

let passed = 0;
let failed = 0;
for (const block of pages.flatMap(markedBlocks)) {
  const dir = mkdtempSync(path.join(scratch, 'doc-commands-'));
  for (const linked of ['packages', 'examples']) symlinkSync(path.join(root, linked), path.join(dir, linked));
  try {
    for (const [offset, command] of block.commands.entries()) {
      const where = `${block.page}:${block.line + 1 + offset}`;
      const started = Date.now();
      const result = spawnSync('sh', ['-c', command], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...env,
          NO_COLOR: '1',
          HOME: dir,
          VIDEO_GEN_HOME: path.join(dir, '.video-gen'),
          VIDEO_GEN_LOG_FILE: 'off',
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (result.status === 0) {
        passed += 1;
        console.log(`ok   ${where} (${seconds} s): ${command}`);
      } else {
        failed += 1;
        console.log(`FAIL ${where} (exit ${result.status ?? result.signal}, ${seconds} s): ${command}`);
        console.log(`${result.stdout}${result.stderr}`.trim().replace(/^/gm, '     '));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`doc commands: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
