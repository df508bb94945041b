// Vertex AI's Veo long-running API (as in vertex-fake.ts) on a real loopback socket, for tests that
// span processes: https://aiplatform.googleapis.com is sent here by the processes' fetch.
import { type LoopbackServer, startLoopbackServer, tinyMp4 } from '@video-gen/testing/loopback';

export interface VertexLoopback {
  readonly server: LoopbackServer;
  /** `:predictLongRunning` calls received, from every process. */
  submits(): number;
  /** `:fetchPredictOperation` calls received. */
  polls(): number;
}

/** Operations stay not `done` for `pendingPolls` polls, then finish with a base64 video. */
export async function startVertexLoopback(key: string, pendingPolls: number): Promise<VertexLoopback> {
  const seen = new Map<string, number>();
  let next = 0;
  const server = await startLoopbackServer((request, response) => {
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers['x-goog-api-key'] !== key) {
      return json(401, { error: { code: 401, message: 'API key not valid.', status: 'UNAUTHENTICATED' } });
    }
    const [, method] = decodeURIComponent(request.url).split(':');
    if (method === 'predictLongRunning') {
      next += 1;
      const name = `projects/p/locations/us-central1/publishers/google/models/veo/operations/op-${next}`;
      seen.set(name, 0);
      return json(200, { name });
    }
    const { operationName } = JSON.parse(request.body.toString()) as { operationName: string };
    const count = seen.get(operationName);
    if (count === undefined)
      return json(404, { error: { code: 404, message: 'Operation not found.', status: 'NOT_FOUND' } });
    seen.set(operationName, count + 1);
    if (count < pendingPolls) return json(200, { name: operationName });
    return json(200, {
      name: operationName,
      done: true,
      response: { videos: [{ bytesBase64Encoded: tinyMp4().toString('base64'), mimeType: 'video/mp4' }] },
    });
  });
  const count = (suffix: string) => server.requests.filter((r) => r.url.endsWith(suffix)).length;
  return {
    server,
    submits: () => count(':predictLongRunning'),
    polls: () => count(':fetchPredictOperation'),
  };
}
