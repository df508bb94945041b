// Builders for the calls the cases make: a valid request with hostile fields spread over it.
import { type GenerateVideoOptions, generateVideo } from '@video-gen/core';
import type { CaseContext } from '../case.js';

type Fields = Record<string, unknown>;

/** `generateVideo` with the case's valid base request and `fields` over it. */
export function gen(fields: Fields | ((context: CaseContext) => Fields)) {
  return (context: CaseContext) =>
    generateVideo({
      ...context.base,
      ...(typeof fields === 'function' ? fields(context) : fields),
    } as unknown as GenerateVideoOptions);
}

/** `generateVideo` with exactly `options` (not merged over the base): a call with no valid shape. */
export function genRaw(options: unknown) {
  return () => generateVideo(options as GenerateVideoOptions);
}
