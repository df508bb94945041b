// Shared by the tests of provider-sora and provider-azure-sora (the same Videos API engine); not part of any build.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  GenerationSettings,
  LoadedImage,
  Logger,
  ProviderContext,
  ResolvedRequest,
} from '@video-gen/core';
import { solidPng } from '@video-gen/testing';
import { soraModels } from './sora-models.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A provider context with a silent logger and a fresh signal. */
export function context(signal: AbortSignal = new AbortController().signal): ProviderContext {
  return { signal, logger: silent, fetch: globalThis.fetch };
}

/** Short polls and retries, so lifecycle tests take milliseconds. */
export const FAST: GenerationSettings = {
  poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
  retry: { minDelayMs: 5, maxDelayMs: 20 },
  // Sora 2 is retired (2026-09-24): the lifecycle tests drive it through the documented opt-in.
  allowRetiredModels: true,
};

/** A fresh output path in a fresh temp folder. */
export function outPath(name = 'clip.mp4'): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'video-gen-sora-test-')), name);
}

/** A PNG as core hands it to a provider. */
export function pngImage(width: number, height: number): LoadedImage {
  return {
    kind: 'bytes',
    bytes: solidPng(width, height),
    mediaType: 'image/png',
    width,
    height,
    source: `solid-${width}x${height}.png`,
  };
}

/** A resolved request for sora-2, 1280x720, 4 s, unless overridden. */
export function request(overrides: Partial<ResolvedRequest> = {}): ResolvedRequest {
  return {
    prompt: 'A paper boat drifting down a rainy street',
    model: soraModels[0]!,
    width: 1280,
    height: 720,
    fps: 30,
    durationSeconds: 4,
    seed: undefined,
    negativePrompt: undefined,
    audio: undefined,
    firstFrame: undefined,
    lastFrame: undefined,
    referenceImages: [],
    providerOptions: {},
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** The width and height in a PNG's header. */
export function pngDimensions(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The 4 bytes at offset 4 of a file's content: `ftyp` for an MP4. */
export function boxType(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(4, 8)).toString('latin1');
}
