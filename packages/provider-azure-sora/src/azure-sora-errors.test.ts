import {
  ApiRequestError,
  AuthenticationError,
  ConfigurationError,
  ContentPolicyError,
  generateVideo,
  InsufficientCreditsError,
  RateLimitError,
} from '@video-gen/core';
import { azureSoraFaults, azureSoraHandlers } from '@video-gen/testing/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { context, FAST, outPath, request } from '../../provider-sora/src/test-support.js';
import type { AzureSoraConfig } from './azure-sora-config.js';
import { createAzureSora } from './azure-sora-provider.js';

const ENDPOINT = 'https://video-gen-test.openai.azure.com';
const KEY = 'azure-test-key';
const settings = { endpoint: ENDPOINT, apiKey: KEY, deployment: 'my-sora-2' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function submitError(
  options: Parameters<typeof azureSoraHandlers>[0],
  config: AzureSoraConfig = settings,
): Promise<Error> {
  const api = azureSoraHandlers(options);
  server.use(...api.handlers);
  return createAzureSora(config)
    .submit(request(), context())
    .then(
      () => {
        throw new Error('expected the submit to fail');
      },
      (error: Error) => error,
    );
}

describe('createAzureSora: error mapping', () => {
  it('maps 401 to an AuthenticationError that says to check the key, without quoting it', async () => {
    const error = await submitError({}, { ...settings, apiKey: 'wrong-azure-key-123456' });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, retryable: false, provider: 'azure-sora' });
    expect(error.message).toContain('Access denied due to invalid subscription key');
    expect(error.message).toContain('Check AZURE_OPENAI_API_KEY');
    expect(error.message).not.toContain('wrong-azure-key-123456');
  });

  it('maps 401 with an Entra token to an AuthenticationError about the token scope and role', async () => {
    const error = await submitError(
      { bearerToken: 'good-token' },
      { endpoint: ENDPOINT, deployment: 'my-sora-2', azureADTokenProvider: async () => 'expired-token' },
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('https://cognitiveservices.azure.com/.default');
    expect(error.message).not.toContain('expired-token');
  });

  it('maps 403 to an AuthenticationError about permission', async () => {
    const error = await submitError({ faults: [azureSoraFaults.forbidden()] });
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'permission_denied' });
    expect(error.message).toContain('PermissionDenied');
  });

  it('maps 404 DeploymentNotFound to a ConfigurationError naming the deployment used', async () => {
    const error = await submitError({ deployment: 'the-real-one' }, { ...settings, deployment: 'sora-typo' });
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"sora-typo"');
    expect(error.message).toContain('DeploymentNotFound');
    expect(error.message).toContain(`${ENDPOINT}/openai/v1`);
    expect((error as ConfigurationError).variables).toEqual(['AZURE_OPENAI_DEPLOYMENT']);
    expect(error.cause).toBeDefined();
  });

  it('throws the ConfigurationError for DeploymentNotFound from status too, but reports an unknown video as failed', async () => {
    const job = {
      provider: 'azure-sora',
      model: 'sora-2',
      id: 'video_gone',
      createdAt: new Date().toISOString(),
    };
    server.use(...azureSoraHandlers().handlers);
    const gone = await createAzureSora(settings).status(job, context());
    expect(gone.state).toBe('failed');
    expect((gone as { error: Error }).error.message).toContain('has no video video_gone (404)');

    server.use(...azureSoraHandlers({ faults: [azureSoraFaults.deploymentNotFound('retrieve')] }).handlers);
    const error = await createAzureSora(settings)
      .status(job, context())
      .catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"my-sora-2"');
  });

  it('maps 429 to a RateLimitError with retryAfterMs from retry-after-ms', async () => {
    const error = await submitError({ faults: [azureSoraFaults.rateLimited(3)] });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 3000, retryable: true });
    expect(error.message).toContain('exceeded call rate limit');
  });

  it('maps 429 insufficient_quota to a non-retryable InsufficientCreditsError', async () => {
    const error = await submitError({ faults: [azureSoraFaults.insufficientQuota()] });
    expect(InsufficientCreditsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, retryable: false });
  });

  it('maps 400 content_filter / innererror ResponsibleAIPolicyViolation to a ContentPolicyError', async () => {
    const error = await submitError({ faults: [azureSoraFaults.contentFilter()] });
    expect(ContentPolicyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false });
    expect(error.message).toContain('(content_filter, ResponsibleAIPolicyViolation)');
    expect((error as ContentPolicyError).body).toContain('"violence":{"filtered":true');
  });

  it('maps an innererror ResponsibleAIPolicyViolation alone to a ContentPolicyError', async () => {
    const error = await submitError({
      faults: [
        {
          on: 'create',
          status: 400,
          body: {
            error: {
              code: 'BadRequest',
              message: 'Filtered.',
              innererror: { code: 'ResponsibleAIPolicyViolation' },
            },
          },
        },
      ],
    });
    expect(ContentPolicyError.isInstance(error)).toBe(true);
  });

  it('maps 5xx to a retryable ApiRequestError with the Azure request id', async () => {
    const error = await submitError({ faults: [azureSoraFaults.serverError('create')] });
    expect(ApiRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect((error as ApiRequestError).requestId).toMatch(/^req_/);
    expect(error.message).toMatch(/\[request id req_[0-9a-f]+\]/);
  });

  it('retries a 429 through core and submits once more', async () => {
    const api = azureSoraHandlers({
      faults: [{ ...azureSoraFaults.rateLimited(0), headers: { 'retry-after-ms': '5' } }],
    });
    server.use(...api.handlers);
    const result = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: outPath(),
    });
    expect(result.bytes).toBeGreaterThan(0);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('refuses a DeploymentNotFound through generateVideo without retrying or keeping a journal', async () => {
    const api = azureSoraHandlers({ deployment: 'the-real-one' });
    server.use(...api.handlers);
    const out = outPath();
    const error = await generateVideo({
      ...FAST,
      provider: createAzureSora(settings),
      prompt: 'waves',
      outPath: out,
    }).catch((e: unknown) => e);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect(api.requests).toHaveLength(1);
  });
});
