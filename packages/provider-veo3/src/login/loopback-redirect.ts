import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, CancelledError } from '@video-gen/core';

/** A one-shot HTTP server on 127.0.0.1 that receives the authorisation code (internal). */
export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/`: the redirect URI of the installed-app flow. */
  readonly redirectUri: string;
  /** Resolves the code of the first redirect whose `state` matches; rejects on a refusal. */
  readonly code: Promise<string>;
  close(): Promise<void>;
}

const PAGE = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>video-gen</title><p>${text}</p><p>You can close this tab.</p>`;

/** Listens on 127.0.0.1 (an ephemeral port) for the browser's redirect. */
export async function startLoopbackRedirect(state: string, signal?: AbortSignal): Promise<LoopbackRedirect> {
  let settle: { resolve(code: string): void; reject(error: unknown): void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A refusal can arrive while the caller is still opening the page; it is seen when awaited.
  code.catch(() => {});
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(PAGE(text));
    };
    // Anything else (a favicon, a stray request, a forged redirect) is answered and ignored.
    if (url.searchParams.get('state') !== state)
      return answer(400, 'This is not the video-gen login you started.');
    const refused = url.searchParams.get('error');
    if (refused) {
      answer(200, 'Login cancelled.');
      settle?.reject(
        new AuthenticationError(
          `Google login refused: ${refused.slice(0, 100)}. Run \`video-gen login google\` again.`,
          {
            provider: 'veo3',
          },
        ),
      );
      return;
    }
    const received = url.searchParams.get('code');
    if (!received) return answer(400, 'The redirect carried no authorisation code.');
    answer(200, 'video-gen is logged in to Google.');
    settle?.resolve(received);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const onAbort = () =>
    settle?.reject(
      new CancelledError('Google login cancelled before the browser came back.', { provider: 'veo3' }),
    );
  signal?.addEventListener('abort', onAbort, { once: true });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/`,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        signal?.removeEventListener('abort', onAbort);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
