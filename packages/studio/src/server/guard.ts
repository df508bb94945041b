import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

/** Where the studio listens, known once the socket is bound. */
export interface StudioAddress {
  readonly token: string;
  port(): number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The cookie that carries the token after the first visit; per port, so two studios do not clash. */
export function cookieName(port: number): string {
  return `video_gen_studio_${port}`;
}

function refuse(status: 401 | 403, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * Every request carries the token (query `?token=`, header `X-Studio-Token`, or the cookie set on
 * the first visit), reads included: the ledger names files and prompts. The Host must be the
 * loopback address the studio listens on (no DNS rebinding); a request that changes state must
 * come from the page itself (its Origin); a request another site makes (Sec-Fetch-Site) is refused.
 */
export function guard(address: StudioAddress): MiddlewareHandler {
  return async (c, next) => {
    const port = address.port();
    const host = c.req.header('host');
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return refuse(403, 'Refused: the studio answers only on its loopback address.');
    }
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      return refuse(403, 'Refused: another site cannot use the studio.');
    }
    const fromQuery = c.req.query('token');
    const given = fromQuery ?? c.req.header('x-studio-token') ?? getCookie(c, cookieName(port));
    if (!sameToken(given, address.token)) {
      return refuse(
        401,
        'Refused: open the studio with the URL `video-gen studio` printed (it carries a token).',
      );
    }
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('origin') !== `http://${host}`) {
      return refuse(403, 'Refused: a change must come from the studio page itself (Origin).');
    }
    await next();
    if (fromQuery !== undefined) {
      // On the response itself: routes return plain Responses, which carry no context headers.
      c.res.headers.append(
        'set-cookie',
        `${cookieName(port)}=${address.token}; Path=/; HttpOnly; SameSite=Strict`,
      );
    }
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('x-frame-options', 'DENY');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    );
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  };
}
