import { createHash } from 'node:crypto';

/** A sinusoid over the frame and time: one colour channel of the background. */
export interface Wave {
  /** Cycles across the width, the height, and per second. */
  readonly fx: number;
  readonly fy: number;
  readonly ft: number;
  /** Phase in radians. */
  readonly phase: number;
  /** Swing around mid-grey, in 8-bit levels (kept ≤ 120 so the value stays within 0–255). */
  readonly amplitude: number;
}

/** The moving pattern drawn over the background. */
export type Pattern =
  | { readonly kind: 'testsrc2' }
  | {
      readonly kind: 'mandelbrot';
      readonly x: number;
      readonly y: number;
      readonly endScale: number;
      readonly maxIter: number;
      readonly inner: 'black' | 'period' | 'convergence' | 'mincol';
      readonly outer: 'iteration_count' | 'normalized_iteration_count';
    }
  | {
      readonly kind: 'life';
      readonly rule: string;
      readonly seed: number;
      readonly ratio: number;
      readonly mold: number;
      readonly cell: number;
      readonly lifeColor: string;
      readonly deathColor: string;
      readonly moldColor: string;
    }
  | {
      readonly kind: 'cellauto';
      readonly rule: number;
      readonly seed: number;
      readonly fill: number;
      readonly cell: number;
    }
  // The background alone.
  | { readonly kind: 'plasma' };

/** Everything the renderer varies, derived from the prompt and seed. */
export interface Scene {
  readonly pattern: Pattern;
  /** How the pattern is blended over the background (an ffmpeg `blend` mode). */
  readonly blendMode: (typeof BLEND_MODES)[number];
  readonly opacity: number;
  /** Red, green and blue waves of the background. */
  readonly background: readonly [Wave, Wave, Wave];
  /** Hue rotation: start in degrees, speed in degrees per second, and saturation. */
  readonly hue: { readonly start: number; readonly speed: number; readonly saturation: number };
  /** The tone's pitch, when audio is on: a note between A3 and A5. */
  readonly toneHz: number;
}

const BLEND_MODES = [
  'screen',
  'overlay',
  'softlight',
  'average',
  'lighten',
  'hardlight',
  'difference',
] as const;
const PATTERNS = ['testsrc2', 'mandelbrot', 'life', 'cellauto', 'plasma'] as const;
// Spots on the Mandelbrot set's edge where a zoom stays interesting.
const MANDELBROT_SPOTS = [
  [-0.743643887037151, 0.13182590420533],
  [0.3245046418497685, 0.04855101129280834],
  [-0.088, 0.654],
  [-1.7687788, 0.0017389],
  [-0.1011, 0.9563],
] as const;
// Game of Life variants that keep moving: Conway, HighLife, Day & Night, Morley.
const LIFE_RULES = ['S23/B3', 'S23/B36', 'S34678/B3678', 'S245/B368'] as const;
// Elementary automata with structure rather than noise or stillness.
const CELLAUTO_RULES = [18, 30, 45, 73, 90, 105, 110, 150] as const;

/** A stream of numbers in [0, 1) drawn from SHA-256 blocks of the key, so it never runs out. */
function randomStream(key: string): () => number {
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = createHash('sha256').update(key).update(`#${counter++}`).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value / 2 ** 32;
  };
}

// Rounded so the filter graph text, and with it the render, cannot depend on float printing.
const round = (value: number, digits = 4): number => Number(value.toFixed(digits));

/**
 * Derives the scene from the prompt and seed alone, so the same pair always renders the same
 * video, and a different seed a different one.
 *
 * @example
 * ```ts
 * const scene = deriveScene('ocean waves at sunset', 42);
 * scene.pattern.kind; // e.g. 'mandelbrot'
 * ```
 */
export function deriveScene(prompt: string, seed: number | undefined): Scene {
  const next = randomStream(JSON.stringify(['video-gen/local-v1', prompt, seed ?? null]));
  const between = (min: number, max: number, digits = 4) => round(min + (max - min) * next(), digits);
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const colour = () =>
    `#${Array.from({ length: 3 }, () => integer(0, 255).toString(16).padStart(2, '0')).join('')}`;
  const wave = (): Wave => ({
    fx: between(-2, 2),
    fy: between(-2, 2),
    ft: between(-0.5, 0.5),
    phase: between(0, 2 * Math.PI),
    amplitude: between(60, 120, 2),
  });

  // Fixed draw order: adding a field later must append draws, or every existing scene changes.
  const kind = pick(PATTERNS);
  const background: Scene['background'] = [wave(), wave(), wave()];
  const blendMode = pick(BLEND_MODES);
  const opacity = between(0.45, 0.85);
  const hue = { start: between(0, 360, 2), speed: between(-45, 45, 2), saturation: between(0.7, 1.5, 3) };
  const toneHz = round(220 * 2 ** (integer(0, 24) / 12), 2);
  const pattern = derivePattern(kind);
  return { pattern, background, blendMode, opacity, hue, toneHz };

  function derivePattern(patternKind: (typeof PATTERNS)[number]): Pattern {
    switch (patternKind) {
      case 'mandelbrot': {
        const [x, y] = pick(MANDELBROT_SPOTS);
        return {
          kind: 'mandelbrot',
          x,
          y,
          endScale: between(0.005, 0.3, 5),
          maxIter: integer(128, 384),
          inner: pick(['black', 'period', 'convergence', 'mincol'] as const),
          outer: pick(['iteration_count', 'normalized_iteration_count'] as const),
        };
      }
      case 'life':
        return {
          kind: 'life',
          rule: pick(LIFE_RULES),
          seed: integer(0, 2 ** 31 - 1),
          ratio: between(0.15, 0.5, 3),
          mold: integer(0, 40),
          cell: integer(2, 6),
          lifeColor: colour(),
          deathColor: colour(),
          moldColor: colour(),
        };
      case 'cellauto':
        return {
          kind: 'cellauto',
          rule: pick(CELLAUTO_RULES),
          seed: integer(0, 2 ** 31 - 1),
          fill: between(0.3, 0.7, 3),
          cell: integer(2, 6),
        };
      default:
        return { kind: patternKind };
    }
  }
}
