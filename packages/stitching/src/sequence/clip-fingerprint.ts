import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageInput } from '@video-gen/core';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * How the manifest records an image: a URL as is; a file by its absolute path and content hash
 * (an image edited in place counts as a change); bytes by their hash.
 */
export async function imageIdentity(input: ImageInput): Promise<string> {
  if (input instanceof URL) return input.href;
  if (typeof input === 'string') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return input;
    const file = path.resolve(input);
    const content = await readFile(file).then(
      (bytes) => sha256(bytes),
      () => 'unreadable',
    );
    return `${file}#sha256:${content}`;
  }
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  return `sha256:${sha256(bytes)}`;
}

/** The settings shared by every clip, as the manifest records them. */
export interface RecordedSettings {
  /** `extend` for a sequence chained by native extension; absent for last-frame chaining. */
  readonly chain?: 'extend';
  readonly width: number | null;
  readonly height: number | null;
  readonly fps: number | null;
  readonly durationSeconds: number | null;
  readonly seed: number | null;
  readonly negativePrompt: string | null;
  readonly audio: boolean | null;
  readonly providerOptions: unknown;
  readonly frameFormat: string;
}

/** What a clip is made from, as the manifest records it. */
export interface ClipIdentity {
  readonly provider: string;
  readonly model: string;
  readonly prompt: string;
  readonly settings: RecordedSettings;
  readonly images: readonly string[];
  readonly referenceImages: readonly string[];
  readonly firstFrame: string | null;
}

/**
 * A hash of what a clip is made from, chained to the previous clip's: a clip made after a changed
 * clip is changed too, since it starts from that clip's last frame.
 */
export function clipFingerprint(identity: ClipIdentity, previous: string | null): string {
  return sha256(JSON.stringify({ ...identity, previous }));
}
