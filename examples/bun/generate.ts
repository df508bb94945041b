// Generates a short clip with the offline local provider under Bun and prints its path.
// Usage (from the repository, after npm install): npx bun examples/bun/generate.ts [out.mp4]
import { generateVideo } from '@video-gen/core';

const outPath = Bun.argv[2] ?? 'out/bun-example.mp4';

const result = await generateVideo({
  provider: 'local',
  prompt: 'A paper boat drifting on a pond',
  width: 320,
  height: 240,
  fps: 12,
  durationSeconds: 2,
  seed: 7,
  outPath,
});

console.log(result.path);
