import type { ModelInfo } from '@video-gen/core';

/** What each Acme model accepts: pure data that core validates every request against. */
export const acmeModels: readonly ModelInfo[] = [
  {
    id: 'acme-1',
    name: 'Acme 1',
    durations: [5, 10],
    defaultDurationSeconds: 5,
    sizes: [
      { width: 1280, height: 720, label: '16:9' },
      { width: 720, height: 1280, label: '9:16' },
    ],
    defaultSize: { width: 1280, height: 720 },
    fps: [24],
    defaultFps: 24,
    images: {
      firstFrame: true,
      lastFrame: false,
      maxReferenceImages: 0,
      mediaTypes: ['image/png', 'image/jpeg'],
      maxImageBytes: 5 * 1024 * 1024,
      imagesAs: 'first-frame-then-references',
    },
    audio: 'none',
    seed: true,
    negativePrompt: false,
    maxPromptLength: 1000,
  },
];
