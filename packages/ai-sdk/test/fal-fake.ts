// An msw fake of fal's queue API as @ai-sdk/fal 3 calls it (dist/index.js, FalVideoModel):
// POST https://queue.fal.run/fal-ai/<model>[?fal_webhook=<url>] → { request_id, response_url, status_url, cancel_url }
// GET <response_url> → 400 { detail: 'Request is still in progress' } until done, then
// { video: { url, content_type, ... }, seed }; a failed request answers { error: { message, code } }
// (the SDK's falErrorDataSchema). The video itself is served from fal's CDN origin.
import { tinyMp4 } from '@video-gen/testing/loopback';
import { HttpResponse, http } from 'msw';

export const FAL_KEY = 'fal-test-key-0123456789abcdef';
export const FAL_QUEUE = 'https://queue.fal.run';
export const FAL_CDN = 'https://v3.fal.media';

/** How a fake request ends after its pending polls. */
export type FalOutcome =
  | { kind: 'video'; body?: () => ReadableStream<Uint8Array> | Uint8Array; size?: number }
  | { kind: 'failed'; status: number; message: string };

export interface FalFakeOptions {
  /** Result polls answered "still in progress" before the outcome. Default 2. */
  readonly pendingPolls?: number;
  readonly outcome?: FalOutcome;
  /** Result polls answered by a gateway's 502 (an HTML page) before anything else. Default 0. */
  readonly badGateways?: number;
}

export interface RecordedFalRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export function falFake(options: FalFakeOptions = {}) {
  const requests: RecordedFalRequest[] = [];
  const polls = new Map<string, number>();
  let next = 0;
  let gateways = 0;
  const outcome = options.outcome ?? { kind: 'video' };
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.text();
    requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body: text ? JSON.parse(text) : undefined,
    });
  };
  const handlers = [
    http.get(`${FAL_QUEUE}/fal-ai/*`, async ({ request }) => {
      await record(request);
      const match = /\/requests\/([^/?]+)$/.exec(new URL(request.url).pathname);
      if (!match?.[1] || !polls.has(match[1])) {
        return HttpResponse.json({ detail: 'Request not found' }, { status: 404 });
      }
      if (request.headers.get('authorization') !== `Key ${FAL_KEY}`) {
        return HttpResponse.json({ detail: 'Unauthorized' }, { status: 401 });
      }
      const id = match[1];
      if (gateways < (options.badGateways ?? 0)) {
        gateways += 1;
        return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'content-type': 'text/html' },
        });
      }
      const seen = polls.get(id) ?? 0;
      polls.set(id, seen + 1);
      if (seen < (options.pendingPolls ?? 2)) {
        return HttpResponse.json({ detail: 'Request is still in progress' }, { status: 400 });
      }
      if (outcome.kind === 'failed') {
        return HttpResponse.json(
          { error: { message: outcome.message, code: outcome.status } },
          { status: outcome.status },
        );
      }
      return HttpResponse.json({
        video: {
          url: `${FAL_CDN}/files/${id}/output.mp4`,
          content_type: 'video/mp4',
          width: 1280,
          height: 720,
          duration: 5,
          fps: 24,
        },
        seed: 42,
        timings: { inference: 31.2 },
        has_nsfw_concepts: [false],
      });
    }),
    http.post(`${FAL_QUEUE}/fal-ai/*`, async ({ request }) => {
      await record(request);
      if (request.headers.get('authorization') !== `Key ${FAL_KEY}`) {
        return HttpResponse.json({ detail: 'Unauthorized' }, { status: 401 });
      }
      const model = new URL(request.url).pathname.replace(/^\/fal-ai\//, '');
      next += 1;
      const id = `0f1e2d3c-0000-4000-8000-${String(next).padStart(12, '0')}`;
      polls.set(id, 0);
      const base = `${FAL_QUEUE}/fal-ai/${model}/requests/${id}`;
      return HttpResponse.json({
        status: 'IN_QUEUE',
        request_id: id,
        response_url: base,
        status_url: `${base}/status`,
        cancel_url: `${base}/cancel`,
        queue_position: 0,
      });
    }),
    http.get(`${FAL_CDN}/files/*`, ({ request }) => {
      void record(request);
      if (outcome.kind !== 'video') return new HttpResponse(null, { status: 404 });
      const body = outcome.body?.() ?? tinyMp4();
      const size = outcome.size ?? (body instanceof Uint8Array ? body.byteLength : undefined);
      return new HttpResponse(body as BodyInit, {
        headers: {
          'content-type': 'video/mp4',
          ...(size === undefined ? {} : { 'content-length': String(size) }),
        },
      });
    }),
  ];
  return {
    handlers,
    requests,
    submits: () => requests.filter((r) => r.method === 'POST'),
    polls: () => requests.filter((r) => r.method === 'GET' && r.url.startsWith(FAL_QUEUE)),
  };
}
