import { ConfigurationError } from '@video-gen/core';

/** The OAuth 2.0 endpoints of the login; Google's by default, a loopback server's in tests. */
export interface GoogleOAuthEndpoints {
  /** The consent page. Default `https://accounts.google.com/o/oauth2/v2/auth`. */
  readonly authUrl: string;
  /** The token endpoint (code exchange and refresh). Default `https://oauth2.googleapis.com/token`. */
  readonly tokenUrl: string;
  /** The revocation endpoint. Default `https://oauth2.googleapis.com/revoke`. */
  readonly revokeUrl: string;
}

/** The OAuth client of an installed ("Desktop app") application, from the Google Cloud console. */
export interface GoogleOAuthClient {
  readonly clientId: string;
  /** Google issues installed apps a client secret that is not confidential; it is still never logged. */
  readonly clientSecret: string;
}

/** What `video-gen login google` and the cached credential need; every field may come from the environment. */
export interface GoogleOAuthOptions {
  /** Default `VIDEO_GEN_GOOGLE_CLIENT_ID`. */
  readonly clientId?: string | undefined;
  /** Default `VIDEO_GEN_GOOGLE_CLIENT_SECRET`. */
  readonly clientSecret?: string | undefined;
  /** Default: `VIDEO_GEN_GOOGLE_AUTH_URL`, `VIDEO_GEN_GOOGLE_TOKEN_URL`, `VIDEO_GEN_GOOGLE_REVOKE_URL`, else Google's. */
  readonly endpoints?: Partial<GoogleOAuthEndpoints> | undefined;
  /** The environment to read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The scope Vertex AI needs. */
export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export const GOOGLE_ENDPOINTS: GoogleOAuthEndpoints = {
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
};

/** The endpoints: options, then the environment, then Google's. */
export function oauthEndpoints(options: GoogleOAuthOptions = {}): GoogleOAuthEndpoints {
  const env = options.env ?? process.env;
  const pick = (field: keyof GoogleOAuthEndpoints, variable: string) => {
    const value = options.endpoints?.[field] ?? env[variable]?.trim();
    return value || GOOGLE_ENDPOINTS[field];
  };
  return {
    authUrl: pick('authUrl', 'VIDEO_GEN_GOOGLE_AUTH_URL'),
    tokenUrl: pick('tokenUrl', 'VIDEO_GEN_GOOGLE_TOKEN_URL'),
    revokeUrl: pick('revokeUrl', 'VIDEO_GEN_GOOGLE_REVOKE_URL'),
  };
}

/**
 * The OAuth client: options, then `VIDEO_GEN_GOOGLE_CLIENT_ID` / `VIDEO_GEN_GOOGLE_CLIENT_SECRET`.
 * video-gen ships no client of its own: the user creates a "Desktop app" OAuth client in their
 * Google Cloud project and supplies it.
 */
export function oauthClient(options: GoogleOAuthOptions = {}): GoogleOAuthClient {
  const env = options.env ?? process.env;
  const clientId = options.clientId ?? env.VIDEO_GEN_GOOGLE_CLIENT_ID?.trim();
  const clientSecret = options.clientSecret ?? env.VIDEO_GEN_GOOGLE_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) {
    throw new ConfigurationError(
      'Google login needs an OAuth client of type "Desktop app" from your Google Cloud project (APIs & Services → Credentials): set VIDEO_GEN_GOOGLE_CLIENT_ID and VIDEO_GEN_GOOGLE_CLIENT_SECRET, or pass --client-id and --client-secret.',
      { provider: 'veo3', variables: ['VIDEO_GEN_GOOGLE_CLIENT_ID', 'VIDEO_GEN_GOOGLE_CLIENT_SECRET'] },
    );
  }
  return { clientId, clientSecret };
}
