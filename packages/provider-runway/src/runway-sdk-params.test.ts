import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ResolvedRequest } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { buildCreateCall } from './runway-adapter.js';
import { runwaySpecs } from './runway-models.js';

type Endpoint = 'image-to-video' | 'text-to-video';

interface SdkParams {
  /** Every field of the model's params interface. */
  readonly keys: string[];
  /** The string literals of `ratio` and `resolution`, when the params have them. */
  readonly ratio?: string[];
  readonly resolution?: string[];
}

/** Each model's create params in the installed @runwayml/sdk types, read from the .d.ts. */
function sdkParams(endpoint: Endpoint): Map<string, SdkParams> {
  const code = createRequire(import.meta.url).resolve(`@runwayml/sdk/resources/${endpoint}`);
  const lines = readFileSync(code.replace(/\.js$/, '.d.ts'), 'utf8').split('\n');
  const models = new Map<string, SdkParams>();
  let fields: Map<string, string> | undefined;
  for (const line of lines) {
    if (/^ {4}interface \w+ \{$/.test(line)) fields = new Map();
    else if (fields && line === '    }') {
      const model = /'([^']+)'/.exec(fields.get('model') ?? '')?.[1];
      const literals = (name: string) => {
        const type = fields!.get(name);
        return type === undefined ? undefined : [...type.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
      };
      if (model) {
        const ratio = literals('ratio');
        const resolution = literals('resolution');
        models.set(model, {
          keys: [...fields.keys()],
          ...(ratio ? { ratio } : {}),
          ...(resolution ? { resolution } : {}),
        });
      }
      fields = undefined;
    } else if (fields) {
      const field = /^ {8}(\w+)\??: (.*);$/.exec(line);
      if (field) fields.set(field[1]!, field[2]!);
    }
  }
  return models;
}

const image = sdkParams('image-to-video');
const text = sdkParams('text-to-video');
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const textSpecs = runwaySpecs.filter((spec) => !spec.info.images.firstFrameRequired);

describe('the Runway table carries the SDK types of each model', () => {
  it('reads a params interface for every model of the table', () => {
    for (const spec of runwaySpecs) expect(image.has(spec.info.id), spec.info.id).toBe(true);
    for (const spec of textSpecs) expect(text.has(spec.info.id), spec.info.id).toBe(true);
  });

  it.each(textSpecs.map((spec) => [spec.info.id, spec] as const))(
    '%s text-to-video: exactly the ratios and resolutions the SDK lists',
    (id, spec) => {
      const sdk = text.get(id)!;
      const ours = (field: string) =>
        sorted(
          spec.wireSizes.flatMap((size) => (size.text?.[field] === undefined ? [] : [size.text[field]!])),
        );
      // `adaptive` needs references and `auto_*` a keyframe; both are left out of text-to-video.
      const concrete = (values: readonly string[] | undefined) =>
        sorted(
          (values ?? []).filter((v) => v !== 'adaptive' && !v.startsWith('auto_') && v === v.toLowerCase()),
        );
      expect(ours('ratio')).toEqual(concrete(sdk.ratio));
      expect(ours('resolution')).toEqual(concrete(sdk.resolution));
    },
  );

  it.each(runwaySpecs.map((spec) => [spec.info.id, spec] as const))(
    '%s image-to-video: size values the SDK allows',
    (id, spec) => {
      const sdk = image.get(id)!;
      for (const size of spec.wireSizes) {
        for (const [field, value] of Object.entries(size.image ?? {})) {
          expect(sdk[field as 'ratio' | 'resolution'], `${id} ${field}`).toContain(value);
        }
      }
    },
  );

  it.each(runwaySpecs.map((spec) => [spec.info.id, spec] as const))(
    '%s: every body field the adapter sends is a field of the SDK params',
    (id, spec) => {
      const { info } = spec;
      const base = {
        prompt: 'x',
        model: info,
        width: info.defaultSize.width,
        height: info.defaultSize.height,
        fps: 24,
        durationSeconds: info.defaultDurationSeconds,
        seed: 1,
        negativePrompt: 'blur',
        audio: true,
        firstFrame: undefined,
        lastFrame: undefined,
        referenceImages: [],
        providerOptions: { contentModeration: { publicFigureThreshold: 'low' } },
        idempotencyKey: 'k',
      } as unknown as ResolvedRequest;
      const withFrames = buildCreateCall(base, {
        first: 'https://a.example/f.png',
        last: info.images.lastFrame ? 'https://a.example/l.png' : undefined,
      });
      expect(withFrames.endpoint).toBe('image_to_video');
      for (const key of Object.keys(withFrames.body)) expect(image.get(id)!.keys, key).toContain(key);
      if (info.images.firstFrameRequired) return;
      const references = info.images.maxReferenceImages > 0 ? ['https://a.example/r.png'] : [];
      const textCall = buildCreateCall(base, { first: undefined, last: undefined, references });
      expect(textCall.endpoint).toBe('text_to_video');
      for (const key of Object.keys(textCall.body)) expect(text.get(id)!.keys, key).toContain(key);
    },
  );

  it('gives every model distinct sizes and a default among them', () => {
    for (const spec of runwaySpecs) {
      const keys = spec.wireSizes.map((size) => `${size.width}x${size.height}`);
      expect(new Set(keys).size, spec.info.id).toBe(keys.length);
      expect(keys).toContain(`${spec.info.defaultSize.width}x${spec.info.defaultSize.height}`);
    }
  });
});
