import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSink } from './file-sink.js';
import type { LogRecord } from './logger.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'video-gen-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (message: string): LogRecord => ({
  time: '2025-01-01T00:00:00.000Z',
  level: 'debug',
  message,
});

describe('createFileSink', () => {
  it('creates the directory and file lazily and writes one line per record', () => {
    const path = join(dir, 'nested', 'video_gen.log');
    const sink = createFileSink({ path });
    expect(existsSync(join(dir, 'nested'))).toBe(false);
    sink({ ...record('hello'), fields: { jobId: 'j1' } });
    sink(record('world'));
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2025-01-01T00:00:00\.000Z DEBUG \[\d+\] hello \{"jobId":"j1"\}$/);
  });

  it('rotates by size and keeps maxFiles old files', () => {
    const path = join(dir, 'video_gen.log');
    const sink = createFileSink({ path, maxBytes: 200, maxFiles: 2 });
    for (let i = 0; i < 40; i++) sink(record(`message number ${String(i).padStart(3, '0')}`));
    expect(existsSync(`${path}.1`)).toBe(true);
    expect(existsSync(`${path}.2`)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
    for (const p of [path, `${path}.1`, `${path}.2`])
      expect(readFileSync(p).byteLength).toBeLessThanOrEqual(200);
    expect(readFileSync(path, 'utf8')).toContain('message number 039');
    // Newest rotated file holds the records just before the current file's.
    expect(readFileSync(`${path}.1`, 'utf8')).not.toContain('message number 000');
  });

  it('counts the size of an existing file', () => {
    const path = join(dir, 'video_gen.log');
    writeFileSync(path, 'x'.repeat(190));
    createFileSink({ path, maxBytes: 200 })(record('a line long enough to overflow'));
    expect(readFileSync(`${path}.1`, 'utf8')).toBe('x'.repeat(190));
  });

  it('turns itself off quietly when the file cannot be written', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const sink = createFileSink({ path: join(blocker, 'video_gen.log') });
    expect(() => sink(record('a'))).not.toThrow();
    expect(() => sink(record('b'))).not.toThrow();
  });
});
