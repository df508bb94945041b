import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  type ImageMediaType,
  type LoadedImage,
  type ResolvedRequest,
  ValidationError,
  type ValidationIssue,
} from '@video-gen/core';
import { JOB_FILES, type JobInputFile, type JobRecord, jobFile } from './local-job.js';
import { buildRenderArgs, frameCount } from './render-args.js';
import { deriveScene } from './scene.js';

const EXTENSIONS: Readonly<Record<ImageMediaType, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

type BytesImage = Extract<LoadedImage, { kind: 'bytes' }>;

/**
 * Refuses what an offline renderer cannot do: image URLs (it fetches nothing) and reference
 * images (the model declares none, so core should already have refused them).
 *
 * @example
 * ```ts
 * assertOffline(request); // throws ValidationError for { firstFrame: { kind: 'url', ... } }
 * ```
 */
export function assertOffline(request: ResolvedRequest): void {
  const issues: ValidationIssue[] = (['firstFrame', 'lastFrame'] as const)
    .filter((field) => request[field]?.kind === 'url')
    .map((field) => ({
      field,
      message: `the local provider is offline and fetches nothing: pass ${field} as a file path or bytes, not a URL`,
    }));
  if (request.referenceImages.length > 0) {
    issues.push({ field: 'referenceImages', message: 'the local provider takes no reference images' });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `The local provider cannot take this request: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}.`,
      { provider: 'local', issues },
    );
  }
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** What `planJob` needs besides the request. */
export interface JobPlacement {
  readonly id: string;
  /** The job folder, as it will be once created. */
  readonly dir: string;
  readonly preset: string;
  readonly createdAt: Date;
  /** Epoch milliseconds when the render may start. */
  readonly startAfter: number;
}

/**
 * Turns a request into the job's record (with ffmpeg's arguments) and the image files to write
 * beside it. Call {@link assertOffline} first.
 *
 * @example
 * ```ts
 * const { record, files } = planJob(request, { id, dir, preset: 'veryfast', createdAt: new Date(), startAfter: Date.now() });
 * ```
 */
export function planJob(
  request: ResolvedRequest,
  placement: JobPlacement,
): { record: JobRecord; files: JobInputFile[] } {
  const files: JobInputFile[] = [];
  const place = (image: LoadedImage | undefined, role: 'first-frame' | 'last-frame') => {
    if (image === undefined) return undefined;
    const { bytes, mediaType } = image as BytesImage;
    const name = `${role}.${EXTENSIONS[mediaType]}`;
    files.push({ name, bytes });
    return path.join(placement.dir, name);
  };
  const firstFramePath = place(request.firstFrame, 'first-frame');
  const lastFramePath = place(request.lastFrame, 'last-frame');
  const audio = request.audio ?? false;
  const args = buildRenderArgs({
    scene: deriveScene(request.prompt, request.seed),
    width: request.width,
    height: request.height,
    fps: request.fps,
    durationSeconds: request.durationSeconds,
    audio,
    firstFramePath,
    lastFramePath,
    outputPath: jobFile(placement.dir, JOB_FILES.partial),
    progressPath: jobFile(placement.dir, JOB_FILES.progress),
    preset: placement.preset,
  });
  const imageHash = (image: LoadedImage | undefined) =>
    image === undefined ? null : sha256((image as BytesImage).bytes);
  const fingerprint = sha256(
    JSON.stringify([
      request.model.id,
      request.prompt,
      request.width,
      request.height,
      request.fps,
      request.durationSeconds,
      request.seed ?? null,
      audio,
      imageHash(request.firstFrame),
      imageHash(request.lastFrame),
    ]),
  );
  const record: JobRecord = {
    version: 1,
    id: placement.id,
    model: request.model.id,
    createdAt: placement.createdAt.toISOString(),
    startAfter: placement.startAfter,
    fingerprint,
    request: {
      prompt: request.prompt,
      width: request.width,
      height: request.height,
      fps: request.fps,
      durationSeconds: request.durationSeconds,
      seed: request.seed ?? null,
      audio,
      firstFrame: request.firstFrame?.source ?? null,
      lastFrame: request.lastFrame?.source ?? null,
    },
    frames: frameCount(request.fps, request.durationSeconds),
    args,
  };
  return { record, files };
}
