import type { OAuth2Client } from 'google-auth-library';
import type { GoogleOAuthClient, GoogleOAuthEndpoints } from './google-oauth-settings.js';

/** A google-auth-library OAuth2Client for these endpoints; the library is loaded only here. */
export async function createOAuth2Client(
  client: GoogleOAuthClient,
  endpoints: Partial<GoogleOAuthEndpoints>,
  redirectUri?: string,
): Promise<OAuth2Client> {
  const { OAuth2Client } = await import('google-auth-library');
  return new OAuth2Client({
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    ...(redirectUri === undefined ? {} : { redirectUri }),
    endpoints: {
      ...(endpoints.authUrl ? { oauth2AuthBaseUrl: endpoints.authUrl } : {}),
      ...(endpoints.tokenUrl ? { oauth2TokenUrl: endpoints.tokenUrl } : {}),
      ...(endpoints.revokeUrl ? { oauth2RevokeUrl: endpoints.revokeUrl } : {}),
    },
  });
}

/** The OAuth error code (`invalid_grant`, …) and HTTP status of a failed token call, when there are. */
export function oauthFailure(error: unknown): { status: number | undefined; error: string | undefined } {
  const response = (error as { response?: { status?: unknown; data?: unknown } } | null)?.response;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const data = response?.data as { error?: unknown } | undefined;
  return { status, error: typeof data?.error === 'string' ? data.error : undefined };
}
