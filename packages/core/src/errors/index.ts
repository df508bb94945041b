export {
  ApiRequestError,
  type ApiRequestErrorOptions,
  AuthenticationError,
  ContentPolicyError,
  InsufficientCreditsError,
  isRetryableStatus,
  RateLimitError,
} from './api-request-error.js';
export { ConfigurationError } from './configuration-error.js';
export { FileSystemError, type FileSystemErrorCode } from './file-system-error.js';
export { InputFileError } from './input-file-error.js';
export {
  CancelledError,
  DownloadError,
  GenerationFailedError,
  JobTimeoutError,
  RetryExhaustedError,
} from './job-errors.js';
export { ProviderNotFoundError } from './provider-not-found-error.js';
export { OutputExistsError, ValidationError, type ValidationIssue } from './validation-error.js';
export { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';
