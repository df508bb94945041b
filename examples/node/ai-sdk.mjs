// The AI SDK's experimental_generateVideo with a video-gen provider (the offline local one) as its
// model, through toAiSdk from @video-gen/ai-sdk. Writes the MP4 and prints its path.
// Usage: node examples/node/ai-sdk.mjs [out.mp4]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toAiSdk } from '@video-gen/ai-sdk';
import { createLocal } from '@video-gen/provider-local';
import { experimental_generateVideo as generateVideo } from 'ai';

const outPath = process.argv[2] ?? 'out/ai-sdk-waves.mp4';

const { video, warnings } = await generateVideo({
  model: toAiSdk(createLocal()),
  prompt: 'Cinematic ocean waves at sunset',
  resolution: '640x360',
  duration: 2,
  fps: 24,
  seed: 42,
  poll: { intervalMs: 250 },
});
for (const warning of warnings) process.stderr.write(`warning: ${JSON.stringify(warning)}\n`);

await mkdir(path.dirname(path.resolve(outPath)), { recursive: true });
await writeFile(outPath, video.uint8Array);
console.log(outPath);
