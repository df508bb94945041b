// `video-gen login google` / `logout google` / `doctor` end to end: the built CLI against a
// loopback authorisation server (endpoints from the environment), the user's browser played by a
// fetch of the printed URL.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type GoogleOAuthLoopback, startGoogleOAuthLoopback } from '@video-gen/testing/loopback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, finished, runCli, startCli, tempFolder } from './cli-harness.js';

const CLIENT = { clientId: 'cli-client.apps.googleusercontent.com', clientSecret: 'GOCSPX-cli-secret' };

let oauth: GoogleOAuthLoopback;
let folder: Awaited<ReturnType<typeof tempFolder>>;
let env: Record<string, string>;

beforeEach(async () => {
  oauth = await startGoogleOAuthLoopback(CLIENT);
  folder = await tempFolder();
  env = cleanEnv(folder.dir, {
    VIDEO_GEN_GOOGLE_CLIENT_ID: CLIENT.clientId,
    VIDEO_GEN_GOOGLE_CLIENT_SECRET: CLIENT.clientSecret,
    VIDEO_GEN_GOOGLE_AUTH_URL: oauth.authUrl,
    VIDEO_GEN_GOOGLE_TOKEN_URL: oauth.tokenUrl,
    VIDEO_GEN_GOOGLE_REVOKE_URL: oauth.revokeUrl,
  });
});
afterEach(async () => {
  await oauth.close();
  await folder.cleanup();
});

const cacheFile = () => path.join(env.VIDEO_GEN_HOME as string, 'credentials', 'google.json');

/** Runs `login google`, opening the printed URL as the browser would. */
async function login(extra: string[] = []) {
  const child = startCli(['login', 'google', ...extra], folder.dir, env);
  let opened = false;
  child.stderr?.on('data', (chunk: Buffer) => {
    const url = /(http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?\S+)/.exec(chunk.toString())?.[1];
    if (url && !opened) {
      opened = true;
      void fetch(url, { redirect: 'follow' });
    }
  });
  return finished(child);
}

describe('video-gen login google', () => {
  it('prints the consent URL, receives the code on 127.0.0.1 and caches the token owner-only, printing no token', async () => {
    const run = await login();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Open this page in a browser to log in to Google');
    expect(run.stdout).toContain(`cached in ${cacheFile()}`);
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8'));
    expect(stored.refresh_token).toBe(oauth.issued.refresh[0]);
    for (const token of [...oauth.issued.access, ...oauth.issued.refresh, CLIENT.clientSecret]) {
      expect(run.stdout + run.stderr).not.toContain(token);
    }
    if (process.platform !== 'win32') expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
  });

  it('refuses to start without an OAuth client, naming the variables (exit 3)', async () => {
    const { VIDEO_GEN_GOOGLE_CLIENT_ID: _id, VIDEO_GEN_GOOGLE_CLIENT_SECRET: _secret, ...rest } = env;
    const run = await runCli(['login', 'google'], folder.dir, rest);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('VIDEO_GEN_GOOGLE_CLIENT_ID');
    expect(run.stderr).not.toContain('Open this page');
  });

  it('refuses a service other than google as bad usage', async () => {
    const run = await runCli(['login', 'github'], folder.dir, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Allowed choices are google');
  });

  it('doctor shows that veo3 will use the cached login, and logout revokes and removes it', async () => {
    expect((await login()).code).toBe(0);
    const doctorEnv = { ...env, GOOGLE_CLOUD_PROJECT: 'cli-project' };
    const doctor = await runCli(['doctor', '--json'], folder.dir, doctorEnv);
    expect(JSON.parse(doctor.stdout).veo3Credential).toEqual({ kind: 'google-login', file: cacheFile() });
    const text = await runCli(['doctor'], folder.dir, doctorEnv);
    expect(text.stdout).toContain(
      `veo3 credential: the \`video-gen login google\` login cached in ${cacheFile()}`,
    );

    const logout = await runCli(['logout', 'google'], folder.dir, env);
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain('the token is revoked');
    expect(existsSync(cacheFile())).toBe(false);
    expect(oauth.requests.filter((request) => request.url.startsWith('/revoke'))).toHaveLength(1);

    const after = await runCli(['doctor', '--json'], folder.dir, doctorEnv);
    expect(JSON.parse(after.stdout).veo3Credential).toEqual({ kind: 'application-default' });
    expect((await runCli(['logout', 'google'], folder.dir, env)).stdout).toContain('nothing to remove');
  });
});
