import { describeProviderConformance } from '@video-gen/testing';
import { enterpriseConfig, mswServer, useVeo } from './test-helpers.js';
import { createVeo3 } from './veo3-provider.js';

const server = mswServer();

describeProviderConformance('veo3', {
  createProvider: () => createVeo3(enterpriseConfig),
  beforeEach: () => {
    useVeo(server, { pollsBeforeDone: 2 });
  },
  request: { prompt: 'conformance clip of a calm sea', width: 1280, height: 720, durationSeconds: 8 },
});
