export {
  DEFAULT_MAX_DOWNLOAD_BYTES,
  type DownloadToFileOptions,
  type DownloadToFileResult,
  downloadToFile,
} from './download-to-file.js';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequestOptions,
  type HttpResponsePromise,
} from './http-client.js';
export { plainBodyText } from './plain-body-text.js';
export { parseRetryAfter } from './retry-after.js';
export { toApiError } from './to-api-error.js';
export { checkDownloadUrl, sameOrigin, type UrlPolicyOptions } from './url-policy.js';
