import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError, VideoGenError } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { EXIT_CODE_TABLE, ExitCode, exitCodeFor } from '../src/exit-codes.js';
import { explainError } from '../src/output/report-error.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('exit codes', () => {
  it('output_locked exits 8 (Locked), not 5', () => {
    expect(exitCodeFor(new VideoGenError('another process drives it', 'output_locked'))).toBe(8);
    expect(ExitCode.Locked).toBe(8);
  });

  it.each(['unsafe_path', 'disk_full', 'read_only', 'permission_denied', 'io_failed'])(
    'a file-system error with code %s exits 9 (FileSystem)',
    (code) => {
      expect(exitCodeFor(new VideoGenError(`cannot write /tmp/x: ${code}`, code))).toBe(9);
      expect(ExitCode.FileSystem).toBe(9);
    },
  );

  it('journal_corrupt, generation_corrupt and invalid_generation_id stay Usage (2)', () => {
    expect(exitCodeFor(new VideoGenError('bad journal', 'journal_corrupt'))).toBe(2);
    expect(exitCodeFor(new VideoGenError('bad record', 'generation_corrupt'))).toBe(2);
    expect(exitCodeFor(new ValidationError('bad id', { code: 'invalid_generation_id' }))).toBe(2);
  });

  it('the table lists every exit code once, and docs/cli.md and the CLI README list them all', () => {
    expect(EXIT_CODE_TABLE.map((row) => row.code).sort((a, b) => a - b)).toEqual(
      Object.values(ExitCode).sort((a, b) => a - b),
    );
    const docs = readFileSync(path.join(ROOT, 'docs', 'cli.md'), 'utf8');
    const readme = readFileSync(path.join(ROOT, 'packages', 'cli', 'README.md'), 'utf8');
    for (const { code } of EXIT_CODE_TABLE) {
      expect(docs).toMatch(new RegExp(`^\\| ${code}\\s+\\|`, 'm'));
      expect(readme).toMatch(new RegExp(`\\b${code} [a-z]`));
    }
  });
});

describe('hints for exit codes 8 and 9', () => {
  it('output_locked says to wait or run again, with no stack trace', () => {
    const report = explainError(
      new VideoGenError('Another process (pid 4242) is generating x.mp4', 'output_locked'),
    );
    expect(report.exitCode).toBe(8);
    expect(report.hint).toMatch(/run the same command again later/);
  });

  it('unsafe_path says to remove what is planted; disk_full offers the resume command', () => {
    const unsafe = explainError(new VideoGenError('Refusing to write x.mp4.part', 'unsafe_path'));
    expect(unsafe.hint).toMatch(/never writes through a link/);
    const full = explainError(new VideoGenError('No space left writing x.mp4.part', 'disk_full'), {
      journalPath: '/films/x.mp4.job.json',
    });
    expect(full.exitCode).toBe(9);
    expect(full.hint).toMatch(/Free space/);
    expect(full.hint).toContain('resume /films/x.mp4.job.json');
  });
});
