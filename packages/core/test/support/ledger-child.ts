// Generates one video with the fake provider into the given ledger: run twice at once by a test.
import { generateVideo } from '@video-gen/core';
import { createFakeProvider } from './fake-provider.ts';

const [stateDir, videoPath, outPath, ledger, prompt] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const provider = createFakeProvider({ stateDir, videoPath, pollsUntilDone: 3 });
await generateVideo({ provider, prompt, outPath, ledger, poll: { initialIntervalMs: 5 } });
console.log('done');
