import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SORA_MODEL_IDS, soraModels } from './sora-models.js';

/** The string literals of `export type VideoModel = …` in the installed openai SDK's types. */
function sdkVideoModels(): string[] {
  const code = createRequire(import.meta.url).resolve('openai/resources/videos');
  const types = readFileSync(code.replace(/\.js$/, '.d.ts'), 'utf8');
  const union = /export type VideoModel = ([^;]+);/.exec(types)?.[1];
  if (!union) throw new Error('openai/resources/videos.d.ts no longer declares VideoModel: update this test');
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
}

describe('the Sora table follows the installed openai SDK', () => {
  it("lists exactly the SDK's VideoModel ids", () => {
    const sdk = sdkVideoModels();
    expect(sdk.length).toBeGreaterThan(0);
    expect([...soraModels.map((model) => model.id)].sort()).toEqual([...sdk].sort());
    expect([...SORA_MODEL_IDS].sort()).toEqual([...sdk].sort());
  });
});
