import { AuthenticationError, ConfigurationError } from '@video-gen/core';
import { toVideosApiError, type VideosApiCall, vendorErrorBody } from '@video-gen/provider-sora/videos-api';
import { APIError } from 'openai';

/** What the Azure error messages name. */
export interface AzureErrorContext {
  readonly deployment: string;
  readonly baseURL: string;
  readonly credential: 'api-key' | 'entra';
}

/**
 * Azure-specific error mapping, tried before the shared Videos API one: 404 `DeploymentNotFound`
 * → a ConfigurationError naming the deployment that was used and `AZURE_OPENAI_DEPLOYMENT`;
 * 401/403 → an AuthenticationError that says which credential to check. Other errors: `undefined`.
 */
export function azureSoraError(error: unknown, call: VideosApiCall, context: AzureErrorContext): unknown {
  if (!(error instanceof APIError) || error.status === undefined) return undefined;
  const { code } = vendorErrorBody(error);
  if (error.status === 404 && code === 'DeploymentNotFound') {
    return new ConfigurationError(
      `${call.label} ${call.operation}: the resource at ${context.baseURL} has no deployment named "${context.deployment}" (404 DeploymentNotFound). ` +
        'Set AZURE_OPENAI_DEPLOYMENT (or the deployment option) to the name of your Sora 2 deployment, as shown in Azure AI Foundry; a new deployment can take a few minutes to appear.',
      { provider: call.provider, variables: ['AZURE_OPENAI_DEPLOYMENT'], cause: error },
    );
  }
  if (error.status === 401 || error.status === 403) {
    const mapped = toVideosApiError(error, call) as AuthenticationError;
    const hint =
      context.credential === 'api-key'
        ? 'Check AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT belong to the same resource.'
        : "Check the Entra token's scope (https://cognitiveservices.azure.com/.default) and that the identity has the Cognitive Services OpenAI User role on the resource.";
    return new AuthenticationError(`${mapped.message} ${hint}`, {
      provider: call.provider,
      status: mapped.status,
      requestId: mapped.requestId,
      body: mapped.body,
      code: mapped.code,
      cause: error,
    });
  }
  return undefined;
}
