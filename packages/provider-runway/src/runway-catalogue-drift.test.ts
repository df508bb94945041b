import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type RunwayVideoEndpoint, runwayCatalogue } from './runway-catalogue.js';
import { runwayModels } from './runway-models.js';

const RESOURCE: Record<RunwayVideoEndpoint, string> = {
  image_to_video: 'image-to-video',
  text_to_video: 'text-to-video',
  video_to_video: 'video-to-video',
};

/** The `model` literals of one endpoint's create params in the installed @runwayml/sdk types. */
function sdkModels(endpoint: RunwayVideoEndpoint): string[] {
  const code = createRequire(import.meta.url).resolve(`@runwayml/sdk/resources/${RESOURCE[endpoint]}`);
  const types = readFileSync(code.replace(/\.js$/, '.d.ts'), 'utf8');
  // Declarations only (`    model: 'x';`), not the `*   model: 'x',` of the doc examples.
  return [...types.matchAll(/^\s+model\??: '([^']+)';$/gm)].map((match) => match[1]!);
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe('the Runway catalogue follows the installed @runwayml/sdk', () => {
  it.each(['image_to_video', 'text_to_video', 'video_to_video'] as const)(
    'lists exactly the models of %s',
    (endpoint) => {
      const sdk = sdkModels(endpoint);
      expect(sdk.length).toBeGreaterThan(0);
      const table = runwayCatalogue.filter((entry) => entry.endpoints.includes(endpoint)).map((e) => e.id);
      expect(sorted(table)).toEqual(sorted(sdk));
    },
  );

  it('serves exactly the models of runwayModels, each on an endpoint the SDK gives it', () => {
    const served = runwayCatalogue.filter((entry) => entry.state === 'served').map((entry) => entry.id);
    expect(sorted(served)).toEqual(sorted(runwayModels.map((model) => model.id)));
    for (const model of runwayModels) {
      const entry = runwayCatalogue.find((candidate) => candidate.id === model.id)!;
      if (model.images.firstFrameRequired) expect(entry.endpoints).not.toContain('text_to_video');
      else expect(entry.endpoints).toContain('text_to_video');
    }
  });
});
