import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** An input image is missing, unreadable, empty or of an unsupported type. Thrown before any paid call. */
export class InputFileError extends VideoGenError {
  static override readonly errorName: string = 'InputFileError';
  /** The file at fault. */
  readonly path: string;
  constructor(message: string, path: string, options: VideoGenErrorOptions & { code?: string } = {}) {
    super(message, options.code ?? 'input_file_invalid', options);
    this.path = path;
  }
}
