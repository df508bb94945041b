import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** A provider's configuration is missing or invalid (an API key, an endpoint, ...). The message names the environment variable to set. */
export class ConfigurationError extends VideoGenError {
  static override readonly errorName: string = 'ConfigurationError';
  /** The environment variables that would fix the problem, when known. */
  readonly variables: readonly string[];
  constructor(message: string, options: VideoGenErrorOptions & { variables?: readonly string[] } = {}) {
    super(message, 'configuration_invalid', options);
    this.variables = options.variables ?? [];
  }
}
