// Generates a short clip with the offline local provider under Deno and prints its path.
// Usage (from the repository, after npm install): npx deno run -A examples/deno/generate.ts [out.mp4]
import { generateVideo } from '@video-gen/core';

const outPath = Deno.args[0] ?? 'out/deno-example.mp4';

const result = await generateVideo({
  provider: 'local',
  prompt: 'Snow falling on a quiet street',
  width: 320,
  height: 240,
  fps: 12,
  durationSeconds: 2,
  seed: 11,
  outPath,
});

console.log(result.path);
