import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cleanEnv,
  finished,
  jsonLines,
  probeVideo,
  runCli,
  startCli,
  tempFolder,
  writePng,
} from './cli-harness.js';

let dir: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;
const SMALL = ['--backend', 'local', '--size', '160x96', '--duration', '1', '--fps', '12'];

beforeEach(async () => {
  ({ dir, cleanup } = await tempFolder());
  env = cleanEnv(dir);
});
afterEach(() => cleanup());

describe('video-gen --stitch', () => {
  it('generates two chained clips with the local provider and joins them with --concat', async () => {
    const run = await runCli(
      ['--stitch', '-p', 'a foyer at night', 'the garden at dawn', ...SMALL, '--concat', 'final.mp4'],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    const final = path.join(dir, 'final.mp4');
    expect(run.stdout.trim()).toBe(final);
    expect(existsSync(path.join(dir, 'final.clips', 'clip-01.mp4'))).toBe(true);
    expect(existsSync(path.join(dir, 'final.clips', 'clip-02.mp4'))).toBe(true);
    const joined = probeVideo(final);
    expect(joined).toMatchObject({ width: 160, height: 96 });
    // Two 1 s clips, less the repeated boundary frame.
    expect(joined.duration).toBeGreaterThan(1.8);
    expect(joined.duration).toBeLessThanOrEqual(2.05);
    expect(run.stderr).toContain('clip 2/2');
  });

  it('shares images between clips by file-name keywords and prints the distribution first', async () => {
    writePng(path.join(dir, 'foyer1.png'), 160, 96, 'red');
    writePng(path.join(dir, 'garden2.png'), 160, 96, 'green');
    writeFileSync(path.join(dir, 'fr_foyer1.txt'), 'The foyer, lamps flickering');
    writeFileSync(path.join(dir, 'fr_garden2.txt'), 'The garden under rain');

    const run = await runCli(
      [
        '--stitch',
        '-p',
        'fr_foyer1.txt',
        'fr_garden2.txt',
        '-i',
        '*.png',
        ...SMALL,
        '--out-dir',
        'clips',
        '--json',
      ],
      dir,
      env,
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Images per clip (matched by keywords in file names):');
    expect(run.stderr).toContain('clip 1: foyer1.png');
    // Printed before the first paid call.
    expect(run.stderr.indexOf('Images per clip')).toBeLessThan(run.stderr.indexOf('clip 1/2: submitting'));
    // local-v1 takes no reference images, and clip 2 starts from clip 1's last frame.
    expect(run.stderr).toContain("not used in clip 2 (over the model's image limit): garden2.png");
    const result = JSON.parse(run.stdout);
    expect(result.images).toEqual([[path.join(dir, 'foyer1.png')], []]);
    expect(result.clips.map((clip: { prompt: string }) => clip.prompt)).toEqual([
      'The foyer, lamps flickering',
      'The garden under rain',
    ]);
    expect(result.concatPath).toBeNull();
  });

  it("--dry-run prints the distribution and each clip's checked request, with no call and no file", async () => {
    writePng(path.join(dir, 'foyer1.png'), 160, 96, 'red');
    writePng(path.join(dir, 'garden2.png'), 160, 96, 'green');
    writeFileSync(path.join(dir, 'fr_foyer1.txt'), 'The foyer, lamps flickering');
    writeFileSync(path.join(dir, 'fr_garden2.txt'), 'The garden under rain');
    const args = [
      '--stitch',
      '-p',
      'fr_foyer1.txt',
      'fr_garden2.txt',
      '-i',
      '*.png',
      ...SMALL,
      '--concat',
      'film.mp4',
    ];
    const before = readdirSync(dir).sort();

    const run = await runCli([...args, '--dry-run'], dir, env);

    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Images per clip (matched by keywords in file names):');
    expect(run.stderr).toContain('clip 1: foyer1.png');
    expect(run.stderr).toContain("not used in clip 2 (over the model's image limit): garden2.png");
    expect(run.stdout).toContain(
      'Dry run: every clip is valid. Nothing was submitted and no file was written.',
    );
    expect(run.stdout).toContain('clip 1: local/local-v1 160x96, 12 fps, 1 s: The foyer, lamps flickering');
    expect(run.stdout).toMatch(/firstFrame\s+.*foyer1\.png/);
    expect(run.stdout).toContain('clip 2: local/local-v1 160x96, 12 fps, 1 s: The garden under rain');
    expect(run.stdout).toContain('firstFrame  (the last frame of clip 1)');
    expect(readdirSync(dir).sort()).toEqual(before);

    const json = await runCli([...args, '--dry-run', '--json', '--loop'], dir, env);
    expect(json.code).toBe(0);
    expect(json.stderr).toContain('warning: --loop applies to a single video; it is ignored with --stitch');
    const checked = JSON.parse(json.stdout);
    expect(checked).toMatchObject({ dryRun: true, images: [[path.join(dir, 'foyer1.png')], []] });
    expect(checked.clips.map((clip: { prompt: string; width: number }) => [clip.prompt, clip.width])).toEqual(
      [
        ['The foyer, lamps flickering', 160],
        ['The garden under rain', 160],
      ],
    );
    expect(readdirSync(dir).sort()).toEqual(before);
    // Nothing was paid for, so nothing is in the ledger.
    expect(existsSync(path.join(dir, '.video-gen', 'ledger'))).toBe(false);
  });

  it('refuses to reuse an --out-dir without --resume, and --resume keeps the finished clips', async () => {
    const args = ['--stitch', '-p', 'one', 'two', ...SMALL];
    expect((await runCli(args, dir, env)).code).toBe(0);

    const again = await runCli(args, dir, env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already holds a sequence');
    expect(again.stderr).toContain('--resume');

    const resumed = await runCli([...args, '--resume', '--events'], dir, env);
    expect(resumed.code).toBe(0);
    const lines = jsonLines(resumed.stdout);
    expect(lines.filter((line) => line.type === 'sequence' && line.phase === 'reused')).toHaveLength(2);
    expect(lines.at(-1)).toMatchObject({
      type: 'result',
      clips: [{ source: 'reused' }, { source: 'reused' }],
    });
  });

  it('--stitch without -p is a usage error', async () => {
    const run = await runCli(['--stitch', ...SMALL], dir, env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--stitch needs the clips');
  });

  it('Ctrl-C mid-clip exits 130 and prints the same command with --resume, which then finishes', async () => {
    const args = [
      '--stitch',
      '-p',
      'slow one',
      'slow two',
      '--backend',
      'local',
      '--size',
      '640x360',
      '--duration',
      '4',
      '--concat',
      'slow.mp4',
    ];
    const child = startCli([...args, '--events'], dir, env);
    const done = finished(child);
    let seen = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer | string) => {
        seen += chunk.toString();
        if (seen.includes('"phase":"running"')) resolve();
      });
      child.on('close', () => reject(new Error(`the CLI ended before clip 1 ran:\n${seen}`)));
    });
    child.kill('SIGINT');
    const interrupted = await done;

    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain(
      `video-gen ${args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')} --events --resume`,
    );
    expect(existsSync(path.join(dir, 'slow.clips', 'clip-01.mp4.job.json'))).toBe(true);

    const resumed = await runCli([...args, '--resume', '--json'], dir, env);

    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout);
    expect(result.clips.map((clip: { source: string }) => clip.source)).toEqual(['resumed', 'generated']);
    expect(probeVideo(path.join(dir, 'slow.mp4'))).toMatchObject({ width: 640, height: 360 });
  });
});
