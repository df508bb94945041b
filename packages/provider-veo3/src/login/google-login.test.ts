// `video-gen login google` end to end against a loopback authorisation server: consent, the code
// received on 127.0.0.1 and exchanged with PKCE, the owner-only cache, refresh on expiry, revocation
// (a typed AuthenticationError with the login hint), logout, and provider-veo3 using the cache.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuthenticationError, ConfigurationError, FileSystemError, generateVideo } from '@video-gen/core';
import {
  type GoogleOAuthLoopback,
  startGoogleOAuthLoopback,
  startGoogleVeoLoopbackServer,
} from '@video-gen/testing/loopback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVeo3 } from '../veo3-provider.js';
import { loginWithGoogle, logoutFromGoogle } from './google-login.js';
import { googleLoginTokenSource } from './google-login-token.js';
import { googleLoginFile } from './google-token-file.js';
import { veo3CredentialChoice } from './veo3-credential.js';

const CLIENT = { clientId: 'parity-client.apps.googleusercontent.com', clientSecret: 'GOCSPX-parity-secret' };

let oauth: GoogleOAuthLoopback;
let home: string;
let file: string;

/** The browser: follows the consent page's redirect to the loopback listener, as a user clicking Allow. */
const browser = async (url: string) => {
  await fetch(url, { redirect: 'follow' });
};

function loginOptions(onAuthorizationUrl: (url: string) => Promise<void> = browser) {
  return {
    ...CLIENT,
    endpoints: { authUrl: oauth.authUrl, tokenUrl: oauth.tokenUrl, revokeUrl: oauth.revokeUrl },
    env: { VIDEO_GEN_HOME: home },
    onAuthorizationUrl,
  };
}

beforeEach(async () => {
  oauth = await startGoogleOAuthLoopback(CLIENT);
  home = mkdtempSync(path.join(os.tmpdir(), 'video-gen-login-'));
  file = googleLoginFile({ VIDEO_GEN_HOME: home });
});
afterEach(async () => {
  await oauth.close();
  rmSync(home, { recursive: true, force: true });
});

describe('loginWithGoogle', () => {
  it('sends the installed-app consent request with a loopback redirect, state and PKCE (S256)', async () => {
    let consent: URL | undefined;
    await loginWithGoogle(
      loginOptions(async (url) => {
        consent = new URL(url);
        await browser(url);
      }),
    );
    expect(consent?.origin + (consent?.pathname ?? '')).toBe(oauth.authUrl);
    const query = Object.fromEntries(consent?.searchParams ?? []);
    expect(query).toMatchObject({
      client_id: CLIENT.clientId,
      response_type: 'code',
      access_type: 'offline',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      code_challenge_method: 'S256',
    });
    expect(query.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(query.state).toMatch(/^[0-9a-f]{32}$/);
    expect(query.code_challenge).toMatch(/^[\w-]{43}$/);
  });

  it('exchanges the code at the token endpoint and caches the login owner-only', async () => {
    const result = await loginWithGoogle(loginOptions());
    expect(result.file).toBe(file);
    const [exchange] = oauth.tokenCalls();
    expect(exchange).toMatchObject({
      grant_type: 'authorization_code',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });
    expect(exchange?.code).toMatch(/^4\/fake-code-/);
    expect(exchange?.code_verifier).toMatch(/^[\w.~-]{43,128}$/);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored).toMatchObject({
      type: 'authorized_user',
      client_id: CLIENT.clientId,
      refresh_token: oauth.issued.refresh[0],
      access_token: oauth.issued.access[0],
      token_url: oauth.tokenUrl,
    });
    expect(stored.expiry_date).toBeGreaterThan(Date.now());
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
  });

  it('refuses to write through a link where the credentials folder should be', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'video-gen-elsewhere-'));
    mkdirSync(path.dirname(path.dirname(file)), { recursive: true });
    symlinkSync(elsewhere, path.dirname(file));
    const error = await loginWithGoogle(loginOptions()).catch((caught: unknown) => caught);
    expect(FileSystemError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'unsafe_path' });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('needs a client id and secret, and says which variables to set, before listening', async () => {
    let asked = false;
    const error = await loginWithGoogle({
      env: {},
      onAuthorizationUrl: () => {
        asked = true;
      },
    }).catch((caught: unknown) => caught);
    expect(ConfigurationError.isInstance(error)).toBe(true);
    expect((error as ConfigurationError).variables).toEqual([
      'VIDEO_GEN_GOOGLE_CLIENT_ID',
      'VIDEO_GEN_GOOGLE_CLIENT_SECRET',
    ]);
    expect(asked).toBe(false);
  });

  it('reports a denied consent as an AuthenticationError and caches nothing', async () => {
    await oauth.close();
    oauth = await startGoogleOAuthLoopback({ ...CLIENT, consent: 'deny' });
    const error = await loginWithGoogle(loginOptions()).catch((caught: unknown) => caught);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('access_denied');
    expect(() => statSync(file)).toThrow();
  });
});

describe('the cached login as a token source', () => {
  it('uses the cached access token while it is valid, without calling the token endpoint', async () => {
    await loginWithGoogle(loginOptions());
    const token = await googleLoginTokenSource(file)();
    expect(token).toBe(oauth.issued.access[0]);
    expect(oauth.tokenCalls()).toHaveLength(1); // the exchange only
  });

  it('refreshes an expired token with the refresh token and writes the new one back', async () => {
    await loginWithGoogle(loginOptions());
    const later = () => Date.now() + 2 * 3600_000;
    const token = await googleLoginTokenSource(file, later)();
    expect(token).toBe(oauth.issued.access[1]);
    expect(oauth.tokenCalls()[1]).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: oauth.issued.refresh[0],
      client_id: CLIENT.clientId,
    });
    expect(JSON.parse(readFileSync(file, 'utf8')).access_token).toBe(oauth.issued.access[1]);
  });

  it('turns a revoked refresh token into an AuthenticationError with the login hint, never quoting it', async () => {
    await loginWithGoogle(loginOptions());
    const refresh = oauth.issued.refresh[0] as string;
    oauth.revoke(refresh);
    const error = await googleLoginTokenSource(file, () => Date.now() + 2 * 3600_000)().catch(
      (caught: unknown) => caught,
    );
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ provider: 'veo3', status: 400, retryable: false });
    expect((error as Error).message).toContain('expired or was revoked');
    expect((error as Error).message).toContain('video-gen login google');
    expect(JSON.stringify(error)).not.toContain(refresh);
    expect((error as Error).message).not.toContain(refresh);
  });
});

describe('logoutFromGoogle', () => {
  it('revokes the refresh token at the revoke endpoint and removes the cache', async () => {
    await loginWithGoogle(loginOptions());
    const result = await logoutFromGoogle({ env: { VIDEO_GEN_HOME: home } });
    expect(result).toEqual({ file, removed: true, revoked: true });
    const revoke = oauth.requests.find((request) => request.url.startsWith('/revoke'));
    expect(revoke?.method).toBe('POST');
    expect(new URL(revoke?.url ?? '', 'http://x').searchParams.get('token')).toBe(oauth.issued.refresh[0]);
    expect(() => statSync(file)).toThrow();
  });

  it('still removes the cache when the revoke endpoint is unreachable', async () => {
    await loginWithGoogle(loginOptions());
    await oauth.close();
    const result = await logoutFromGoogle({ env: { VIDEO_GEN_HOME: home } });
    expect(result).toMatchObject({ removed: true, revoked: false });
    oauth = await startGoogleOAuthLoopback(CLIENT); // for afterEach
  });

  it('reports that there was nothing to remove', async () => {
    expect(await logoutFromGoogle({ env: { VIDEO_GEN_HOME: home } })).toEqual({
      file,
      removed: false,
      revoked: false,
    });
  });
});

describe('provider-veo3 with the cached login', () => {
  const saved = { home: process.env.VIDEO_GEN_HOME, adc: process.env.GOOGLE_APPLICATION_CREDENTIALS };
  beforeEach(() => {
    process.env.VIDEO_GEN_HOME = home;
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
  });
  afterEach(() => {
    process.env.VIDEO_GEN_HOME = saved.home;
    if (saved.adc !== undefined) process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.adc;
  });

  it('is the credential doctor reports for a project with no key file', async () => {
    const env = { VIDEO_GEN_HOME: home, GOOGLE_CLOUD_PROJECT: 'p' };
    expect(veo3CredentialChoice(env)).toEqual({ kind: 'application-default' });
    await loginWithGoogle(loginOptions());
    expect(veo3CredentialChoice(env)).toEqual({ kind: 'google-login', file });
    expect(veo3CredentialChoice({ ...env, GOOGLE_APPLICATION_CREDENTIALS: '/k.json' })).toMatchObject({
      kind: 'key-file',
    });
    expect(veo3CredentialChoice({ VIDEO_GEN_HOME: home, GEMINI_API_KEY: 'k' })).toEqual({
      kind: 'api-key',
      variable: 'GEMINI_API_KEY',
    });
  });

  it('sends the cached access token to Vertex AI when no other credential is set', async () => {
    await loginWithGoogle(loginOptions());
    const token = oauth.issued.access[0] as string;
    const veo = await startGoogleVeoLoopbackServer({
      project: 'login-project',
      location: 'us-central1',
      accessToken: token,
      pollsBeforeDone: 1,
    });
    try {
      const out = path.join(home, 'clip.mp4');
      const result = await generateVideo({
        provider: createVeo3({ project: 'login-project', location: 'us-central1', baseURL: veo.url }),
        prompt: 'a paper boat',
        model: 'veo-3.1-fast-generate-001',
        durationSeconds: 4,
        outPath: out,
        ledger: false,
        poll: { initialIntervalMs: 5, maxIntervalMs: 20 },
      });
      expect(result.path).toBe(out);
      expect(veo.fake.requestsOf('submit')[0]?.headers.authorization).toBe(`Bearer ${token}`);
    } finally {
      await veo.close();
    }
  });

  it('fails a generation with the login hint once the login is revoked, before any submit', async () => {
    await loginWithGoogle(loginOptions());
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, expiry_date: Date.now() - 1000 }), { mode: 0o600 });
    oauth.revoke(stored.refresh_token);
    const veo = await startGoogleVeoLoopbackServer({
      project: 'p',
      location: 'us-central1',
      accessToken: 'x',
    });
    try {
      const error = await generateVideo({
        provider: createVeo3({ project: 'p', location: 'us-central1', baseURL: veo.url }),
        prompt: 'a paper boat',
        model: 'veo-3.1-fast-generate-001',
        durationSeconds: 4,
        outPath: path.join(home, 'never.mp4'),
        ledger: false,
        retry: { retries: 0 },
      }).catch((caught: unknown) => caught);
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('video-gen login google');
      expect(veo.fake.requestsOf('submit')).toHaveLength(0);
    } finally {
      await veo.close();
    }
  });
});
