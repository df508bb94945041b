// Runs the benches listed below in turn (each in its own Node process, so one's memory does not
// colour another's), collects the `RESULT {json}` line each prints (see lib/result.mjs), writes
// bench/results/latest.json and bench/results/latest.md (an ignored folder: a run leaves the git
// tree clean; the committed reference run is bench/reference/), prints the table, and exits 1 if
// any bench fails (crashes, or exits non-zero) or any row misses its target without stating, with
// its own measurement, why the target is out of reach on this machine (see lib/verdict.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeRow } from './lib/verdict.mjs';

// One line per bench file, alphabetical. A *.bench.mjs missing here still runs, after these.
const BENCHES = [
  'cli-start.bench.mjs', // CLI spawn to `submitting`
  'concat.bench.mjs',
  'download-memory.bench.mjs',
  'import-size.bench.mjs', // core cold import, sizes, vendor SDKs loaded
  'last-frame.bench.mjs',
  'load.bench.mjs',
  'poll-overhead.bench.mjs',
  'queue.bench.mjs', // 4 queue workers vs one in-process loop, queue overhead per job
];

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const unlisted = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs') && !BENCHES.includes(name))
  .sort();
const benches = [...BENCHES, ...unlisted].filter(
  (name) => only.length === 0 || only.some((word) => name.includes(word)),
);

/** Runs one bench, echoing its output, and returns its exit status and RESULT lines. */
function runBench(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const results = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      process.stdout.write(text);
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (!line.startsWith('RESULT ')) continue;
        try {
          results.push(JSON.parse(line.slice('RESULT '.length)));
        } catch (error) {
          console.error(`could not parse a RESULT line of ${path.basename(file)}: ${error.message}`);
        }
      }
    });
    child.on('close', (status, signal) => resolve({ status: status ?? signal, results }));
  });
}

const format = (value, unit) => {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return `${value}${unit ? ` ${unit}` : ''}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`.replace(/ ×$/, '×');
};
const MARKS = {
  met: 'yes',
  missed: '**no**',
  'out of reach': 'out of reach',
  info: '—',
  invalid: '**invalid**',
};
const mark = (row) => MARKS[judgeRow(row).verdict];
const cell = (text) => String(text).replaceAll('|', '\\|');

let failed = 0;
const runs = [];
for (const name of benches) {
  console.log(`\n## ${name}`);
  const { status, results } = await runBench(path.join(here, name));
  // A bench that prints no RESULT line has checked nothing: that fails the run too.
  if (status !== 0 || results.length === 0) failed++;
  if (results.length === 0) {
    console.log(`(${name} printed no RESULT line)`);
  }
  runs.push({ bench: name, status, results });
}

const rows = runs.flatMap((run) =>
  run.results.flatMap((result) => result.metrics.map((metric) => ({ bench: result.bench, ...metric }))),
);
const count = (verdict) => rows.filter((row) => judgeRow(row).verdict === verdict).length;
const missed = count('missed');
const invalid = count('invalid');
const outOfReach = rows.filter((row) => judgeRow(row).verdict === 'out of reach');
const environment = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
};
const table = [
  '| bench | metric | value | target | met? |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${cell(row.bench)} | ${cell(row.metric)} | ${cell(format(row.value, row.unit))} | ${cell(row.target || '—')} | ${mark(row)} |`,
  ),
].join('\n');
// Each row shown out of reach, with the measurement that says so.
const limits = outOfReach.map(
  ({ bench, metric, outOfReach: { reason, limit } }) =>
    `- ${bench}, ${metric}: out of reach here. ${reason} (${limit.metric}: ${format(limit.value, limit.unit)}).`,
);
const problems = rows
  .map((row) => ({ row, judged: judgeRow(row) }))
  .filter(({ judged }) => judged.verdict === 'invalid')
  .map(({ row, judged }) => `- ${row.bench}, ${row.metric}: invalid row, ${judged.why}.`);
const failures = runs.filter((run) => run.status !== 0);
const markdown = [
  `Run on ${environment.date} (Node ${environment.node}, ${environment.platform}, ${environment.cpus}, ${environment.memory}).`,
  '',
  table,
  '',
  ...(limits.length > 0 ? [...limits, ''] : []),
  ...(problems.length > 0 ? [...problems, ''] : []),
  `${count('met')} targets met, ${missed} missed, ${outOfReach.length} out of reach` +
    (invalid > 0 ? `, ${invalid} invalid rows` : '') +
    (failures.length > 0 ? `; failed benches: ${failures.map((run) => run.bench).join(', ')}` : '') +
    '.',
  '',
].join('\n');

const outDir = path.join(here, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'latest.json'),
  `${JSON.stringify({ environment, benches: runs, missed, outOfReach: outOfReach.length, invalid }, null, 2)}\n`,
);
writeFileSync(path.join(outDir, 'latest.md'), markdown);
console.log(`\n${markdown}`);
console.log(
  `benchmarks: ${benches.length - failed} ran cleanly, ${failed} failed; ${missed} targets missed, ${invalid} invalid rows (results in bench/results/)`,
);
process.exit(failed === 0 && missed === 0 && invalid === 0 ? 0 : 1);
