import { randomBytes } from 'node:crypto';
import { AuthenticationError, registerSecret } from '@video-gen/core';
import type { Credentials } from 'google-auth-library';
import {
  CLOUD_PLATFORM_SCOPE,
  type GoogleOAuthOptions,
  oauthClient,
  oauthEndpoints,
} from './google-oauth-settings.js';
import {
  googleLoginFile,
  readGoogleLogin,
  removeGoogleLogin,
  writeGoogleLogin,
} from './google-token-file.js';
import { startLoopbackRedirect } from './loopback-redirect.js';
import { createOAuth2Client, oauthFailure } from './oauth-client.js';

/** Options of {@link loginWithGoogle}. */
export interface GoogleLoginOptions extends GoogleOAuthOptions {
  /** Receives the consent page's URL: print it, or open a browser on it. Called once. */
  readonly onAuthorizationUrl: (url: string) => void | Promise<void>;
  /** Stops waiting for the browser. */
  readonly signal?: AbortSignal | undefined;
  /** Where the login is cached. Default: `credentials/google.json` in the video-gen data folder. */
  readonly file?: string | undefined;
}

/** What a login stored. */
export interface GoogleLoginResult {
  /** The file holding the cached login (owner-only). */
  readonly file: string;
  /** When the current access token expires (it is refreshed on use after that). */
  readonly expiresAt: Date | undefined;
  /** The scopes granted. */
  readonly scope: string | undefined;
}

/**
 * `video-gen login google`: the OAuth 2.0 installed-app flow with a loopback redirect and PKCE.
 * Receives the code on `127.0.0.1`, exchanges it (google-auth-library) and caches the refresh
 * token owner-only (a `0600` file in a `0700` folder), where provider-veo3 finds it when no other
 * credential is set. Tokens are registered for redaction and never printed.
 *
 * @example
 * ```ts
 * await loginWithGoogle({ onAuthorizationUrl: (url) => console.log(`Open ${url}`) });
 * ```
 */
export async function loginWithGoogle(options: GoogleLoginOptions): Promise<GoogleLoginResult> {
  const client = oauthClient(options); // refused before anything listens or opens
  const endpoints = oauthEndpoints(options);
  const file = options.file ?? googleLoginFile(options.env ?? process.env);
  const state = randomBytes(16).toString('hex');
  const redirect = await startLoopbackRedirect(state, options.signal);
  try {
    const oauth = await createOAuth2Client(client, endpoints, redirect.redirectUri);
    const pkce = await oauth.generateCodeVerifierAsync();
    const url = oauth.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [CLOUD_PLATFORM_SCOPE],
      state,
      code_challenge: pkce.codeChallenge,
      code_challenge_method: 'S256' as NonNullable<
        Parameters<typeof oauth.generateAuthUrl>[0]
      >['code_challenge_method'],
    });
    await options.onAuthorizationUrl(url);
    const code = await redirect.code;
    let tokens: Credentials;
    try {
      ({ tokens } = await oauth.getToken({
        code,
        codeVerifier: pkce.codeVerifier,
        redirect_uri: redirect.redirectUri,
      }));
    } catch (error) {
      const failure = oauthFailure(error);
      throw new AuthenticationError(
        `Google refused the authorisation code${failure.error ? ` (${failure.error})` : ''}. Run \`video-gen login google\` again.`,
        { provider: 'veo3', status: failure.status, cause: error },
      );
    }
    if (!tokens.refresh_token) {
      throw new AuthenticationError(
        'Google returned no refresh token, so the login could not be kept. Remove video-gen from https://myaccount.google.com/permissions and run `video-gen login google` again.',
        { provider: 'veo3' },
      );
    }
    registerSecret(tokens.refresh_token);
    if (tokens.access_token) registerSecret(tokens.access_token);
    await writeGoogleLogin(file, {
      type: 'authorized_user',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      refresh_token: tokens.refresh_token,
      ...(tokens.access_token ? { access_token: tokens.access_token } : {}),
      ...(typeof tokens.expiry_date === 'number' ? { expiry_date: tokens.expiry_date } : {}),
      ...(tokens.scope ? { scope: tokens.scope } : {}),
      token_url: endpoints.tokenUrl,
      revoke_url: endpoints.revokeUrl,
    });
    return {
      file,
      expiresAt: typeof tokens.expiry_date === 'number' ? new Date(tokens.expiry_date) : undefined,
      scope: tokens.scope ?? undefined,
    };
  } finally {
    await redirect.close();
  }
}

/** What {@link logoutFromGoogle} did. */
export interface GoogleLogoutResult {
  readonly file: string;
  /** Whether a cached login was there and is now removed. */
  readonly removed: boolean;
  /** Whether Google confirmed the revocation; false when it was unreachable (the file is removed anyway). */
  readonly revoked: boolean;
}

/**
 * `video-gen logout google`: revokes the cached refresh token when the server is reachable, then
 * removes the cached login.
 *
 * @example
 * ```ts
 * const { removed, revoked } = await logoutFromGoogle();
 * ```
 */
export async function logoutFromGoogle(
  options: { file?: string | undefined; env?: Readonly<Record<string, string | undefined>> | undefined } = {},
): Promise<GoogleLogoutResult> {
  const file = options.file ?? googleLoginFile(options.env ?? process.env);
  const login = await readGoogleLogin(file);
  let revoked = false;
  if (login) {
    try {
      const oauth = await createOAuth2Client(
        { clientId: login.client_id, clientSecret: login.client_secret },
        { revokeUrl: login.revoke_url },
      );
      await oauth.revokeToken(login.refresh_token);
      revoked = true;
    } catch {
      // Unreachable, or already revoked: removing the file is what matters here.
    }
  }
  const removed = await removeGoogleLogin(file);
  return { file, removed, revoked };
}
