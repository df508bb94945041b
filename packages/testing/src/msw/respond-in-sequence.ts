/**
 * An msw resolver that answers successive requests with successive responses, repeating the
 * last one: the shape of a vendor job polled until done (queued, then running, then done).
 * Each entry is a function so every request gets a fresh `Response` (a body can be read once).
 *
 * @example
 * ```ts
 * import { http, HttpResponse } from 'msw';
 * import { respondInSequence } from '@video-gen/testing/msw';
 *
 * server.use(
 *   http.get('https://api.acme.example/v1/videos/:id', respondInSequence(
 *     () => HttpResponse.json({ status: 'queued' }),
 *     () => HttpResponse.json({ status: 'rendering', progress: 0.5 }),
 *     () => HttpResponse.json({ status: 'done', video_url: 'https://cdn.acme.example/v.mp4' }),
 *   )),
 * );
 * ```
 */
export function respondInSequence<TInfo>(
  ...responses: readonly ((info: TInfo) => Response | Promise<Response>)[]
): (info: TInfo) => Response | Promise<Response> {
  if (responses.length === 0) throw new TypeError('respondInSequence needs at least one response');
  let next = 0;
  return (info) => {
    const respond = responses[Math.min(next, responses.length - 1)]!;
    next++;
    return respond(info);
  };
}
