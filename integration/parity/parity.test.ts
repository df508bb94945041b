// Python parity: every public name of the Python reference has a TypeScript counterpart that is
// exported by the package the table names and works when called the way the reference's example
// calls it: against the local provider, or the vendor's loopback fake (the real provider code,
// the vendor's wire format). docs/python-parity.md is rendered from the same map and checked here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApiRequestError,
  ConfigurationError,
  createConfigForBackend,
  generateVideo,
  getLibraryLogger,
  type LogRecord,
  RetryExhaustedError,
  registerProvider,
  setLogSink,
  unregisterProvider,
  VIDEO_BACKENDS,
  type VideoBackend,
} from '@video-gen/core';
import {
  AzureSoraAPIClient,
  AzureSoraConfig,
  generateVideoWithAzureSora,
} from '@video-gen/provider-azure-sora';
import { createLocal } from '@video-gen/provider-local';
import {
  generateVideoWithRunway,
  generateVideoWithRunwayVeo,
  RunwayConfig,
  RunwayGen4Client,
  RunwayVeoClient,
} from '@video-gen/provider-runway';
import { generateVideoWithSora2, SoraAPIClient, SoraConfig } from '@video-gen/provider-sora';
import { generateVideoWithVeo3, Veo3APIClient, Veo3Config } from '@video-gen/provider-veo3';
import { extractLastFrameAsPng, generateVideoSequenceWithVeo3Stitching } from '@video-gen/stitching';
import { solidPng } from '@video-gen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMp4, tempDir } from '../support/files.js';
import { FAST, type Harness, startVendor, type VendorId } from '../support/vendors.js';
import { PARITY } from './parity-map.js';
import { referenceNames } from './reference-names.js';
import { renderParityTable } from './render-table.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REFERENCE = path.join(here, 'python-api.md');
const TABLE = path.resolve(here, '../../docs/python-parity.md');
const names = referenceNames(REFERENCE);

/** Markdown with each table row reduced to its trimmed cells, so column padding does not count. */
function normalised(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '-'))
            .join('|')
        : line.trimEnd(),
    )
    .join('\n')
    .trim();
}

describe('the parity table', () => {
  it('reads every public name of the reference', () => {
    // A floor, so a parser that silently finds nothing cannot pass.
    expect(names).toEqual(
      expect.arrayContaining([
        'generate_video',
        'create_config_for_backend',
        'VideoBackend',
        'RunwayVeoClient',
      ]),
    );
    expect(names).toHaveLength(24);
  });

  it('maps every name of the reference, and nothing else', () => {
    expect(Object.keys(PARITY).sort()).toEqual([...names].sort());
  });

  it('finds every run-time counterpart exported by the package the table names', async () => {
    for (const name of names) {
      const entry = PARITY[name]!;
      if (entry.kind === 'type') continue; // checked by the compiler: VideoBackend is imported above
      if (entry.kind === 'method') {
        for (const config of [SoraConfig, AzureSoraConfig, Veo3Config, RunwayConfig]) {
          expect(typeof config.fromEnvironment, `${config.provider} has fromEnvironment()`).toBe('function');
        }
        continue;
      }
      const module = (await import(entry.packageName)) as Record<string, unknown>;
      expect(module[entry.typescript], `${entry.packageName} exports ${entry.typescript}`).toBeDefined();
      const expected = entry.kind === 'config' ? 'object' : 'function';
      expect(typeof module[entry.typescript], name).toBe(expected);
    }
  });

  it('is docs/python-parity.md, as rendered from the map in the reference order', () => {
    const rendered = renderParityTable(names, PARITY);
    if (process.env.VIDEO_GEN_WRITE_PARITY_TABLE === '1') writeFileSync(TABLE, rendered);
    expect(existsSync(TABLE), 'docs/python-parity.md exists').toBe(true);
    // Compared cell by cell: the formatter pads the table's columns.
    expect(normalised(readFileSync(TABLE, 'utf8'))).toBe(normalised(rendered));
  });
});

let dir: string;
beforeAll(() => {
  dir = tempDir('parity');
});

/** The four remote backends, each against its own loopback fake. */
const harnesses = new Map<VendorId, Harness>();
async function vendor(id: VendorId): Promise<Harness> {
  let harness = harnesses.get(id);
  if (!harness) {
    harness = await startVendor(id);
    harnesses.set(id, harness);
  }
  return harness;
}
afterAll(async () => {
  for (const harness of harnesses.values()) await harness.close();
  unregisterProvider('veo3');
});

/** A reference image, as the reference's `ref1.jpg`. */
function image(name: string, rgb: [number, number, number]): string {
  const file = path.join(dir, name);
  writeFileSync(file, solidPng(160, 96, rgb));
  return file;
}

describe('the top-level functions, called as the reference calls them', () => {
  it('generate_video(prompt=…, backend=…, width=1920, height=1080) → generateVideo writes the file', async () => {
    const result = await generateVideo({
      prompt: 'Cinematic ocean waves at sunset',
      provider: createLocal({ jobsDir: path.join(dir, 'jobs'), preset: 'ultrafast' }),
      width: 1920,
      height: 1080,
      fps: 8,
      durationSeconds: 1,
      outPath: path.join(dir, 'waves.mp4'),
      ledger: false,
    });
    expect(result).toMatchObject({ path: path.join(dir, 'waves.mp4'), width: 1920, height: 1080 });
    expect(isMp4(result.path)).toBe(true);
  });

  it('generate_video_with_sora2 and SoraAPIClient send the job to OpenAI and return the path', async () => {
    const sora = await vendor('sora2');
    const config = SoraConfig.parse(sora.config);
    const options = { ...sora.options, outPath: path.join(dir, 'sora.mp4') };
    expect(await generateVideoWithSora2('Cinematic ocean waves at sunset', [], { ...options, config })).toBe(
      options.outPath,
    );
    const viaClient = await new SoraAPIClient(config).generate('waves', [], {
      ...sora.options,
      outPath: path.join(dir, 'sora-client.mp4'),
    });
    expect(isMp4(viaClient)).toBe(true);
    expect(sora.creates()).toBe(2);
  });

  it('generate_video_with_azure_sora and AzureSoraAPIClient send the job to the Azure deployment', async () => {
    const azure = await vendor('azure-sora');
    const config = azure.config as Parameters<typeof generateVideoWithAzureSora>[2] extends infer O
      ? O extends { config?: infer C }
        ? C
        : never
      : never;
    const file = await generateVideoWithAzureSora('waves', [], {
      ...azure.options,
      config,
      outPath: path.join(dir, 'azure.mp4'),
    });
    expect(isMp4(file)).toBe(true);
    const viaClient = await new AzureSoraAPIClient(config).generate('waves', [], {
      ...azure.options,
      outPath: path.join(dir, 'azure-client.mp4'),
    });
    expect(isMp4(viaClient)).toBe(true);
    expect(azure.creates()).toBe(2);
  });

  it('generate_video_with_veo3(source_frame=…) and Veo3APIClient send the first frame to Vertex AI', async () => {
    const veo = await vendor('veo3');
    const first = image('veo-first.png', [200, 80, 40]);
    const result = await generateVideoWithVeo3('a paper boat', [], {
      ...veo.options,
      config: veo.config,
      sourceFrame: first,
      outPath: path.join(dir, 'veo.mp4'),
    });
    expect(isMp4(result.path)).toBe(true);
    expect(result.paths).toEqual([result.path]);
    const viaClient = await new Veo3APIClient(veo.config).generate('a lighthouse', [], {
      ...veo.options,
      outPath: path.join(dir, 'veo-client.mp4'),
    });
    expect(isMp4(viaClient)).toBe(true);
    expect(veo.creates()).toBe(2);
  });

  it('generate_video_with_runway (Gen-4, 5 s) and RunwayGen4Client send an image-to-video task', async () => {
    const runway = await vendor('runway');
    const config = RunwayConfig.parse(runway.config);
    const settings = { ...FAST, allowLoopbackDownloads: true, width: 1280, height: 720, durationSeconds: 5 };
    const frame = image('runway-first.png', [40, 80, 200]);
    const result = await generateVideoWithRunway('waves', [frame], {
      ...settings,
      config,
      outPath: path.join(dir, 'runway.mp4'),
    });
    expect(result).toMatchObject({ model: 'gen4_turbo', provider: 'runway' });
    const viaClient = await new RunwayGen4Client(config).generate('waves', [frame], {
      ...settings,
      outPath: path.join(dir, 'runway-client.mp4'),
    });
    expect(isMp4(viaClient)).toBe(true);
  });

  it('generate_video_with_runway_veo(first_frame=…) and RunwayVeoClient run Veo on Runway', async () => {
    const runway = await vendor('runway');
    const config = RunwayConfig.parse(runway.config);
    const frame = image('runway-veo-first.png', [90, 160, 30]);
    const result = await generateVideoWithRunwayVeo('waves', [], {
      ...runway.options,
      config,
      firstFrame: frame,
      outPath: path.join(dir, 'runway-veo.mp4'),
    });
    expect(result).toMatchObject({ model: 'veo3.1', provider: 'runway' });
    const viaClient = await new RunwayVeoClient(config).generate('waves', [], {
      ...runway.options,
      outPath: path.join(dir, 'runway-veo-client.mp4'),
    });
    expect(isMp4(viaClient)).toBe(true);
  });

  it('generate_video_sequence_with_veo3_stitching(prompts, file_paths_list, model=…) chains three clips', async () => {
    // The real Veo provider against the Vertex AI fake, registered under its id for the backend lookup.
    const veo = await vendor('veo3');
    registerProvider({ id: 'veo3', create: () => veo.provider });
    const before = veo.creates();
    const { ledger: _noLedgerOption, onProgress: _perClip, ...settings } = veo.options; // a sequence keeps its own manifest
    const refs = [image('ref1.png', [250, 200, 40]), image('ref2.png', [20, 40, 90])];
    const result = await generateVideoSequenceWithVeo3Stitching(
      ['Pan right', 'Dolly forward', 'Pan left'],
      [refs, refs, refs],
      {
        ...settings,
        model: 'veo-3.1-fast-generate-preview',
        outDir: path.join(dir, 'sequence'),
        delayBetweenClipsMs: 0,
      },
    );
    expect(result).toMatchObject({ provider: 'veo3', model: 'veo-3.1-fast-generate-preview' });
    expect(result.clips.map((clip) => clip.prompt)).toEqual(['Pan right', 'Dolly forward', 'Pan left']);
    for (const clip of result.clips) expect(isMp4(clip.path)).toBe(true);
    expect(veo.creates() - before).toBe(3);
  });

  it('extract_last_frame_as_png(video_path, output_dir) writes a PNG of the last frame', async () => {
    const png = await extractLastFrameAsPng(path.join(dir, 'waves.mp4'), path.join(dir, 'frames'));
    expect(path.dirname(png)).toBe(path.join(dir, 'frames'));
    expect([...readFileSync(png).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});

describe('configuration objects', () => {
  const env = {
    OPENAI_API_KEY: 'sk-parity',
    AZURE_OPENAI_API_KEY: 'azure-parity',
    AZURE_OPENAI_ENDPOINT: 'https://parity.openai.azure.com',
    AZURE_OPENAI_DEPLOYMENT: 'my-sora-2',
    GOOGLE_CLOUD_PROJECT: 'parity-project',
    RUNWAY_API_KEY: 'key_parity',
  };

  it('SoraConfig, AzureSoraConfig, Veo3Config and RunwayConfig read the environment with fromEnvironment()', () => {
    const read = { env, envFile: false as const };
    expect(SoraConfig.fromEnvironment(read)).toMatchObject({ apiKey: 'sk-parity' });
    expect(AzureSoraConfig.fromEnvironment(read)).toMatchObject({ apiKey: 'azure-parity' });
    expect(Veo3Config.fromEnvironment(read)).toMatchObject({ project: 'parity-project' });
    expect(RunwayConfig.fromEnvironment(read)).toMatchObject({ apiKey: 'key_parity' });
  });

  it("VideoBackend holds the reference's four backends", () => {
    const python: VideoBackend[] = ['sora2', 'azure-sora', 'veo3', 'runway'];
    expect(VIDEO_BACKENDS).toEqual(expect.arrayContaining(python));
  });

  it('create_config_for_backend(backend) returns the config with fromEnvironment() for each backend', async () => {
    unregisterProvider('veo3'); // the stand-in above: the real package from here on
    const read = { env, envFile: false as const };
    expect((await createConfigForBackend('sora2')).fromEnvironment(read)).toMatchObject({
      apiKey: 'sk-parity',
    });
    expect((await createConfigForBackend('azure-sora')).fromEnvironment(read)).toMatchObject({
      apiKey: 'azure-parity',
    });
    expect(await createConfigForBackend('veo3')).toBe(Veo3Config);
    expect((await createConfigForBackend('runway')).fromEnvironment(read)).toMatchObject({
      apiKey: 'key_parity',
    });
  });
});

describe('exceptions and logging', () => {
  it('ConfigurationError: a config without its key', () => {
    expect(() => SoraConfig.fromEnvironment({ env: {}, envFile: false })).toThrow(ConfigurationError);
  });

  it('ApiRequestError: a vendor error answer, with its status', async () => {
    const sora = await startVendor('sora2', 'bad-key');
    try {
      const error = await generateVideoWithSora2('waves', [], {
        ...sora.options,
        config: SoraConfig.parse(sora.config),
        outPath: path.join(dir, 'never.mp4'),
      }).catch((caught: unknown) => caught);
      expect(ApiRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 401 });
    } finally {
      await sora.close();
    }
  });

  it('RetryExhaustedError: retries that never succeed, the last failure as cause', async () => {
    const sora = await startVendor('sora2', 'server-errors');
    try {
      const error = await generateVideoWithSora2('waves', [], {
        ...sora.options,
        retry: { retries: 1, minDelayMs: 1, maxDelayMs: 2 },
        config: SoraConfig.parse(sora.config),
        outPath: path.join(dir, 'never-2.mp4'),
      }).catch((caught: unknown) => caught);
      expect(RetryExhaustedError.isInstance(error)).toBe(true);
      expect(ApiRequestError.isInstance((error as Error).cause)).toBe(true);
    } finally {
      await sora.close();
    }
  });

  it('get_library_logger() logs through the configured sink', () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    try {
      getLibraryLogger().debug('parity check', { backend: 'local' });
    } finally {
      setLogSink(null);
    }
    expect(records).toEqual([expect.objectContaining({ level: 'debug', message: 'parity check' })]);
  });
});
