import type { VideosApiFault, VideosApiOperation } from '../openai-sora/videos-api-fake.js';

/**
 * Azure OpenAI's error answers, to inject into the Azure Sora mocks
 * (`faults: [azureSoraFaults.contentFilter()]`).
 *
 * @example
 * ```ts
 * const mock = azureSoraHandlers({ faults: [azureSoraFaults.rateLimited(3)] });
 * ```
 */
export const azureSoraFaults = {
  /** 401: a bad key or token. */
  unauthorized: (on?: VideosApiOperation): VideosApiFault => ({
    ...(on ? { on } : {}),
    status: 401,
    body: {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    },
  }),
  /** 403: the identity has no access to the deployment (missing role assignment). */
  forbidden: (on: VideosApiOperation = 'create'): VideosApiFault => ({
    on,
    status: 403,
    body: {
      error: {
        code: 'PermissionDenied',
        message:
          'The principal lacks the required data action Microsoft.CognitiveServices/accounts/OpenAI/deployments/videos/action.',
      },
    },
  }),
  /** 429 with `retry-after` (seconds) and `retry-after-ms`, answered `times` times. */
  rateLimited: (retryAfterSeconds = 2, on: VideosApiOperation = 'create', times = 1): VideosApiFault => ({
    on,
    times,
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds), 'retry-after-ms': String(retryAfterSeconds * 1000) },
    body: {
      error: {
        code: '429',
        message: `Requests to the Videos_Create Operation under Azure OpenAI API have exceeded call rate limit of your current AIServices S0 pricing tier. Please retry after ${retryAfterSeconds} seconds.`,
      },
    },
  }),
  /** 429 `insufficient_quota`: the subscription's quota is used up; not retryable. */
  insufficientQuota: (on: VideosApiOperation = 'create'): VideosApiFault => ({
    on,
    status: 429,
    body: {
      error: {
        code: 'insufficient_quota',
        message: 'The subscription has exhausted its quota for this model. Request a quota increase.',
      },
    },
  }),
  /** 400 `content_filter` with `innererror.code: ResponsibleAIPolicyViolation`. */
  contentFilter: (): VideosApiFault => ({
    on: 'create',
    status: 400,
    body: {
      error: {
        code: 'content_filter',
        message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.",
        param: 'prompt',
        type: null,
        innererror: {
          code: 'ResponsibleAIPolicyViolation',
          content_filter_result: {
            hate: { filtered: false, severity: 'safe' },
            self_harm: { filtered: false, severity: 'safe' },
            sexual: { filtered: false, severity: 'safe' },
            violence: { filtered: true, severity: 'high' },
          },
        },
      },
    },
  }),
  /** 404 `DeploymentNotFound` (also what the mock answers when `model` names another deployment). */
  deploymentNotFound: (on: VideosApiOperation = 'create'): VideosApiFault => ({
    on,
    status: 404,
    body: {
      error: {
        code: 'DeploymentNotFound',
        message:
          'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
      },
    },
  }),
  /** 500, answered `times` times. */
  serverError: (on?: VideosApiOperation, times = 1): VideosApiFault => ({
    ...(on ? { on } : {}),
    times,
    status: 500,
    body: {
      error: {
        code: 'InternalServerError',
        message: 'The server had an error while processing your request.',
      },
    },
  }),
};
