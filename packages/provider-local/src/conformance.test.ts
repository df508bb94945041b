import os from 'node:os';
import path from 'node:path';
import { describeProviderConformance } from '@video-gen/testing';
import { createLocal } from './local-provider.js';

const jobsDir = path.join(os.tmpdir(), 'video-gen-local-conformance');

describeProviderConformance('local', {
  // A short simulated queue, so the suite can interrupt the job while it is in flight.
  createProvider: () => createLocal({ jobsDir, simulatedQueueMs: 300 }),
  request: { prompt: 'conformance clip', width: 160, height: 96, fps: 12, durationSeconds: 1 },
});
