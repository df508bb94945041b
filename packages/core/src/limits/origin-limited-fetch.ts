import { FairSemaphore, type Release } from './fair-semaphore.js';

/** The default cap on one provider's connections to one origin, in this process. */
export const DEFAULT_MAX_CONNECTIONS_PER_ORIGIN = 16;

// One pool per provider and origin for the whole process, shared by every copy of core.
const POOLS = Symbol.for('video-gen.origin-pools');

function poolFor(key: string, limit: number): FairSemaphore {
  const holder = globalThis as { [POOLS]?: Map<string, FairSemaphore> };
  holder[POOLS] ??= new Map();
  let pool = holder[POOLS].get(key);
  if (!pool) {
    pool = new FairSemaphore(limit);
    holder[POOLS].set(key, pool);
  } else {
    pool.setLimit(limit);
  }
  return pool;
}

function originOf(input: RequestInfo | URL): string | undefined {
  try {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

// A body nobody reads or cancels holds its connection until it is collected; so does its slot.
const unreadBodies =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<Release>((release) => release())
    : undefined;

/** The response, with a body that gives the slot back once it is read to the end, fails or is cancelled. */
function releasingOnEnd(response: Response, release: Release): Response {
  const body = response.body;
  if (!body) {
    release();
    return response;
  }
  const reader = body.getReader();
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await reader.read();
          if (chunk.done) {
            release();
            controller.close();
          } else {
            controller.enqueue(chunk.value);
          }
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const wrapped = new Response(stream, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // What a fresh Response cannot be given in its constructor, read by callers that follow redirects.
  Object.defineProperties(wrapped, {
    url: { value: response.url },
    redirected: { value: response.redirected },
    type: { value: response.type },
  });
  unreadBodies?.register(wrapped, release);
  return wrapped;
}

/**
 * Wraps `fetch` so that one provider (`scope`) has at most `limit()` requests open to any one
 * origin at a time, counting a request from its start until its response body has been read to the
 * end, failed or been cancelled (that is when its HTTP/1.1 connection is free again). Further
 * requests wait their turn, first come first served; a waiting request whose signal aborts leaves
 * the queue. Works over any fetch (Node, Bun, Deno, a test's), with no dependency. Internal.
 */
export function originLimitedFetch(
  fetch: typeof globalThis.fetch,
  scope: string,
  limit: () => number,
): typeof globalThis.fetch {
  return async (input, init) => {
    const origin = originOf(input);
    // An unparsable URL is fetch's to refuse, with its own error.
    if (origin === undefined) return fetch(input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const release = await poolFor(`${scope} ${origin}`, limit()).acquire(signal ?? undefined);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      release();
      throw error;
    }
    return releasingOnEnd(response, release);
  };
}
