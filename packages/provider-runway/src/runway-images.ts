import { Buffer } from 'node:buffer';
import type { RunwayML } from '@runwayml/sdk';
import { toFile } from '@runwayml/sdk';
import type { LoadedImage } from '@video-gen/core';

/**
 * Runway's limit on an image given as a data URI: 5 MB of URI, counted as the encoded string
 * (base64 makes it about 4/3 of the file). Read conservatively as 5,000,000 characters; a larger
 * image goes through the uploads API instead.
 */
export const DATA_URI_MAX_LENGTH = 5_000_000;

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** The image as a data URI, when it fits Runway's limit. */
export function toDataUri(bytes: Uint8Array, mediaType: string): string | undefined {
  // base64 length is known before encoding: do not build a multi-megabyte string to throw away.
  const prefix = `data:${mediaType};base64,`;
  if (prefix.length + Math.ceil(bytes.byteLength / 3) * 4 > DATA_URI_MAX_LENGTH) return undefined;
  return prefix + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * What Runway takes as `promptImage` (or a `references` entry) for an image: an https URL as is, bytes as a data URI within
 * the 5 MB limit, larger bytes uploaded (`POST /v1/uploads`, then the multipart POST to the
 * presigned URL) and referred to by their `runway://` URI.
 */
export async function promptImageUri(
  image: LoadedImage,
  role: 'first' | 'last' | 'reference',
  client: RunwayML,
  signal: AbortSignal,
): Promise<string> {
  if (image.kind === 'url') return image.url;
  const inline = toDataUri(image.bytes, image.mediaType);
  if (inline !== undefined) return inline;
  const name = `${role === 'reference' ? 'reference-image' : `${role}-frame`}.${EXTENSIONS[image.mediaType] ?? 'png'}`;
  const file = await toFile(image.bytes, name, { type: image.mediaType });
  const { uri } = await client.uploads.createEphemeral({ file }, { signal });
  return uri;
}
