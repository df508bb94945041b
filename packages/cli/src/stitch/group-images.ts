import path from 'node:path';
import type { ModelInfo } from '@video-gen/core';
import type { ClipPrompt } from './clip-prompts.js';

/** How images were shared out between the clips, for printing before anything is generated. */
export interface ImageDistribution {
  /** Each clip's images, in order, after the model's limit. */
  readonly perClip: readonly (readonly string[])[];
  /** How the images were matched: by keywords, or all images to every clip because none matched. */
  readonly rule: 'none' | 'keywords' | 'all';
  /** Images no clip's keywords matched (not used). */
  readonly unassigned: readonly string[];
  /** Images left out of a clip because the model takes fewer: `[clip index (1-based), image]`. */
  readonly dropped: readonly (readonly [number, string])[];
}

// Words that say nothing about which scene an image belongs to.
const STOP_WORDS = new Set([
  'png',
  'jpg',
  'jpeg',
  'webp',
  'txt',
  'img',
  'image',
  'images',
  'photo',
  'pic',
  'frame',
  'prompt',
  'clip',
  'the',
  'and',
  'with',
  'for',
  'from',
  'into',
  'onto',
  'over',
  'under',
  'this',
  'that',
  'shot',
  'scene',
]);

function keywords(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^a-z0-9]+/);
  return new Set(words.filter((word) => word.length >= 3 && !STOP_WORDS.has(word)));
}

// `foyer1` and `foyer` share the stem `foyer`: a looser match, used only when no exact one exists.
function stems(words: Set<string>): Set<string> {
  return new Set([...words].map((word) => word.replace(/\d+$/, '')).filter((word) => word.length >= 3));
}

function shared(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
}

/**
 * The most images a clip can use. The first clip may take a first frame (when the model maps
 * untyped images that way); every later clip starts from the previous clip's last frame. A model
 * whose references cannot be combined with a frame then takes no references at all.
 */
export function imagesAllowed(model: ModelInfo, clipIndex: number): number {
  const { images } = model;
  const ownFirstFrame = clipIndex === 1 && images.firstFrame && images.imagesAs !== 'references';
  const hasFirstFrame = ownFirstFrame || clipIndex > 1;
  const references = hasFirstFrame && images.referenceImagesExcludeFrames ? 0 : images.maxReferenceImages;
  return (ownFirstFrame ? 1 : 0) + references;
}

/**
 * Shares images between clips the way the Python CLI did: an image goes to the clip(s) whose
 * prompt file name (or, for a prompt given inline, its words) shares the most keywords with the
 * image's file name (`foyer1.png` → the clip of `fr_foyer1.txt`); when no image matches any clip,
 * every clip gets every image. Each clip is then capped at what the model takes.
 *
 * @example
 * ```ts
 * groupImages(['/i/foyer1.png', '/i/garden.png'], prompts, model);
 * ```
 */
export function groupImages(
  images: readonly string[],
  clips: readonly ClipPrompt[],
  model: ModelInfo | undefined,
): ImageDistribution {
  if (images.length === 0) return { perClip: clips.map(() => []), rule: 'none', unassigned: [], dropped: [] };
  const clipWords = clips.map((clip) => keywords(clip.file ? path.parse(clip.file).name : clip.prompt));
  const assigned: string[][] = clips.map(() => []);
  const unassigned: string[] = [];
  for (const image of images) {
    const words = keywords(path.parse(image).name);
    let scores = clipWords.map((clip) => shared(words, clip));
    if (Math.max(...scores) === 0) scores = clipWords.map((clip) => shared(stems(words), stems(clip)));
    const best = Math.max(...scores);
    if (best === 0) {
      unassigned.push(image);
      continue;
    }
    scores.forEach((score, position) => {
      if (score === best) assigned[position]!.push(image);
    });
  }
  const none = unassigned.length === images.length;
  const chosen = none ? clips.map(() => [...images]) : assigned;
  const dropped: [number, string][] = [];
  const perClip = chosen.map((list, position) => {
    // An unknown model is refused by generateSequence before anything runs; no cap is needed for that.
    const limit = model ? imagesAllowed(model, position + 1) : list.length;
    for (const image of list.slice(limit)) dropped.push([position + 1, image]);
    return list.slice(0, limit);
  });
  return { perClip, rule: none ? 'all' : 'keywords', unassigned: none ? [] : unassigned, dropped };
}

/**
 * The distribution as lines for stderr, printed before generating so a wrong grouping can be
 * stopped before it costs anything.
 */
export function describeDistribution(distribution: ImageDistribution, cwd: string): string[] {
  if (distribution.rule === 'none') return [];
  const name = (file: string) => (path.isAbsolute(file) ? path.relative(cwd, file) || file : file);
  const lines = [
    distribution.rule === 'all'
      ? 'Images per clip (no file name matched a clip, so every clip gets every image):'
      : 'Images per clip (matched by keywords in file names):',
    ...distribution.perClip.map(
      (list, position) =>
        `  clip ${position + 1}: ${list.length === 0 ? '(none)' : list.map(name).join(', ')}`,
    ),
  ];
  for (const image of distribution.unassigned) lines.push(`  not used (matches no clip): ${name(image)}`);
  for (const [clip, image] of distribution.dropped) {
    lines.push(`  not used in clip ${clip} (over the model's image limit): ${name(image)}`);
  }
  return lines;
}
