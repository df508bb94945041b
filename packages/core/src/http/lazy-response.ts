import type { ResponsePromise } from 'ky';
import type { HttpResponsePromise } from './http-client.js';

type BodyShortcut = 'json' | 'text' | 'arrayBuffer' | 'blob';

const ignore = () => {};

/**
 * An {@link HttpResponsePromise} for a request that goes out once ky has loaded. A body shortcut
 * called straight away (`client.get(url).json()`, the usual way) is handed on to ky's own as soon as
 * the request starts, so ky still sets the matching `Accept` header before sending, as it does
 * when it is loaded up front.
 */
export function lazyResponse(start: Promise<() => ResponsePromise>): HttpResponsePromise {
  let wanted: BodyShortcut | undefined;
  let started = false;
  const sent = start.then((send) => {
    started = true;
    const pending = send();
    return { pending, body: wanted === undefined ? undefined : pending[wanted]() };
  });
  // Resolves with the Response itself: `pending` is a thenable, so it is adopted.
  const response = sent.then(({ pending }) => pending) as HttpResponsePromise;
  const read = (type: BodyShortcut) => (): Promise<never> => {
    if (!started) wanted ??= type;
    // The caller reads the body; a failure reaches them through it, not as an unhandled rejection.
    response.catch(ignore);
    return sent.then(({ pending, body }) =>
      type === wanted && body !== undefined ? body : pending[type](),
    ) as Promise<never>;
  };
  return Object.assign(response, {
    json: read('json'),
    text: read('text'),
    arrayBuffer: read('arrayBuffer'),
    blob: read('blob'),
  });
}
