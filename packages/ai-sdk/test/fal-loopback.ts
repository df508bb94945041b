// fal's queue API (as in fal-fake.ts) on a real loopback socket, for tests that span processes:
// every https://queue.fal.run and https://v3.fal.media URL is sent here by `rewritingFetch`.
import { type LoopbackServer, startLoopbackServer, tinyMp4 } from '@video-gen/testing/loopback';

export interface FalLoopback {
  readonly server: LoopbackServer;
  /** Queue submits (`POST /fal-ai/<model>`) received, from every process. */
  submits(): number;
  /** Result polls received. */
  polls(): number;
}

/** A fal queue whose requests stay pending for `pendingPolls` result polls, then finish with a video. */
export async function startFalLoopback(key: string, pendingPolls: number): Promise<FalLoopback> {
  const seen = new Map<string, number>();
  let next = 0;
  const server = await startLoopbackServer((request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url, 'http://loopback');
    if (url.pathname.startsWith('/files/')) {
      const video = tinyMp4();
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(video.length) });
      response.end(video);
      return;
    }
    if (request.headers.authorization !== `Key ${key}`) return json(401, { detail: 'Unauthorized' });
    const match = /^\/fal-ai\/(.+)\/requests\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'GET' && match?.[2]) {
      const count = seen.get(match[2]);
      if (count === undefined) return json(404, { detail: 'Request not found' });
      seen.set(match[2], count + 1);
      if (count < pendingPolls) return json(400, { detail: 'Request is still in progress' });
      return json(200, {
        video: { url: `https://v3.fal.media/files/${match[2]}/output.mp4`, content_type: 'video/mp4' },
        seed: 1,
      });
    }
    if (request.method === 'POST') {
      next += 1;
      const id = `c0ffee00-0000-4000-8000-${String(next).padStart(12, '0')}`;
      seen.set(id, 0);
      const base = `https://queue.fal.run${url.pathname}/requests/${id}`;
      return json(200, {
        status: 'IN_QUEUE',
        request_id: id,
        response_url: base,
        status_url: `${base}/status`,
      });
    }
    json(404, { detail: 'Not found' });
  });
  return {
    server,
    submits: () => server.requests.filter((r) => r.method === 'POST').length,
    polls: () => server.requests.filter((r) => r.method === 'GET' && r.url.includes('/requests/')).length,
  };
}
