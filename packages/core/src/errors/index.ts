export { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';
export { ConfigurationError } from './configuration-error.js';
export { ValidationError, OutputExistsError, type ValidationIssue } from './validation-error.js';
export { InputFileError } from './input-file-error.js';
export { ProviderNotFoundError } from './provider-not-found-error.js';
export {
  ApiRequestError,
  AuthenticationError,
  RateLimitError,
  InsufficientCreditsError,
  ContentPolicyError,
  isRetryableStatus,
  type ApiRequestErrorOptions,
} from './api-request-error.js';
export { GenerationFailedError, RetryExhaustedError, JobTimeoutError, CancelledError, DownloadError } from './job-errors.js';
