import { ProviderNotFoundError } from '@video-gen/core';

/** What the CLI uses of provider-veo3's Google login (structural, so the CLI has no hard dependency on it). */
export interface Veo3LoginApi {
  loginWithGoogle(options: {
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    env?: Readonly<Record<string, string | undefined>>;
    signal?: AbortSignal;
    onAuthorizationUrl: (url: string) => void | Promise<void>;
  }): Promise<{ file: string; expiresAt: Date | undefined; scope: string | undefined }>;
  logoutFromGoogle(options: {
    env?: Readonly<Record<string, string | undefined>>;
  }): Promise<{ file: string; removed: boolean; revoked: boolean }>;
  veo3CredentialChoice(env: Readonly<Record<string, string | undefined>>): {
    kind: string;
    variable?: string;
    file?: string;
  };
}

const PACKAGE = '@video-gen/provider-veo3';

/** Imports provider-veo3's login functions; a missing package is a ProviderNotFoundError naming it. */
export async function loadVeo3Login(): Promise<Veo3LoginApi> {
  try {
    return (await import(PACKAGE)) as Veo3LoginApi;
  } catch (error) {
    throw new ProviderNotFoundError(
      `Google login lives in the Veo provider package, which could not be loaded. Install it: npm install ${PACKAGE}.`,
      { provider: 'veo3', packageName: PACKAGE, cause: error },
    );
  }
}
