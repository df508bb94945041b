import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  type LoopbackServer,
  type RecordedRequest,
  startLoopbackServer,
} from '../../loopback/start-loopback-server.js';

/** Options of {@link startGoogleOAuthLoopback}. */
export interface GoogleOAuthLoopbackOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Access tokens last this long, in seconds (Google: 3599). */
  readonly expiresInSeconds?: number;
  /** What the consent page does: redirect with a code (default) or with `error=access_denied`. */
  readonly consent?: 'grant' | 'deny';
}

/** A running fake of Google's OAuth 2.0 endpoints for installed apps. */
export interface GoogleOAuthLoopback extends LoopbackServer {
  readonly authUrl: string;
  readonly tokenUrl: string;
  readonly revokeUrl: string;
  /** Every token the server issued, in order (access tokens `ya29.…`, refresh tokens `1//…`). */
  readonly issued: { access: string[]; refresh: string[] };
  /** Revokes a refresh token as if the user removed the app's access in their Google account. */
  revoke(refreshToken: string): void;
  /** The form fields of each POST to the token endpoint. */
  tokenCalls(): Record<string, string>[];
}

/**
 * A loopback stand-in for accounts.google.com and oauth2.googleapis.com: the consent page
 * redirects straight to the `redirect_uri` (as if the user clicked Allow), the token endpoint
 * checks the client, the code, PKCE (S256) and the redirect URI exactly as Google does, and answers
 * in Google's shapes (`{ access_token, expires_in, refresh_token, scope, token_type }`, errors
 * `{ error: "invalid_grant", error_description }`); revoked refresh tokens are refused.
 */
export async function startGoogleOAuthLoopback(
  options: GoogleOAuthLoopbackOptions,
): Promise<GoogleOAuthLoopback> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const revoked = new Set<string>();
  const issued = { access: [] as string[], refresh: [] as string[] };
  let counter = 0;
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  const form = (request: RecordedRequest) =>
    Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
  const newAccessToken = () => {
    const token = `ya29.fake-access-${++counter}-${Math.random().toString(36).slice(2)}`;
    issued.access.push(token);
    return token;
  };
  const expiresIn = options.expiresInSeconds ?? 3599;

  const server = await startLoopbackServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/o/oauth2/v2/auth') {
      const query = url.searchParams;
      const redirect = new URL(query.get('redirect_uri') ?? '');
      const state = query.get('state') ?? '';
      if (query.get('client_id') !== options.clientId)
        return json(response, 400, { error: 'invalid_client' });
      if (options.consent === 'deny') {
        redirect.search = new URLSearchParams({ error: 'access_denied', state }).toString();
      } else {
        const code = `4/fake-code-${++counter}`;
        codes.set(code, { challenge: query.get('code_challenge') ?? '', redirectUri: redirect.toString() });
        redirect.search = new URLSearchParams({ code, scope: query.get('scope') ?? '', state }).toString();
      }
      response.writeHead(302, { location: redirect.toString() });
      response.end();
      return;
    }
    if (request.method === 'POST' && url.pathname === '/token') {
      const fields = form(request);
      if (fields.client_id !== options.clientId || fields.client_secret !== options.clientSecret) {
        return json(response, 401, {
          error: 'invalid_client',
          error_description: 'The OAuth client was not found.',
        });
      }
      if (fields.grant_type === 'authorization_code') {
        const grant = codes.get(fields.code ?? '');
        const verifier = createHash('sha256')
          .update(fields.code_verifier ?? '')
          .digest('base64url');
        if (!grant || grant.challenge !== verifier || grant.redirectUri !== fields.redirect_uri) {
          return json(response, 400, { error: 'invalid_grant', error_description: 'Bad Request' });
        }
        codes.delete(fields.code ?? '');
        const refresh = `1//fake-refresh-${++counter}`;
        refreshTokens.add(refresh);
        issued.refresh.push(refresh);
        return json(response, 200, {
          access_token: newAccessToken(),
          expires_in: expiresIn,
          refresh_token: refresh,
          scope: 'https://www.googleapis.com/auth/cloud-platform',
          token_type: 'Bearer',
        });
      }
      if (fields.grant_type === 'refresh_token') {
        const refresh = fields.refresh_token ?? '';
        if (!refreshTokens.has(refresh) || revoked.has(refresh)) {
          return json(response, 400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
        }
        return json(response, 200, {
          access_token: newAccessToken(),
          expires_in: expiresIn,
          scope: 'https://www.googleapis.com/auth/cloud-platform',
          token_type: 'Bearer',
        });
      }
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    if (request.method === 'POST' && url.pathname === '/revoke') {
      const token = form(request).token ?? url.searchParams.get('token') ?? '';
      if (!refreshTokens.has(token) || revoked.has(token))
        return json(response, 400, { error: 'invalid_token' });
      revoked.add(token);
      return json(response, 200, {});
    }
    json(response, 404, { error: 'not_found' });
  });
  return {
    ...server,
    url: server.url,
    requests: server.requests,
    close: () => server.close(),
    authUrl: `${server.url}/o/oauth2/v2/auth`,
    tokenUrl: `${server.url}/token`,
    revokeUrl: `${server.url}/revoke`,
    issued,
    revoke: (token) => revoked.add(token),
    tokenCalls: () =>
      server.requests
        .filter(
          (request) => request.method === 'POST' && new URL(request.url, 'http://x').pathname === '/token',
        )
        .map(form),
  };
}
