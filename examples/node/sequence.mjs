// Renders a three-clip story with the offline local provider, each clip starting on the previous
// clip's last frame, and joins them without the repeated boundary frames. Progress goes to stderr;
// the joined video's path is the last line on stdout.
// Usage: node examples/node/sequence.mjs [out.mp4]
import path from 'node:path';
import { generateSequence } from '@video-gen/stitching';

const outPath = path.resolve(
  process.argv[2] ?? `out/lighthouse-story-${new Date().toISOString().replace(/[:.]/g, '-')}.mp4`,
);
// The clips, their boundary frames and sequence.json live beside the joined file.
const outDir = `${outPath.slice(0, outPath.length - path.extname(outPath).length)}.clips`;

const result = await generateSequence({
  provider: 'local',
  clips: [
    { prompt: 'A lighthouse at dawn, waves breaking on the rocks' },
    { prompt: 'Fog rolls in and swallows the lighthouse beam' },
    { prompt: 'The storm clears and the sea turns gold at sunset' },
  ],
  width: 640,
  height: 360,
  fps: 24,
  durationSeconds: 2,
  seed: 42,
  outDir,
  concatTo: outPath,
  concat: { dropBoundaryFrame: true },
  onProgress: (event) => {
    const clip = event.clip === undefined ? '' : ` clip ${event.clip}/${event.clips}`;
    const detail = event.generation ? ` ${event.generation.phase}` : '';
    const percent =
      event.generation?.progress === undefined ? '' : ` ${Math.round(event.generation.progress * 100)}%`;
    process.stderr.write(`${event.phase}${clip}${detail}${percent}\n`);
  },
});

for (const warning of result.warnings) process.stderr.write(`warning: ${warning.message}\n`);
for (const clip of result.clips) process.stderr.write(`clip ${clip.index}: ${clip.path}\n`);
console.log(result.concatPath);
