// Many concurrent generations in one process whose open-file limit is lowered to 1024 (a child
// started with `ulimit -n 1024`), against the loopback Runway fake: every paid job finishes, with
// exactly one accepted submit each. 300 jobs by default; VIDEO_GEN_LOAD_JOBS=1000 for the size.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRunwayLoopback } from '@video-gen/testing/loopback';
import { afterAll, describe, expect, it } from 'vitest';

const JOBS = Number(process.env.VIDEO_GEN_LOAD_JOBS || 300);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'many-jobs-child.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Summary {
  jobs: number;
  finished: number;
  failures: string[];
  failureCount: number;
  openFileLimit: number;
}

/** Runs the child under `ulimit -n <limit>` and returns its summary line. */
function runLimited(limit: number, options: { url: string; jobs: number; dir: string }): Promise<Summary> {
  return new Promise((resolve, reject) => {
    execFile(
      'sh',
      ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, child, JSON.stringify(options)],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((text) => text.startsWith('SUMMARY '));
        if (!line) {
          reject(new Error(`the child printed no summary (${error?.message ?? 'no error'}):\n${stderr}`));
          return;
        }
        resolve(JSON.parse(line.slice('SUMMARY '.length)) as Summary);
      },
    );
  });
}

describe(`load: ${JOBS} concurrent generations in one process with the open-file limit at 1024`, () => {
  it('all finish with one accepted submit each, none lost to EMFILE, nothing left behind', async () => {
    const upstream = await startRunwayLoopback({ apiKey: 'test' });
    try {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-open-files-'));
      dirs.push(dir);
      const summary = await runLimited(1024, { url: upstream.url, jobs: JOBS, dir });
      expect(summary.openFileLimit).toBe(1024);
      expect(summary.failures).toEqual([]);
      expect(summary.finished).toBe(JOBS);
      const submits = upstream.apiRequests('POST', '/v1/text_to_video');
      expect(submits).toHaveLength(JOBS);
      expect(
        new Set(submits.map((request) => (request.body as { promptText: string }).promptText)).size,
      ).toBe(JOBS);
      const left = readdirSync(dir).filter((name) => !name.endsWith('.mp4') && name !== 'ledger');
      expect(left).toEqual([]);
      expect(readdirSync(path.join(dir, 'ledger')).filter((name) => name.endsWith('.json'))).toHaveLength(
        JOBS,
      );
    } finally {
      await upstream.close();
    }
  }, 300_000);
});
