import { AuthenticationError, getLibraryLogger, registerSecret } from '@video-gen/core';
import type { Credentials } from 'google-auth-library';
import { readGoogleLogin, type StoredGoogleLogin, writeGoogleLogin } from './google-token-file.js';
import { createOAuth2Client, oauthFailure } from './oauth-client.js';

/** Refresh a little before the expiry, so a token does not run out mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

const LOGIN_HINT =
  'Run `video-gen login google` again (or use another credential: see docs/providers/veo3.md).';

/**
 * A token source over the cached `video-gen login google` credential (internal): the cached access
 * token while it is valid, else a refresh through the token endpoint it came from, written back to
 * the cache. A revoked or expired refresh token is an {@link AuthenticationError} with the login hint.
 */
export function googleLoginTokenSource(file: string, now: () => number = Date.now): () => Promise<string> {
  let current: StoredGoogleLogin | undefined;
  let refreshing: Promise<string> | undefined;
  return async () => {
    current ??= await readGoogleLogin(file);
    if (!current) {
      throw new AuthenticationError(`veo3: the Google login cached in ${file} is gone. ${LOGIN_HINT}`, {
        provider: 'veo3',
      });
    }
    if (current.access_token && (current.expiry_date ?? 0) - EXPIRY_MARGIN_MS > now())
      return current.access_token;
    refreshing ??= refresh(file, current).then(
      (next) => {
        current = next;
        refreshing = undefined;
        return next.access_token as string;
      },
      (error: unknown) => {
        refreshing = undefined;
        throw error;
      },
    );
    return refreshing;
  };
}

async function refresh(file: string, login: StoredGoogleLogin): Promise<StoredGoogleLogin> {
  const oauth = await createOAuth2Client(
    { clientId: login.client_id, clientSecret: login.client_secret },
    { tokenUrl: login.token_url },
  );
  oauth.setCredentials({ refresh_token: login.refresh_token });
  let credentials: Credentials;
  try {
    ({ credentials } = await oauth.refreshAccessToken());
  } catch (error) {
    const failure = oauthFailure(error);
    const revoked = failure.error === 'invalid_grant' || failure.status === 400 || failure.status === 401;
    throw new AuthenticationError(
      revoked
        ? `veo3: the Google login has expired or was revoked. ${LOGIN_HINT}`
        : `veo3: could not refresh the Google login (${failure.status ? `HTTP ${failure.status}` : 'no answer'}). ${LOGIN_HINT}`,
      { provider: 'veo3', status: failure.status, cause: error },
    );
  }
  if (!credentials.access_token) {
    throw new AuthenticationError(`veo3: the Google token endpoint returned no access token. ${LOGIN_HINT}`, {
      provider: 'veo3',
    });
  }
  registerSecret(credentials.access_token);
  const next: StoredGoogleLogin = {
    ...login,
    access_token: credentials.access_token,
    ...(typeof credentials.expiry_date === 'number' ? { expiry_date: credentials.expiry_date } : {}),
    // Google may rotate the refresh token.
    ...(credentials.refresh_token ? { refresh_token: credentials.refresh_token } : {}),
  };
  await writeGoogleLogin(file, next).catch((error: unknown) => {
    getLibraryLogger().warn('could not update the cached Google login', { file, error: String(error) });
  });
  return next;
}
