import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** No provider is registered under the id, and no first-party package for it is installed. */
export class ProviderNotFoundError extends VideoGenError {
  static override readonly errorName: string = 'ProviderNotFoundError';
  /** The package that provides this id, when it is a first-party provider. */
  readonly packageName: string | undefined;
  constructor(message: string, options: VideoGenErrorOptions & { packageName?: string } = {}) {
    super(message, 'provider_not_found', options);
    this.packageName = options.packageName;
  }
}
