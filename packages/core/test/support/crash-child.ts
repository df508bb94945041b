// Runs one generation with the fake provider and prints each progress phase, so a test can kill it at any point.
import { generateVideo } from '@video-gen/core';
import { createFakeProvider } from './fake-provider.ts';

const [stateDir, videoPath, outPath] = process.argv.slice(2) as [string, string, string];
const provider = createFakeProvider({
  stateDir,
  videoPath,
  pollsUntilDone: 6,
  statusDelayMs: 20,
  chunkDelayMs: 30,
});
await generateVideo({
  provider,
  prompt: 'crash test',
  outPath,
  poll: { initialIntervalMs: 10, maxIntervalMs: 20 },
  onProgress: (event) => console.log(`${event.phase} ${event.bytes ?? ''}`),
});
console.log('finished');
