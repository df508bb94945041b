import { Buffer } from 'node:buffer';
import type { Experimental_VideoModelV4VideoData as VideoModelV4VideoData } from '@ai-sdk/provider';
import { DownloadError, type VideoSource } from '@video-gen/core';

/** Bytes decoded per chunk: a multiple of 3, so each base64 slice (4 characters per 3 bytes) stands alone. */
const CHUNK_BYTES = 3 * 64 * 1024;

function base64Length(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

/**
 * A stream over a base64 string that decodes one 192 KiB slice per pull: the string the model
 * already holds is the only full copy, the decoded video never is (core streams it to disk).
 */
function base64Stream(data: string): ReadableStream<Uint8Array> {
  const clean = /\s/.test(data) ? data.replace(/\s+/g, '') : data;
  const sliceChars = (CHUNK_BYTES / 3) * 4;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= clean.length) {
        controller.close();
        return;
      }
      const slice = clean.slice(offset, offset + sliceChars);
      offset += sliceChars;
      controller.enqueue(new Uint8Array(Buffer.from(slice, 'base64')));
    },
  });
}

/** A stream of views onto bytes the model already holds: no copy. */
function binaryStream(data: Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= data.byteLength) {
        controller.close();
        return;
      }
      controller.enqueue(data.subarray(offset, offset + CHUNK_BYTES));
      offset += CHUNK_BYTES;
    },
  });
}

/**
 * Where core reads a finished AI SDK video from: a `url` result is streamed by core's downloader
 * (URL policy, size cap, Range resume), `base64` and `binary` results are streamed from the model's
 * own copy in slices. A `gs://` URL (Vertex with `gcsOutputDirectory`) and an `uploaded` result
 * (delivered to the caller's storage) have nothing to download: a DownloadError says so.
 */
export function toVideoSource(video: VideoModelV4VideoData, provider: string): VideoSource {
  switch (video.type) {
    case 'url':
      if (!/^https?:\/\//i.test(video.url)) {
        throw new DownloadError(
          `${provider} delivered the video to ${video.url.split('/').slice(0, 3).join('/')}…, which video-gen cannot download; drop the storage-output option to receive the video itself.`,
          { provider, code: 'url_refused', retryable: false },
        );
      }
      return { type: 'url', url: video.url };
    case 'base64':
      return {
        type: 'stream',
        body: base64Stream(video.data),
        size: base64Length(video.data.replace(/\s+/g, '')),
        contentType: video.mediaType,
      };
    case 'binary':
      return {
        type: 'stream',
        body: binaryStream(video.data),
        size: video.data.byteLength,
        contentType: video.mediaType,
      };
    case 'uploaded':
      throw new DownloadError(
        `${provider} delivered the video to your own storage (an upload destination); there is nothing for video-gen to download.`,
        { provider, code: 'uploaded_elsewhere', retryable: false },
      );
  }
}
