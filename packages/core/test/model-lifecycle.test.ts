import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkVideoRequest,
  defaultModel,
  describeModelStatus,
  generateVideo,
  type ModelInfo,
  modelStatus,
  ValidationError,
} from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

const NOW = new Date('2026-12-01T12:00:00Z');

function setup(lifecycle: (models: readonly ModelInfo[]) => ModelInfo[]) {
  const dir = tempDir();
  const fake = createFakeProvider({ stateDir: path.join(dir, 'state'), videoPath: tinyMp4() });
  const provider = { ...fake, models: lifecycle(fake.models) };
  const base = {
    provider,
    prompt: 'waves',
    outPath: path.join(dir, 'out.mp4'),
    poll: { initialIntervalMs: 5 },
  };
  return { fake, provider, base };
}

const retireFirst = (models: readonly ModelInfo[]) => [
  { ...models[0]!, status: 'retired' as const, retiresOn: '2026-09-24', replacement: models[1]!.id },
  ...models.slice(1),
];

describe('model lifecycle', () => {
  it('reads a model past its retiresOn day as retired, and before it by its declared status', () => {
    const model = { id: 'm', status: 'deprecated', retiresOn: '2026-12-01' } as ModelInfo;
    expect(modelStatus(model, NOW)).toBe('retired');
    expect(modelStatus(model, new Date('2026-11-30T23:59:59Z'))).toBe('deprecated');
    expect(modelStatus({ id: 'm' } as ModelInfo, NOW)).toBe('ga');
    expect(modelStatus({ id: 'm', deprecatedOn: '2026-11-01' } as ModelInfo, NOW)).toBe('deprecated');
    expect(describeModelStatus({ ...model, replacement: 'n' }, NOW)).toBe('retired 2026-12-01; use n');
  });

  it('defaults to the first model that is not retired, and to the first when all are', () => {
    const a = { id: 'a', status: 'retired' } as ModelInfo;
    const b = { id: 'b' } as ModelInfo;
    expect(defaultModel([a, b])?.id).toBe('b');
    expect(defaultModel([a])?.id).toBe('a');
  });

  it('refuses a retired model with model_retired, naming the replacement, and submits nothing', async () => {
    const { fake, base } = setup(retireFirst);
    const error = await generateVideo({ ...base, model: 'fake-1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'model_retired' });
    expect((error as Error).message).toContain('Use fake-text instead');
    expect((error as ValidationError).issues[0]).toMatchObject({ field: 'model', allowed: ['fake-text'] });
    expect(fake.calls.submit).toBe(0);
  });

  it('skips the retired model when no model is named', async () => {
    const { base } = setup(retireFirst);
    const checked = await checkVideoRequest({ provider: base.provider, prompt: 'waves' });
    expect(checked.model).toBe('fake-text');
  });

  it('submits a retired model with allowRetiredModels: true, with a deprecated warning', async () => {
    const { fake, base } = setup(retireFirst);
    const result = await generateVideo({ ...base, model: 'fake-1', allowRetiredModels: true });
    expect(fake.calls.submit).toBe(1);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        type: 'deprecated',
        feature: 'model',
        message: expect.stringContaining('retired 2026-09-24'),
      }),
    );
  });

  it('warns about a deprecated model with its dates, and checkVideoRequest shows the status', async () => {
    const { base } = setup((models) => [
      { ...models[0]!, status: 'deprecated', deprecatedOn: '2026-06-01', retiresOn: '2099-01-01' },
      ...models.slice(1),
    ]);
    const checked = await checkVideoRequest({ provider: base.provider, prompt: 'waves', model: 'fake-1' });
    expect(checked.modelStatus).toBe('deprecated');
    expect(checked.warnings).toContainEqual({
      type: 'deprecated',
      feature: 'model',
      message: 'fake-1 is deprecated since 2026-06-01, retires 2099-01-01',
    });
  });

  it('refuses allowRetiredModels of the wrong type as invalid_options', async () => {
    const { base } = setup(retireFirst);
    await expect(
      checkVideoRequest({ ...base, allowRetiredModels: 'yes' as unknown as boolean }),
    ).rejects.toMatchObject({ code: 'invalid_options' });
  });
});
