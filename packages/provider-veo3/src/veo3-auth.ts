import { existsSync } from 'node:fs';
import { ConfigurationError, registerSecret } from '@video-gen/core';
import { googleLoginTokenSource } from './login/google-login-token.js';
import { googleLoginFile } from './login/google-token-file.js';
import type { Veo3GoogleAuthOptions } from './veo3-config.js';

/** Returns a current OAuth access token for Google Cloud (internal). */
export type TokenSource = () => Promise<string>;

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * One token source for the SDK's calls and the Cloud Storage download, so both use the same
 * credentials, in this order: a fixed `accessToken`, a `getAccessToken` callback,
 * `googleAuthOptions`, a key file in `GOOGLE_APPLICATION_CREDENTIALS`, the login cached by
 * `video-gen login google`, then application default credentials through google-auth-library
 * (loaded only then, so tests and token users never touch the metadata server).
 */
export function tokenSource(config: {
  accessToken?: string | undefined;
  getAccessToken?: (() => Promise<string>) | undefined;
  googleAuthOptions?: Veo3GoogleAuthOptions | undefined;
}): TokenSource {
  if (config.accessToken) {
    const token = config.accessToken;
    registerSecret(token);
    return async () => token;
  }
  const callback = config.getAccessToken;
  if (callback) return async () => checkedToken(await callback());
  let auth: Promise<{ getAccessToken(): Promise<string | null | undefined> }> | undefined;
  let login: TokenSource | undefined;
  return async () => {
    // `video-gen login google`, when no other credential is set (explicit options, then a key file).
    if (!login && !config.googleAuthOptions && !process.env.GOOGLE_APPLICATION_CREDENTIALS?.trim()) {
      const file = googleLoginFile(process.env);
      if (existsSync(file)) login = googleLoginTokenSource(file);
    }
    if (login) return checkedToken(await login());
    auth ??= import('google-auth-library').then(
      ({ GoogleAuth }) => new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], ...config.googleAuthOptions }),
    );
    try {
      return checkedToken(await (await auth).getAccessToken());
    } catch (error) {
      if (ConfigurationError.isInstance(error)) throw error;
      throw new ConfigurationError(
        `veo3 configuration: could not get Google Cloud credentials for enterprise mode (${error instanceof Error ? error.message : String(error)}). Run \`gcloud auth application-default login\`, set GOOGLE_APPLICATION_CREDENTIALS to a service account key file, or pass { accessToken } / { getAccessToken }.`,
        { provider: 'veo3', variables: ['GOOGLE_APPLICATION_CREDENTIALS'], cause: error },
      );
    }
  };
}

function checkedToken(token: string | null | undefined): string {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ConfigurationError('veo3 configuration: the access token source returned no token.', {
      provider: 'veo3',
    });
  }
  registerSecret(token);
  return token;
}

/**
 * A google-auth-library `AuthClient` stand-in for the SDK (`googleAuthOptions.authClient`): the
 * SDK asks it for request headers, so it never builds its own GoogleAuth nor probes for ADC.
 * Only the two methods GoogleAuth calls are needed.
 */
export function sdkAuthClient(source: TokenSource): NonNullable<Veo3GoogleAuthOptions['authClient']> {
  const client = {
    async getRequestHeaders() {
      return new Headers({ authorization: `Bearer ${await source()}` });
    },
    async getAccessToken() {
      return { token: await source() };
    },
  };
  // Structural stand-in: GoogleAuth only calls these methods on a client it was given.
  return client as unknown as NonNullable<Veo3GoogleAuthOptions['authClient']>;
}
