import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import {
  type GenerateVideoOptions,
  generateVideo,
  type ResolvedRequest,
  VideoGenError,
  type VideoProvider,
} from '@video-gen/core';

/** Thrown by the stand-in provider's `check()`: core's validation got to the end. */
class PreflightPassed extends Error {
  constructor(readonly request: ResolvedRequest) {
    super('preflight passed');
  }
}

/**
 * A copy of `provider` whose `check()` runs the real one, then stops the call. core runs `check()`
 * last in its validation, after loading the images and before writing anything or submitting.
 */
function stoppingProvider(provider: VideoProvider): VideoProvider {
  const refuse = (): never => {
    throw new VideoGenError('A preflight never submits.', 'preflight_submit');
  };
  return {
    id: provider.id,
    models: provider.models,
    ...(provider.parseProviderOptions
      ? { parseProviderOptions: (options: unknown) => provider.parseProviderOptions!(options) }
      : {}),
    check(request) {
      provider.check?.(request);
      throw new PreflightPassed(request);
    },
    submit: refuse,
    status: refuse,
    download: refuse,
  };
}

/**
 * Validates one clip's request exactly as core's `generateVideo` would (model, settings, images,
 * provider options, the provider's own checks) without submitting or writing anything. Throws
 * core's errors unchanged.
 */
export async function preflightClip(
  options: GenerateVideoOptions,
  provider: VideoProvider,
): Promise<ResolvedRequest> {
  const { onProgress: _onProgress, outPath: _outPath, ...rest } = options;
  try {
    await generateVideo({
      ...rest,
      provider: stoppingProvider(provider),
      // Never created: validation stops before core writes anything.
      outPath: path.join(os.tmpdir(), `video-gen-preflight-${randomUUID()}.mp4`),
    });
  } catch (error) {
    if (error instanceof PreflightPassed) return error.request;
    throw error;
  }
  throw new VideoGenError('The preflight ran past validation.', 'preflight_failed');
}
