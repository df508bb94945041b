// Provider values for tests: a third-party provider whose default model cannot take a first frame.
import type { ModelInfo, VideoProvider } from '@video-gen/core';
import { createLocal, localModels } from '@video-gen/provider-local';

const base = localModels[0]!;

/** A text-to-video model: no first frame, so it cannot be chained. */
export const textOnlyModel: ModelInfo = {
  ...base,
  id: 'acme-text-1',
  name: 'Acme text to video',
  images: { ...base.images, firstFrame: false, lastFrame: false, imagesAs: 'references' },
};

/** An image-to-video model of the same provider. */
export const imageModel: ModelInfo = { ...base, id: 'acme-i2v-1', name: 'Acme image to video' };

/**
 * A third-party provider ("acme") with a text-only default model and an image model; it renders
 * with the local provider underneath.
 */
export function acmeProvider(jobsDir: string): VideoProvider {
  const local = createLocal({ jobsDir, preset: 'ultrafast' });
  return {
    ...local,
    id: 'acme',
    models: [textOnlyModel, imageModel],
    parseProviderOptions: () => ({}),
    submit: (request, ctx) => local.submit({ ...request, model: base }, ctx),
  };
}
