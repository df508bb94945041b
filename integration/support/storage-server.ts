// A signed-URL blob store on loopback (what Azure's content redirect or a CDN points at): serves one
// video with Range support, and can expire URLs or cut bodies, counting what it was asked.
import { type LoopbackServer, startLoopbackServer } from '@video-gen/testing/loopback';

export interface StorageServer {
  /** The URL of the video. */
  readonly videoUrl: string;
  readonly server: LoopbackServer;
  /** The Range headers of each request (undefined for none). */
  readonly ranges: (string | undefined)[];
  close(): Promise<void>;
}

export async function startStorageServer(
  video: Uint8Array,
  options: { expireFirst?: number; cutFirst?: number } = {},
): Promise<StorageServer> {
  let expired = 0;
  let cut = 0;
  const ranges: (string | undefined)[] = [];
  const server = await startLoopbackServer(async (request, response, raw) => {
    const range = request.headers.range as string | undefined;
    ranges.push(range);
    if (expired < (options.expireFirst ?? 0)) {
      expired++;
      response
        .writeHead(403, { 'content-type': 'application/xml' })
        .end(
          '<Error><Code>AuthenticationFailed</Code><Message>Signed expiry time has passed</Message></Error>',
        );
      return;
    }
    const match = range ? /^bytes=(\d+)-$/.exec(range) : null;
    const start = match ? Number(match[1]) : 0;
    const body = video.subarray(start);
    const headers: Record<string, string> = {
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'content-length': String(body.length),
      ...(match ? { 'content-range': `bytes ${start}-${video.length - 1}/${video.length}` } : {}),
    };
    response.writeHead(match ? 206 : 200, headers);
    if (cut < (options.cutFirst ?? 0)) {
      cut++;
      response.write(body.subarray(0, Math.floor(body.length / 2)));
      await new Promise((resolve) => setTimeout(resolve, 30));
      raw.socket.destroy();
      return;
    }
    response.end(body);
  });
  return {
    videoUrl: `${server.url}/blob/video.mp4?se=2099-01-01&sig=c2lnbmF0dXJl`,
    server,
    ranges,
    close: () => server.close(),
  };
}
