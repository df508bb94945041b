import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineParityApi, type ParityOptions, ValidationError } from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

interface FakeConfig {
  readonly stateDir?: string;
}

function setup() {
  const dir = tempDir();
  const made: (FakeConfig | undefined)[] = [];
  const createProvider = (config: FakeConfig | undefined) => {
    made.push(config);
    return createFakeProvider({
      stateDir: config?.stateDir ?? path.join(dir, 'state'),
      videoPath: tinyMp4(),
    });
  };
  const out = (name: string) => path.join(dir, name);
  return { dir, made, createProvider, out };
}

const FAST = { poll: { initialIntervalMs: 5 } } as const;

describe('defineParityApi', () => {
  it('makes a provider from options.config per call, fills defaults only where unset, maps file paths to images', async () => {
    const { made, createProvider, out } = setup();
    const api = defineParityApi<FakeConfig>({
      createProvider,
      defaults: { model: 'fake-1', durationSeconds: 8 },
    });
    const config = { stateDir: path.join(path.dirname(out('x')), 'state-a') };
    const result = await api.generate('waves', [], {
      config,
      outPath: out('a.mp4'),
      durationSeconds: 4,
      ...FAST,
    });
    expect(made).toEqual([config]);
    expect(result).toMatchObject({ model: 'fake-1', durationSeconds: 4, path: out('a.mp4') });
    const defaulted = await api.generate('waves', [], { outPath: out('b.mp4'), model: undefined, ...FAST });
    expect(defaulted).toMatchObject({ model: 'fake-1', durationSeconds: 8 });
  });

  it('runs the request hook (a refusal before any call) and the finish hook', async () => {
    const { createProvider, out } = setup();
    const api = defineParityApi<FakeConfig, ParityOptions<FakeConfig>, string>({
      createProvider,
      request: (prompt, filePaths, options) => {
        if (filePaths.length > 1) throw new ValidationError('one image at most', { issues: [] });
        return { ...options, prompt: `${prompt}!` };
      },
      finish: (result) => `done:${path.basename(result.path)}`,
    });
    await expect(api.generate('waves', ['a.png', 'b.png'])).rejects.toThrow('one image at most');
    expect(await api.generate('waves', [], { outPath: out('c.mp4'), ...FAST })).toBe('done:c.mp4');
  });

  it('gives a Client class that holds its config and one provider and returns the output path', async () => {
    const { made, createProvider, out } = setup();
    const api = defineParityApi<FakeConfig>({ createProvider, defaults: { model: 'fake-1' } });
    class FakeAPIClient extends api.Client {}
    const config = { stateDir: path.join(path.dirname(out('x')), 'state-b') };
    const client = new FakeAPIClient(config);
    expect(client.config).toBe(config);
    expect(made).toEqual([config]);
    expect(await client.generate('waves', [], { outPath: out('d.mp4'), ...FAST })).toBe(out('d.mp4'));
    expect(await client.generate('waves', [], { outPath: out('e.mp4'), ...FAST })).toBe(out('e.mp4'));
    expect(made).toHaveLength(1);
    expect(new FakeAPIClient().config).toEqual({});
  });
});
