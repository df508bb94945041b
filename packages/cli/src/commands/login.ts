import { readEnvironment } from '@video-gen/core';
import { loadVeo3Login } from '../backend/load-veo3-login.js';
import { ExitCode } from '../exit-codes.js';
import { writeJsonLine } from '../output/json-output.js';
import { reportError } from '../output/report-error.js';
import { openBrowser } from '../run/open-browser.js';

/** The flags of `video-gen login google`. */
export interface LoginFlags {
  readonly clientId?: string | undefined;
  readonly clientSecret?: string | undefined;
  readonly open?: boolean | undefined;
  readonly timeout?: number | undefined;
  readonly json?: boolean | undefined;
}

/**
 * `video-gen login google [--client-id id --client-secret secret] [--open]`: the browser OAuth
 * login for Veo on Vertex AI (the Python CLI's `--google-login`). Prints the consent URL, waits
 * for the redirect on 127.0.0.1, and caches the token owner-only. Never prints a token.
 */
export async function loginCommand(flags: LoginFlags): Promise<number> {
  try {
    const veo3 = await loadVeo3Login();
    const result = await veo3.loginWithGoogle({
      clientId: flags.clientId,
      clientSecret: flags.clientSecret,
      env: readEnvironment(),
      signal: AbortSignal.timeout((flags.timeout ?? 300) * 1000),
      onAuthorizationUrl: (url) => {
        process.stderr.write(`Open this page in a browser to log in to Google:\n\n  ${url}\n\n`);
        if (flags.open) openBrowser(url);
        process.stderr.write('Waiting for the browser to come back to 127.0.0.1 (Ctrl-C to stop)...\n');
      },
    });
    if (flags.json) {
      writeJsonLine({ ok: true, file: result.file, expiresAt: result.expiresAt?.toISOString() ?? null });
    } else {
      process.stdout.write(
        `Logged in to Google. The credential is cached in ${result.file} (readable by you only); the veo3 provider uses it when no other credential is set.\n`,
      );
    }
    return ExitCode.Success;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}

/** `video-gen logout google`: revokes the cached token when Google is reachable, and removes it. */
export async function logoutCommand(flags: { readonly json?: boolean | undefined }): Promise<number> {
  try {
    const veo3 = await loadVeo3Login();
    const result = await veo3.logoutFromGoogle({ env: readEnvironment() });
    if (flags.json) {
      writeJsonLine({ ok: true, ...result });
    } else if (!result.removed) {
      process.stdout.write('Not logged in to Google: nothing to remove.\n');
    } else {
      process.stdout.write(
        result.revoked
          ? `Logged out of Google: the token is revoked and ${result.file} removed.\n`
          : `Removed ${result.file}. Google could not be reached to revoke the token: remove video-gen's access at https://myaccount.google.com/permissions.\n`,
      );
    }
    return ExitCode.Success;
  } catch (error) {
    return reportError(error, { json: flags.json === true });
  }
}
