import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVideoRequest } from '../src/index.js';
import { createFakeProvider } from './support/fake-provider.js';
import { tempDir, tinyMp4 } from './support/fixtures.js';

describe('checkVideoRequest and webhooks', () => {
  const webhook = async () => ({ url: 'https://example.test/hook', received: new Promise<never>(() => {}) });

  it('warns, as generateVideo does, that a provider without webhooks ignores one', async () => {
    const provider = createFakeProvider({ stateDir: path.join(tempDir(), 's'), videoPath: tinyMp4() });
    const checked = await checkVideoRequest({ provider, prompt: 'waves', webhook } as never);
    expect(checked.warnings).toContainEqual({
      type: 'unsupported',
      feature: 'webhook',
      message: `${provider.id} takes no webhook; the job is polled as usual.`,
    });
    expect(provider.calls.submit).toBe(0);
  });

  it('gives no such warning to a provider that takes webhooks, or without one', async () => {
    const base = createFakeProvider({ stateDir: path.join(tempDir(), 's'), videoPath: tinyMp4() });
    const provider = Object.assign(Object.create(base), { webhooks: true });
    const checked = await checkVideoRequest({ provider, prompt: 'waves', webhook } as never);
    expect(checked.warnings.filter((warning) => warning.feature === 'webhook')).toEqual([]);
    const plain = await checkVideoRequest({ provider: base, prompt: 'waves' });
    expect(plain.warnings.filter((warning) => warning.feature === 'webhook')).toEqual([]);
  });
});
