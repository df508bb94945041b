import { DownloadError } from '../errors/index.js';

/** The DownloadErrors `downloadToFile` raises after the response arrived, by code. */
export type DownloadFailures = ReturnType<typeof downloadFailures>;

/** Builds the download's DownloadErrors for one provider, so every site words and flags them alike. */
export function downloadFailures(provider: string | undefined) {
  return {
    /** Over `maxBytes`: retrying cannot help, and the part file is deleted. */
    tooLarge: (size: number, maxBytes: number) =>
      new DownloadError(`The video is ${size} bytes, more than the ${maxBytes}-byte limit (maxBytes).`, {
        code: 'too_large',
        retryable: false,
        provider,
      }),
    /** Short of the expected size: the part file is kept, so a retry resumes it. */
    truncated: (bytes: number, expected: number) =>
      new DownloadError(`The video download ended after ${bytes} of ${expected} bytes.`, {
        code: 'truncated',
        retryable: true,
        provider,
      }),
    /** The sizes disagree in a way a retry would only repeat. */
    sizeMismatch: (detail: string) =>
      new DownloadError(`The downloaded video has the wrong size: ${detail}.`, {
        code: 'size_mismatch',
        retryable: false,
        provider,
      }),
    /** The server could not continue the part file; it is deleted so the retry starts clean. */
    rangeMismatch: (detail: string) =>
      new DownloadError(`Could not resume the video download: ${detail}. It will start over.`, {
        code: 'range_mismatch',
        retryable: true,
        provider,
      }),
  };
}
