import type { Pattern, Scene, Wave } from './scene.js';

/** What one render needs: the scene, the exact output format, and where files go. */
export interface RenderSpec {
  readonly scene: Scene;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
  readonly audio: boolean;
  /** An image file that becomes frame 0. */
  readonly firstFramePath: string | undefined;
  /** An image file that becomes the final frame. */
  readonly lastFramePath: string | undefined;
  readonly outputPath: string;
  /** ffmpeg's `-progress` file: `frame=` lines while running, `progress=end` when done. */
  readonly progressPath: string;
  /** The x264 preset. */
  readonly preset: string;
}

/**
 * The number of frames a render has: `fps × durationSeconds`, at least one.
 *
 * @example
 * ```ts
 * frameCount(12, 2); // 24
 * ```
 */
export function frameCount(fps: number, durationSeconds: number): number {
  return Math.max(1, Math.round(fps * durationSeconds));
}

// Negative numbers in parentheses, so `T*(-0.3)` parses in ffmpeg's expression language.
const num = (value: number): string => (value < 0 ? `(${value})` : String(value));
const round6 = (value: number): number => Number(value.toFixed(6));

/** One background channel for `geq`: mid-grey plus a travelling sine. */
function waveExpr(wave: Wave): string {
  return `128+${wave.amplitude}*sin(2*PI*(X/W*${num(wave.fx)}+Y/H*${num(wave.fy)}+T*${num(wave.ft)})+${wave.phase})`;
}

/** The filter chain that draws `pattern` at the output size, in yuv420p. */
function patternChain(pattern: Pattern, width: number, height: number, fps: number, frames: number): string {
  const size = `s=${width}x${height}:r=${fps}`;
  // Cellular patterns run on a coarse grid and are scaled up without smoothing: visible cells.
  const grid = (cell: number) =>
    `s=${Math.max(1, Math.ceil(width / cell))}x${Math.max(1, Math.ceil(height / cell))}:r=${fps}`;
  const upscale = `scale=${width}:${height}:flags=neighbor`;
  switch (pattern.kind) {
    case 'testsrc2':
      return `testsrc2=${size},format=yuv420p`;
    case 'mandelbrot':
      // end_pts counts frames: the zoom reaches endScale on the last one.
      return (
        `mandelbrot=${size}:maxiter=${pattern.maxIter}:start_x=${pattern.x}:start_y=${pattern.y}` +
        `:start_scale=3:end_scale=${pattern.endScale}:end_pts=${frames}:inner=${pattern.inner}:outer=${pattern.outer}` +
        ',format=yuv420p'
      );
    case 'life':
      return (
        `life=${grid(pattern.cell)}:rule=${pattern.rule}:seed=${pattern.seed}:ratio=${pattern.ratio}:mold=${pattern.mold}` +
        `:life_color=${pattern.lifeColor}:death_color=${pattern.deathColor}:mold_color=${pattern.moldColor}` +
        `,${upscale},format=yuv420p`
      );
    case 'cellauto':
      return (
        `cellauto=${grid(pattern.cell)}:rule=${pattern.rule}:seed=${pattern.seed}:random_fill_ratio=${pattern.fill}` +
        `:scroll=1,${upscale},format=yuv420p`
      );
    case 'plasma':
      throw new Error('plasma has no pattern layer');
  }
}

/**
 * Scales an image to cover the frame (keeping its aspect ratio), crops the overflow, then repeats
 * that one converted frame on the output's time base (decoded and scaled once, not per frame),
 * with an alpha plane for `fade`.
 */
function imageChain(input: number, width: number, height: number, fps: number): string {
  return (
    `[${input}:v]scale=${width}:${height}:force_original_aspect_ratio=increase` +
    `:flags=bicubic+accurate_rnd+full_chroma_int,crop=${width}:${height},setsar=1,format=yuv420p,` +
    `loop=loop=-1:size=1:start=0,settb=1/${fps},setpts=N,format=yuva420p`
  );
}

/**
 * Builds ffmpeg's arguments for a render. The graph: a low-resolution sine "plasma" scaled up as
 * the background, a pattern (test card, Mandelbrot zoom, Game of Life or cellular automaton)
 * blended over it, a slow hue rotation, then the first and last frame images blended in with
 * weights that are exactly 1 on their frame. The encoder runs single-threaded with bitexact
 * flags, so the same spec renders the same bytes.
 *
 * @example
 * ```ts
 * const args = buildRenderArgs({ scene: deriveScene('waves', 1), width: 320, height: 240, fps: 12,
 *   durationSeconds: 2, audio: false, firstFramePath: undefined, lastFramePath: undefined,
 *   outputPath: 'out.mp4', progressPath: 'progress.txt', preset: 'veryfast' });
 * spawn(ffmpegPath, args);
 * ```
 */
export function buildRenderArgs(spec: RenderSpec): string[] {
  const { scene, width, height, fps, durationSeconds } = spec;
  const frames = frameCount(fps, durationSeconds);
  const halfFrame = 0.5 / fps;
  // The image fades into the pattern over one second, or half the clip when it is shorter.
  const fade = Math.min(1, durationSeconds / 2);
  const inputs: string[] = [];
  const graph: string[] = [];
  let inputCount = 0;

  // The background is computed per pixel, so it is drawn at 1/8 size and scaled up (smooth anyway).
  const bgWidth = Math.max(2, Math.round(width / 8));
  const bgHeight = Math.max(2, Math.round(height / 8));
  const [r, g, b] = scene.background;
  graph.push(
    `nullsrc=s=${bgWidth}x${bgHeight}:r=${fps},format=gbrp,` +
      `geq=r='${waveExpr(r)}':g='${waveExpr(g)}':b='${waveExpr(b)}',` +
      `format=yuv420p,scale=${width}:${height}:flags=bilinear,setsar=1[bg]`,
  );
  const hue = `hue=h=${scene.hue.start}+${num(scene.hue.speed)}*t:s=${scene.hue.saturation}`;
  if (scene.pattern.kind === 'plasma') {
    graph.push(`[bg]${hue},setsar=1[scene]`);
  } else {
    graph.push(`${patternChain(scene.pattern, width, height, fps, frames)},setsar=1[pattern]`);
    graph.push(
      `[bg][pattern]blend=all_mode=${scene.blendMode}:all_opacity=${scene.opacity},${hue},setsar=1[scene]`,
    );
  }

  // Images are overlaid with a fading alpha. Where the alpha is 255 (untouched by `fade`), overlay
  // copies the image exactly: that frame is the image, not an approximation of it.
  let current = 'scene';
  // The last frame goes on first, so on a one-frame clip the first frame wins.
  if (spec.lastFramePath !== undefined) {
    inputs.push('-i', spec.lastFramePath);
    const lastT = (frames - 1) / fps;
    const start = round6(Math.max(0, lastT - fade));
    // Done fading half a frame before the last frame: `fade` leaves a finished fade-in alone.
    const length = round6(lastT - start - halfFrame);
    // A zero length would switch `fade` to counting frames, so a one-frame window has no fade.
    const fadeIn = length > 0 ? `,fade=t=in:st=${start}:d=${length}:alpha=1` : '';
    graph.push(`${imageChain(inputCount++, width, height, fps)}${fadeIn}[last]`);
    graph.push(`[${current}][last]overlay=format=yuv420:enable='gte(t,${start})'[withlast]`);
    current = 'withlast';
  }
  if (spec.firstFramePath !== undefined) {
    inputs.push('-i', spec.firstFramePath);
    // Fading out from t=0: frame 0 keeps the full alpha.
    graph.push(`${imageChain(inputCount++, width, height, fps)},fade=t=out:st=0:d=${fade}:alpha=1[first]`);
    graph.push(`[${current}][first]overlay=format=yuv420:enable='lt(t,${fade})'[withfirst]`);
    current = 'withfirst';
  }
  graph.push(`[${current}]format=yuv420p[video]`);
  if (spec.audio)
    graph.push(`sine=frequency=${scene.toneHz}:sample_rate=48000:duration=${durationSeconds}[audio]`);

  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'warning',
    '-y',
    '-progress',
    spec.progressPath,
    ...inputs,
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[video]',
    ...(spec.audio ? ['-map', '[audio]', '-c:a', 'aac', '-b:a', '128k'] : []),
    // `-t` alone ends every stream at the same instant: exactly fps × duration frames and a
    // full-length tone (with `-frames:v`, the output would close while audio still lags behind).
    '-t',
    String(durationSeconds),
    '-c:v',
    'libx264',
    '-preset',
    spec.preset,
    '-crf',
    '18',
    '-pix_fmt',
    'yuv420p',
    // One encoder thread: x264's output depends on its thread count, which would vary by machine.
    '-threads',
    '1',
    // No timestamps, encoder names or input metadata in the file: identical bytes per spec.
    '-fflags',
    '+bitexact',
    '-flags:v',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-map_metadata',
    '-1',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    spec.outputPath,
  ];
}
