/**
 * The first-party backend ids, in the order the CLI lists them. Python's `VideoBackend` literal
 * names the four remote ones; `local` is the embedded offline renderer.
 *
 * @example
 * ```ts
 * VIDEO_BACKENDS.includes('veo3'); // true
 * ```
 */
export const VIDEO_BACKENDS = ['local', 'sora2', 'azure-sora', 'veo3', 'runway'] as const;

/**
 * A first-party backend id (Python parity for `VideoBackend`). Functions that also take a
 * third-party plugin's id accept `VideoBackend | (string & {})`, so editors still complete these.
 *
 * @example
 * ```ts
 * const backend: VideoBackend = 'veo3';
 * ```
 */
export type VideoBackend = (typeof VIDEO_BACKENDS)[number];
