// msw handlers for the fictional Acme API, as a plugin author would write them for their vendor:
// a task answers queued, then rendering with progress, then done, over successive GETs.
import { tinyMp4 } from '@video-gen/testing/loopback';
import { HttpResponse, http } from 'msw';

export const ACME = 'https://api.acme.example';
export const ACME_CDN = 'https://cdn.acme.example';

export interface AcmeMock {
  /** Requests seen, in order: method, path, authorization header and JSON body. */
  readonly requests: { method: string; path: string; authorization: string | null; body: unknown }[];
  readonly handlers: ReturnType<typeof http.get>[];
}

export function acmeMock(options: { outcome?: 'done' | 'blocked' } = {}): AcmeMock {
  const requests: AcmeMock['requests'] = [];
  const polls = new Map<string, number>();
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'POST' ? await request.text() : '';
    requests.push({
      method: request.method,
      path: url.pathname,
      authorization: request.headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    });
  };
  const handlers = [
    http.post(`${ACME}/v1/videos`, async ({ request }) => {
      await record(request);
      if (request.headers.get('authorization') !== 'Bearer test-key') {
        return HttpResponse.json({ error: 'invalid api key' }, { status: 401 });
      }
      const id = `task-${request.headers.get('idempotency-key')?.slice(0, 8)}`;
      polls.set(id, 0);
      return HttpResponse.json({ id, status: 'queued' });
    }),
    http.get(`${ACME}/v1/videos/:id`, async ({ request, params }) => {
      await record(request);
      const id = String(params.id);
      if (!polls.has(id)) return HttpResponse.json({ error: 'no such task' }, { status: 404 });
      const count = (polls.get(id) ?? 0) + 1;
      polls.set(id, count);
      if (count === 1) return HttpResponse.json({ id, status: 'queued' });
      if (count === 2) return HttpResponse.json({ id, status: 'rendering', progress: 0.5 });
      if (options.outcome === 'blocked')
        return HttpResponse.json({ id, status: 'blocked', reason: 'unsafe prompt' });
      return HttpResponse.json({ id, status: 'done', video_url: `${ACME_CDN}/${id}.mp4?sig=abc` });
    }),
    http.delete(`${ACME}/v1/videos/:id`, async ({ request, params }) => {
      await record(request);
      polls.delete(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(
      `${ACME_CDN}/:file`,
      () => new HttpResponse(new Uint8Array(tinyMp4()), { headers: { 'content-type': 'video/mp4' } }),
    ),
  ];
  return { requests, handlers };
}
