import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test server saw. */
export interface SeenRequest {
  url: string;
  headers: IncomingMessage['headers'];
}

/** A real HTTP server on 127.0.0.1 and an ephemeral port, for tests only. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Every request, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a loopback server; `handler` answers each request. */
export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<LoopbackServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `size` deterministic bytes starting with an MP4 `ftyp` box header, so content can be compared. */
export function videoBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]).copy(bytes);
  return bytes;
}

/** Parses `bytes=N-` from a request's Range header. */
export function rangeStart(req: IncomingMessage): number | undefined {
  const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  return match ? Number(match[1]) : undefined;
}
