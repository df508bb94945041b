import type {
  JSONObject,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4File as VideoModelV4File,
  Experimental_VideoModelV4FrameImage as VideoModelV4FrameImage,
} from '@ai-sdk/provider';
import type { LoadedImage, ResolvedRequest } from '@video-gen/core';

function toFile(image: LoadedImage): VideoModelV4File {
  return image.kind === 'url'
    ? { type: 'url', url: image.url }
    : { type: 'file', mediaType: image.mediaType, data: image.bytes };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** `16:9` for 1280×720 (or a `1280:720` label): the reduced ratio of the label when it is one, else of the size. */
export function aspectRatioOf(width: number, height: number, label?: string): `${number}:${number}` {
  const ratio = label ? /^(\d+):(\d+)$/.exec(label) : null;
  const [w, h] = ratio ? [Number(ratio[1]), Number(ratio[2])] : [width, height];
  const divisor = gcd(w, h);
  return `${w / divisor}:${h / divisor}`;
}

/**
 * The AI SDK call options for a validated request: every field of the spec set on purpose. The
 * size goes out as both `aspectRatio` and `resolution` (each model uses what it knows and warns
 * about the rest); a last frame goes out as `frameImages`, a first frame alone as `image`;
 * `providerOptions` (already validated) go under the model's provider key, with the negative
 * prompt as `negativePrompt` there (the spec has no field for it); the idempotency key core minted
 * goes out as the `idempotency-key` header, the one the AI SDK sends itself.
 */
export function toCallOptions(
  request: ResolvedRequest,
  providerKey: string,
  signal: AbortSignal,
): VideoModelV4CallOptions {
  const size = Array.isArray(request.model.sizes)
    ? request.model.sizes.find((s) => s.width === request.width && s.height === request.height)
    : undefined;
  const frameImages: VideoModelV4FrameImage[] = [];
  if (request.lastFrame) {
    if (request.firstFrame) frameImages.push({ image: toFile(request.firstFrame), frameType: 'first_frame' });
    frameImages.push({ image: toFile(request.lastFrame), frameType: 'last_frame' });
  }
  const vendorOptions: Record<string, unknown> = { ...request.providerOptions };
  if (request.negativePrompt !== undefined) vendorOptions.negativePrompt = request.negativePrompt;
  return {
    prompt: request.prompt,
    n: 1,
    aspectRatio: aspectRatioOf(request.width, request.height, size?.label),
    resolution: `${request.width}x${request.height}`,
    duration: request.durationSeconds,
    fps: request.fps,
    seed: request.seed,
    image: request.firstFrame ? toFile(request.firstFrame) : undefined,
    frameImages: frameImages.length > 0 ? frameImages : undefined,
    inputReferences: request.referenceImages.length > 0 ? request.referenceImages.map(toFile) : undefined,
    generateAudio: request.audio,
    providerOptions:
      Object.keys(vendorOptions).length > 0 ? { [providerKey]: vendorOptions as JSONObject } : {},
    abortSignal: signal,
    headers: { 'idempotency-key': request.idempotencyKey },
  };
}
