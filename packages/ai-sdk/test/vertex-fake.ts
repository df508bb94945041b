// An msw fake of Vertex AI's Veo long-running API as @ai-sdk/google-vertex 5 calls it in Express
// mode (dist/index.js, GoogleVertexVideoModel; base https://aiplatform.googleapis.com/v1/publishers/google,
// `x-goog-api-key`): POST models/<id>:predictLongRunning { instances, parameters } → { name };
// POST models/<id>:fetchPredictOperation { operationName } → { name, done?, error?, response? }.
import { tinyMp4 } from '@video-gen/testing/loopback';
import { HttpResponse, http } from 'msw';

export const VERTEX_KEY = 'vertex-express-test-key-0123456789';
export const VERTEX_BASE = 'https://aiplatform.googleapis.com/v1/publishers/google';

export type VertexOutcome =
  | { kind: 'video' }
  | { kind: 'failed'; code: number; message: string }
  | { kind: 'filtered'; reasons: string[] };

export interface RecordedVertexRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

export function vertexFake(options: { pendingPolls?: number; outcome?: VertexOutcome } = {}) {
  const requests: RecordedVertexRequest[] = [];
  const polls = new Map<string, number>();
  const outcome = options.outcome ?? { kind: 'video' };
  let next = 0;
  const handler = http.post(`${VERTEX_BASE}/models/*`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    requests.push({ url: request.url, headers: Object.fromEntries(request.headers.entries()), body });
    if (request.headers.get('x-goog-api-key') !== VERTEX_KEY) {
      return HttpResponse.json(
        {
          error: { code: 401, message: 'API keys are not supported by this API.', status: 'UNAUTHENTICATED' },
        },
        { status: 401 },
      );
    }
    const [model, method] = decodeURIComponent(
      new URL(request.url).pathname.split('/models/')[1] ?? '',
    ).split(':');
    if (method === 'predictLongRunning') {
      next += 1;
      const name = `projects/test-project/locations/us-central1/publishers/google/models/${model}/operations/0d9c8b7a-${next}`;
      polls.set(name, 0);
      return HttpResponse.json({ name });
    }
    const name = String(body.operationName);
    if (!polls.has(name)) {
      return HttpResponse.json(
        { error: { code: 404, message: `Operation ${name} not found.`, status: 'NOT_FOUND' } },
        { status: 404 },
      );
    }
    const seen = polls.get(name) ?? 0;
    polls.set(name, seen + 1);
    if (seen < (options.pendingPolls ?? 1)) return HttpResponse.json({ name });
    if (outcome.kind === 'failed') {
      return HttpResponse.json({ name, done: true, error: { code: outcome.code, message: outcome.message } });
    }
    const type = 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse';
    if (outcome.kind === 'filtered') {
      return HttpResponse.json({
        name,
        done: true,
        response: { '@type': type, raiMediaFilteredCount: 1, raiMediaFilteredReasons: outcome.reasons },
      });
    }
    return HttpResponse.json({
      name,
      done: true,
      response: {
        '@type': type,
        raiMediaFilteredCount: 0,
        videos: [{ bytesBase64Encoded: tinyMp4().toString('base64'), mimeType: 'video/mp4' }],
      },
    });
  });
  return {
    handlers: [handler],
    requests,
    submits: () => requests.filter((r) => r.url.endsWith(':predictLongRunning')),
    polls: () => requests.filter((r) => r.url.endsWith(':fetchPredictOperation')),
  };
}
