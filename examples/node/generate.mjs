// Generates a short clip with the offline local provider and prints its path.
// Usage: node examples/node/generate.mjs [out.mp4]
import { generateVideo } from '@video-gen/core';

const outPath = process.argv[2] ?? `out/ocean-waves-${new Date().toISOString().replace(/[:.]/g, '-')}.mp4`;

const result = await generateVideo({
  provider: 'local',
  prompt: 'Cinematic ocean waves at sunset',
  width: 640,
  height: 360,
  fps: 24,
  durationSeconds: 4,
  seed: 42,
  outPath,
  onProgress: (event) => {
    const percent = event.progress === undefined ? '' : ` ${Math.round(event.progress * 100)}%`;
    process.stderr.write(`${event.phase}${percent}\n`);
  },
});

console.log(result.path);
