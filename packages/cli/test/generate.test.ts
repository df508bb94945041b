import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, jsonLines, probeVideo, runCli, SMALL, tempFolder, writePng } from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterEach(() => cleanup());

describe('video-gen "prompt" (generate)', () => {
  it('renders with the local provider by default, says why, and prints the path on stdout', async () => {
    const run = await runCli(
      ['a red kite over the sea', '--size', '160x96', '--duration', '1', '--fps', '12', '-o', 'kite.mp4'],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No --backend given: using the offline local provider');
    const file = path.join(dir, 'kite.mp4');
    expect(run.stdout.trim()).toBe(file);
    expect(probeVideo(file)).toMatchObject({ width: 160, height: 96, fps: '12/1' });
    expect(probeVideo(file).duration).toBeCloseTo(1, 1);
    expect(existsSync(`${file}.job.json`)).toBe(false);
  });

  it('writes a unique file in the working directory when -o is not given', async () => {
    const run = await runCli(['waves', ...SMALL], dir, env);

    expect(run.code).toBe(0);
    const printed = run.stdout.trim();
    expect(path.dirname(printed)).toBe(dir);
    expect(path.basename(printed)).toMatch(/^video-local-\d{8}-\d{6}-[0-9a-f]{6}\.mp4$/);
    expect(statSync(printed).size).toBeGreaterThan(1000);
  });

  it('uses -i images: a PNG becomes the first frame of a local render', async () => {
    writePng(path.join(dir, 'start.png'), 160, 96);
    const run = await runCli(
      ['from a frame', ...SMALL, '-i', '*.png', '-o', 'framed.mp4', '--json'],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ path: path.join(dir, 'framed.mp4'), size: '160x96' });
  });

  it('--json prints exactly one JSON result object on stdout', async () => {
    const run = await runCli(['json please', ...SMALL, '--seed', '7', '-o', 'j.mp4', '--json'], dir, env);

    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(1);
    const result = lines[0]!;
    expect(result).toMatchObject({
      path: path.join(dir, 'j.mp4'),
      provider: 'local',
      model: 'local-v1',
      size: '160x96',
      width: 160,
      height: 96,
      fps: 12,
      durationSeconds: 1,
      resumed: false,
      warnings: [],
    });
    expect(result.jobId).toEqual(expect.any(String));
    expect(result.bytes).toBe(statSync(path.join(dir, 'j.mp4')).size);
    expect(result.timings).toMatchObject({ totalMs: expect.any(Number) });
  });

  it('--events prints progress events as JSON lines, then the result', async () => {
    const run = await runCli(['events please', ...SMALL, '-o', 'e.mp4', '--events'], dir, env);

    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    const phases = lines.filter((line) => line.type === 'progress').map((line) => line.phase);
    expect(phases[0]).toBe('validating');
    expect(phases).toContain('submitting');
    expect(phases).toContain('downloading');
    expect(phases.at(-1)).toBe('done');
    expect(lines.at(-1)).toMatchObject({ type: 'result', path: path.join(dir, 'e.mp4'), provider: 'local' });
  });

  it('refuses to overwrite an existing output without --force (exit 2, file untouched)', async () => {
    const file = path.join(dir, 'keep.mp4');
    writeFileSync(file, 'precious');

    const run = await runCli(['overwrite me', ...SMALL, '-o', 'keep.mp4'], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Output file already exists: ${file}`);
    expect(run.stderr).toContain('--force');
    expect(readFileSync(file, 'utf8')).toBe('precious');
  });

  it('--force replaces an existing output', async () => {
    const file = path.join(dir, 'replace.mp4');
    writeFileSync(file, 'old');

    const run = await runCli(['replace me', ...SMALL, '-o', 'replace.mp4', '--force'], dir, env);

    expect(run.code).toBe(0);
    expect(probeVideo(file).width).toBe(160);
  });

  it('prints {"error"} with --json when it fails, and exits with the matching code', async () => {
    writeFileSync(path.join(dir, 'taken.mp4'), 'x');

    const run = await runCli(['x', ...SMALL, '-o', 'taken.mp4', '--json'], dir, env);

    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'output_exists', exitCode: 2 } });
  });
});
