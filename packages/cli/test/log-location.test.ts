import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

describe('where the CLI logs', () => {
  it('leaves only the asked-for video in the working folder and logs under VIDEO_GEN_HOME/logs', async () => {
    const work = path.join(dir, 'work');
    mkdirSync(work);
    const { VIDEO_GEN_LOG_FILE: _unset, ...env } = cleanEnv(dir);
    const run = await runCli(
      ['a red kite', '--size', '160x96', '--duration', '1', '-o', 'kite.mp4'],
      work,
      env,
    );

    expect(run.code).toBe(0);
    expect(readdirSync(work)).toEqual(['kite.mp4']);
    const log = path.join(dir, '.video-gen', 'logs', 'video_gen.log');
    expect(readFileSync(log, 'utf8')).toMatch(/DEBUG/);
  });

  it('VIDEO_GEN_LOG_FILE=off writes no log anywhere', async () => {
    const run = await runCli(
      ['a red kite', '--size', '160x96', '--duration', '1', '-o', 'kite.mp4'],
      dir,
      cleanEnv(dir),
    );

    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'kite.mp4'))).toBe(true);
    expect(existsSync(path.join(dir, '.video-gen', 'logs'))).toBe(false);
    expect(existsSync(path.join(dir, 'logs'))).toBe(false);
  });
});
