import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tinyMp4 } from '@video-gen/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, runCli, SMALL, tempFolder } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  // A key that is never used: a dry run sends nothing.
  env = cleanEnv(dir, { RUNWAYML_API_SECRET: 'key_test_never_sent_0123456789' });
  writeFileSync(path.join(dir, 'clip.mp4'), tinyMp4({ seconds: 1 }));
});
afterEach(() => cleanup());

describe('video-gen --video <path|url> [--video-use]', () => {
  it('hands the video and its use to generateVideo: a dry run on Runway shows both', async () => {
    const run = await runCli(
      [
        'the camera keeps flying over the ridge',
        '--backend',
        'runway',
        '--model',
        'seedance2_5',
        '--video',
        'clip.mp4',
        '--video-use',
        'extend',
        '--dry-run',
        '--json',
      ],
      dir,
      env,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const checked = JSON.parse(run.stdout) as { dryRun: boolean; model: string; video: unknown };
    expect(checked.dryRun).toBe(true);
    expect(checked.model).toBe('seedance2_5');
    expect(checked.video).toMatchObject({
      use: 'extend',
      source: path.join(dir, 'clip.mp4'),
      mediaType: 'video/mp4',
    });
  });

  it('prints the video in a human dry run, with the model default use', async () => {
    const run = await runCli(
      ['restyle it', '--backend', 'runway', '--model', 'aleph2', '--video', 'clip.mp4', '--dry-run'],
      dir,
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`  video:     ${path.join(dir, 'clip.mp4')} (edit)`);
  });

  it('refuses a model that takes no video, and a use the model lacks, before any call', async () => {
    const local = await runCli(['waves', ...SMALL, '--video', 'clip.mp4', '--json'], dir, env);
    expect(local.code).not.toBe(0);
    const error = (JSON.parse(local.stdout) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/takes no input video/);

    const use = await runCli(
      [
        'waves',
        '--backend',
        'runway',
        '--model',
        'aleph2',
        '--video',
        'clip.mp4',
        '--video-use',
        'extend',
        '--json',
      ],
      dir,
      env,
    );
    expect(use.code).not.toBe(0);
    expect(use.stdout).toContain('aleph2 does not extend a video');
  });

  it('is a usage error to give --video-use without --video, an unknown use, or --video with --stitch', async () => {
    const alone = await runCli(['waves', ...SMALL, '--video-use', 'edit'], dir, env);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--video-use needs --video <path|url>');
    const unknown = await runCli(
      ['waves', ...SMALL, '--video', 'clip.mp4', '--video-use', 'remix'],
      dir,
      env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("option '--video-use <use>' argument 'remix' is invalid");
    const stitch = await runCli(['--stitch', '-p', 'a', 'b', ...SMALL, '--video', 'clip.mp4'], dir, env);
    expect(stitch.code).toBe(2);
    expect(stitch.stderr).toContain('--video does not combine with --stitch');
  });

  it('lists --video and --video-use in --help', async () => {
    const help = await runCli(['--help'], dir, env);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('--video <path|url> an input video (MP4 or MOV)');
    expect(text).toContain('--video-use <use> what the model does with --video');
    expect(text).toContain('(choices: "edit", "extend", "reference")');
  });
});
