import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanEnv, tempFolder, writePng } from './cli-harness.js';
import { outputShape, readTranscripts, uuidsIn } from './transcripts.js';

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'cli.md');
/** The folder the transcripts were recorded in. */
const DOC_DIR = '/tmp/demo';

function sh(
  command: string,
  cwd: string,
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `${command} 2>&1`], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

const transcripts = readTranscripts(readFileSync(DOC, 'utf8'));

describe('the transcripts of docs/cli.md, run with the local provider', () => {
  it('has transcripts to check', () => {
    expect(transcripts.filter((transcript) => transcript.skip === null).length).toBeGreaterThanOrEqual(3);
  });

  for (const transcript of transcripts) {
    const title = `docs/cli.md:${transcript.line}: ${transcript.steps[0]?.command ?? '(empty)'}`;
    if (transcript.skip !== null) {
      // A skipped block must say which test covers it instead.
      it(`${title} is covered elsewhere`, () => {
        expect(transcript.skip).toMatch(/test\//);
      });
      continue;
    }
    it(title, { timeout: 120_000 }, async () => {
      const { dir, cleanup } = await tempFolder();
      try {
        const env = cleanEnv(dir);
        for (const file of transcript.files) {
          if (file.text === null) writePng(path.join(dir, file.name), 640, 360, 'navy');
          else writeFileSync(path.join(dir, file.name), `${file.text}\n`);
        }
        const ids = new Map<string, string>(); // a job id in the page -> the same job in this run
        let lastCode = 0;
        for (const step of transcript.steps) {
          let command = step.command.replaceAll(DOC_DIR, dir);
          for (const [documented, actual] of ids) command = command.replaceAll(documented, actual);
          const exported = /^export (\w+)=(\S+)$/.exec(command);
          if (exported) {
            env[exported[1] ?? ''] = exported[2] ?? '';
            continue;
          }
          const run =
            command === 'echo $?' ? { code: 0, output: `${lastCode}\n` } : await sh(command, dir, env);
          if (command !== 'echo $?') lastCode = run.code;
          const printed = run.output.replaceAll(dir, DOC_DIR).split('\n');
          const documentedIds = uuidsIn(step.output.join('\n'));
          const actualIds = uuidsIn(run.output);
          documentedIds.forEach((id, index) => {
            const actual = actualIds[index];
            if (actual && !ids.has(id)) ids.set(id, actual);
          });
          // `ls` prints columns on a terminal and one name a line into a pipe: compare the names.
          const shape = (lines: readonly string[]) =>
            command === 'ls' ? lines.join(' ').split(/\s+/).filter(Boolean).sort() : outputShape(lines);
          expect(shape(printed).join('\n'), `output of \`${step.command}\``).toBe(
            shape(step.output).join('\n'),
          );
        }
      } finally {
        await cleanup();
      }
    });
  }
});
