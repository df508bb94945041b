import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configureLogging, getLibraryLogger, resetLogging, setLogSink } from './library-logger.js';
import type { LogRecord } from './logger.js';
import { registerSecret } from './redact.js';
import { clearSecrets } from './secrets.js';

const SENTINEL = 'sk-test-SENTINEL-1234567890';
let dir: string;
let cwd: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'video-gen-logger-'));
  cwd = process.cwd();
  process.chdir(dir); // the default file is relative to the working directory: keep it out of the repo
  vi.stubEnv('VIDEO_GEN_LOG_FILE', undefined);
  vi.stubEnv('VIDEO_GEN_LOG_LEVEL', undefined);
  resetLogging();
});
afterEach(() => {
  process.chdir(cwd);
  vi.unstubAllEnvs();
  resetLogging();
  clearSecrets();
  rmSync(dir, { recursive: true, force: true });
});

const logEverySecretShape = (): void => {
  const log = getLibraryLogger();
  log.debug(`using key ${SENTINEL}`);
  log.info('request', { headers: { Authorization: `Bearer ${SENTINEL}` } });
  log.warn(`GET https://generativelanguage.googleapis.com/v1beta/models?key=${SENTINEL}&alt=sse`);
  log.error('failed', { error: new Error(`401 for Bearer ${SENTINEL}`), config: { apiKey: SENTINEL } });
};

describe('getLibraryLogger', () => {
  it('returns one logger for the whole process', () => {
    expect(getLibraryLogger()).toBe(getLibraryLogger());
  });

  it('writes no file at all unless asked: nothing appears in the working folder', () => {
    logEverySecretShape();
    getLibraryLogger().info('more');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('VIDEO_GEN_LOG_FILE=logs/video_gen.log (the Python location) writes DEBUG lines there, every secret redacted', () => {
    vi.stubEnv('VIDEO_GEN_LOG_FILE', 'logs/video_gen.log');
    registerSecret(SENTINEL);
    logEverySecretShape();
    const text = readFileSync(join(dir, 'logs', 'video_gen.log'), 'utf8');
    expect(text.trimEnd().split('\n')).toHaveLength(4);
    expect(text).toContain('DEBUG');
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(SENTINEL);
    expect(text).not.toContain('SENTINEL');
  });

  it('redacts the sentinel by its shape even when it was never registered', () => {
    vi.stubEnv('VIDEO_GEN_LOG_FILE', 'logs/video_gen.log');
    logEverySecretShape();
    expect(readFileSync(join(dir, 'logs', 'video_gen.log'), 'utf8')).not.toContain('SENTINEL');
  });

  it.each(['off', 'none', 'false', '0', '', 'OFF'])('VIDEO_GEN_LOG_FILE=%j writes nothing', (value) => {
    vi.stubEnv('VIDEO_GEN_LOG_FILE', value);
    logEverySecretShape();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('VIDEO_GEN_LOG_FILE redirects the file', () => {
    const target = join(dir, 'elsewhere', 'custom.log');
    vi.stubEnv('VIDEO_GEN_LOG_FILE', target);
    getLibraryLogger().info('redirected');
    expect(readFileSync(target, 'utf8')).toContain('INFO');
    expect(existsSync(join(dir, 'logs'))).toBe(false);
  });

  it('VIDEO_GEN_LOG_LEVEL filters records', () => {
    vi.stubEnv('VIDEO_GEN_LOG_FILE', 'logs/video_gen.log');
    vi.stubEnv('VIDEO_GEN_LOG_LEVEL', 'warn');
    const log = getLibraryLogger();
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    const lines = readFileSync(join(dir, 'logs', 'video_gen.log'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.map((l) => l.split(' ').at(-1))).toEqual(['w', 'e']);
  });

  it('never throws when the log file cannot be written', () => {
    writeFileSync(join(dir, 'blocker'), '');
    vi.stubEnv('VIDEO_GEN_LOG_FILE', join(dir, 'blocker', 'video_gen.log'));
    expect(() => logEverySecretShape()).not.toThrow();
    configureLogging({ file: join(dir, 'blocker', 'x', 'y.log') });
    expect(() => logEverySecretShape()).not.toThrow();
  });
});

describe('sinks', () => {
  it('setLogSink receives redacted records instead of the file, and null restores the file', () => {
    vi.stubEnv('VIDEO_GEN_LOG_FILE', 'logs/video_gen.log');
    const records: LogRecord[] = [];
    setLogSink((r) => records.push(r));
    registerSecret(SENTINEL);
    logEverySecretShape();
    expect(records.map((r) => r.level)).toEqual(['debug', 'info', 'warn', 'error']);
    expect(records[1]?.fields).toEqual({ headers: { Authorization: '[REDACTED]' } });
    expect(JSON.stringify(records)).not.toContain('SENTINEL');
    expect(existsSync(join(dir, 'logs'))).toBe(false);

    setLogSink(null);
    getLibraryLogger().info('back to the file');
    expect(readFileSync(join(dir, 'logs', 'video_gen.log'), 'utf8')).toContain('back to the file');
  });

  it("configureLogging({ file: 'logs/video_gen.log' }) opts in to the Python location", () => {
    configureLogging({ file: 'logs/video_gen.log' });
    getLibraryLogger().debug('opted in');
    expect(readFileSync(join(dir, 'logs', 'video_gen.log'), 'utf8')).toContain('opted in');
  });

  it('configureLogging can send records to a sink and a file, at a level', () => {
    const records: LogRecord[] = [];
    const file = join(dir, 'both.log');
    configureLogging({ sink: (r) => records.push(r), file, level: 'info' });
    getLibraryLogger().debug('dropped');
    getLibraryLogger().info('kept');
    expect(records.map((r) => r.message)).toEqual(['kept']);
    expect(readFileSync(file, 'utf8')).toContain('kept');
    expect(readFileSync(file, 'utf8')).not.toContain('dropped');
  });

  it('a throwing sink does not break the caller', () => {
    setLogSink(() => {
      throw new Error('sink down');
    });
    expect(() => getLibraryLogger().error('x')).not.toThrow();
  });

  it("configureLogging({ level: 'silent' }) drops everything", () => {
    const records: LogRecord[] = [];
    configureLogging({ sink: (r) => records.push(r), level: 'silent' });
    getLibraryLogger().error('nothing');
    expect(records).toEqual([]);
  });
});
