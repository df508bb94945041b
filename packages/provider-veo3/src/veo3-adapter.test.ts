import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Stream, gcsMediaUrl } from './veo3-adapter.js';

async function collect(
  body: ReadableStream<Uint8Array>,
): Promise<{ bytes: Buffer; chunks: number; largest: number }> {
  const parts: Uint8Array[] = [];
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  return {
    bytes: Buffer.concat(parts),
    chunks: parts.length,
    largest: Math.max(0, ...parts.map((part) => part.byteLength)),
  };
}

describe('base64Stream', () => {
  it('decodes a large inline video in bounded chunks, with its exact size announced up front', async () => {
    const video = randomBytes(3 * 1024 * 1024 + 1); // not a multiple of 3: the base64 ends in padding
    const { body, size } = base64Stream(video.toString('base64'));
    expect(size).toBe(video.byteLength);
    const { bytes, chunks, largest } = await collect(body);
    expect(bytes.equals(video)).toBe(true);
    expect(chunks).toBeGreaterThan(10);
    expect(largest).toBeLessThanOrEqual(192 * 1024);
  });

  it('tolerates line breaks in the base64', async () => {
    const video = randomBytes(1000);
    const wrapped = video.toString('base64').replace(/(.{76})/g, '$1\n');
    const { body, size } = base64Stream(wrapped);
    expect(size).toBe(1000);
    expect((await collect(body)).bytes.equals(video)).toBe(true);
  });
});

describe('gcsMediaUrl', () => {
  it('maps gs://bucket/object to the Cloud Storage JSON API media URL, encoding the object name', () => {
    expect(gcsMediaUrl('gs://veo-out/runs/7/sample_0.mp4')).toBe(
      'https://storage.googleapis.com/download/storage/v1/b/veo-out/o/runs%2F7%2Fsample_0.mp4?alt=media',
    );
  });
});
