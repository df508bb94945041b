import {
  ApiRequestError,
  AuthenticationError,
  ContentPolicyError,
  GenerationFailedError,
  type JobRef,
  type JobStatus,
  parseRetryAfter,
  RateLimitError,
  type ResolvedRequest,
} from '@video-gen/core';

/** The Acme task as its API returns it. */
export interface AcmeTask {
  id: string;
  status: 'queued' | 'rendering' | 'done' | 'blocked' | 'error';
  progress?: number;
  video_url?: string;
  reason?: string;
}

/** The JSON body Acme's `POST /v1/videos` takes. */
export function toAcmeBody(request: ResolvedRequest): Record<string, unknown> {
  const image = request.firstFrame;
  return {
    prompt: request.prompt,
    size: `${request.width}x${request.height}`,
    seconds: request.durationSeconds,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
    ...(image?.kind === 'bytes'
      ? { first_frame: `data:${image.mediaType};base64,${Buffer.from(image.bytes).toString('base64')}` }
      : image?.kind === 'url'
        ? { first_frame: image.url }
        : {}),
  };
}

/** Acme's task states in core's terms. */
export function toJobStatus(task: AcmeTask, job: JobRef): JobStatus {
  switch (task.status) {
    case 'queued':
      return { state: 'queued' };
    case 'rendering':
      return { state: 'running', ...(task.progress === undefined ? {} : { progress: task.progress }) };
    case 'done':
      return { state: 'succeeded' };
    case 'blocked':
      return {
        state: 'failed',
        error: new ContentPolicyError(`Acme refused the prompt: ${task.reason}`, { provider: 'acme', job }),
      };
    default:
      return {
        state: 'failed',
        error: new GenerationFailedError(`Acme failed: ${task.reason}`, { provider: 'acme', job }),
      };
  }
}

/** An Acme error response as one of core's errors. */
export async function toAcmeError(response: Response): Promise<Error> {
  const body = await response.text();
  const options = { status: response.status, provider: 'acme', body };
  if (response.status === 401 || response.status === 403)
    return new AuthenticationError('Acme refused the API key (ACME_API_KEY).', options);
  if (response.status === 429)
    return new RateLimitError('Acme rate limit', {
      ...options,
      retryAfterMs: parseRetryAfter(response.headers),
    });
  return new ApiRequestError(`Acme answered ${response.status}`, options);
}
