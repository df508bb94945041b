import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A failure below HTTP status codes, injected by the loopback servers (not by msw):
 * - `reset`: the connection is reset before any answer (the fake does not see the request);
 * - `cut-body`: the answer starts (status, headers, a full `Content-Length`), then the connection is
 *   reset halfway through the body;
 * - `html`: a `200 text/html` error page instead of the answer (a proxy or CDN page);
 * - `slow-body`: the answer's body arrives in small pieces with a pause between them.
 */
export type TransportFaultKind = 'reset' | 'cut-body' | 'html' | 'slow-body';

/**
 * One transport fault: which call it hits (each vendor names its calls: the Videos API fakes use
 * `create`, `retrieve`, `content`, `storage`; Veo `submit`, `poll`, `download`; Runway `create`,
 * `task`, `output`) and how many times (default 1; `Infinity` for every call).
 *
 * @example
 * ```ts
 * const server = await startOpenAiSoraServer({ transportFaults: [{ on: 'content', kind: 'cut-body' }] });
 * ```
 */
export interface TransportFault<Operation extends string = string> {
  readonly on: Operation;
  readonly kind: TransportFaultKind;
  /** How many calls it hits before calls go through again. Default 1. */
  readonly times?: number;
  /** `slow-body`: the pause between pieces. Default 20 ms. */
  readonly chunkDelayMs?: number;
  /** `slow-body`: how many pieces. Default 8. */
  readonly chunks?: number;
}

/** An answer about to be sent: status, headers and the whole body. */
export interface LoopbackAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** Picks the fault (if any) for each call, counting uses. */
export interface TransportFaultPicker {
  /** The fault to apply to this call of `operation`, consuming one use. */
  take(operation: string | undefined): TransportFault | undefined;
}

/** Builds a picker over a list of faults (first unexhausted match wins). */
export function transportFaultPicker(faults: readonly TransportFault[] | undefined): TransportFaultPicker {
  const used = new Map<TransportFault, number>();
  return {
    take(operation) {
      if (operation === undefined) return undefined;
      for (const fault of faults ?? []) {
        if (fault.on !== operation) continue;
        const count = used.get(fault) ?? 0;
        if (count >= (fault.times ?? 1)) continue;
        used.set(fault, count + 1);
        return fault;
      }
      return undefined;
    },
  };
}

/** Resets the connection under a request (RST where the runtime can, else a plain destroy). */
export function resetConnection(raw: IncomingMessage): void {
  const socket = raw.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

const HTML_PAGE = new TextEncoder().encode(
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>The upstream answered with an error.</p></body></html>\n',
);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends an answer, with the fault applied when there is one (`reset` must be handled before the
 * fake is asked, with {@link resetConnection}).
 */
export async function sendAnswer(
  response: ServerResponse,
  raw: IncomingMessage,
  answer: LoopbackAnswer,
  fault: TransportFault | undefined,
): Promise<void> {
  const { status, headers, body } = answer;
  if (fault?.kind === 'html') {
    response
      .writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(HTML_PAGE.length),
      })
      .end(HTML_PAGE);
    return;
  }
  if (fault?.kind === 'cut-body' && body.length > 1) {
    response.writeHead(status, { ...headers, 'content-length': String(body.length) });
    response.write(body.subarray(0, Math.floor(body.length / 2)));
    // Let the first half reach the client before the reset.
    await wait(30);
    resetConnection(raw);
    return;
  }
  if (fault?.kind === 'slow-body' && body.length > 1) {
    const pieces = Math.max(1, Math.min(fault.chunks ?? 8, body.length));
    const size = Math.ceil(body.length / pieces);
    response.writeHead(status, { ...headers, 'content-length': String(body.length) });
    for (let offset = 0; offset < body.length; offset += size) {
      if (response.destroyed) return;
      response.write(body.subarray(offset, offset + size));
      await wait(fault.chunkDelayMs ?? 20);
    }
    response.end();
    return;
  }
  response.writeHead(status, { ...headers });
  response.end(body);
}
