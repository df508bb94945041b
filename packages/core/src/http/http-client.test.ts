import { describe, expect, it, vi } from 'vitest';
import { createHttpClient } from './http-client.js';
import { toApiError } from './to-api-error.js';

/** A fetch that records every request and answers with `answer`. */
function recordingFetch(answer: () => Response) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return answer();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createHttpClient (ky loaded on the first request)', () => {
  it('sends the request once ky has loaded, with the client headers, JSON body and query', async () => {
    const { fetch, requests } = recordingFetch(() => json({ id: 'job-1' }));
    const http = createHttpClient({
      fetch,
      headers: { authorization: 'Bearer k' },
      baseUrl: 'https://api.example.com/v1/',
    });
    const body = await http.post('jobs', { json: { prompt: 'waves' }, searchParams: { wait: 0 } }).json();
    expect(body).toEqual({ id: 'job-1' });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.example.com/v1/jobs?wait=0');
    expect(request?.headers.get('authorization')).toBe('Bearer k');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toEqual({ prompt: 'waves' });
  });

  it('still sets the Accept header of a body shortcut called straight away, as ky does', async () => {
    const { fetch, requests } = recordingFetch(() => json({ ok: true }));
    const http = createHttpClient({ fetch });
    await http.get('https://api.example.com/a').json();
    await http.get('https://api.example.com/b').text();
    await http.get('https://api.example.com/c');
    expect(requests.map((request) => request.headers.get('accept'))).toEqual([
      'application/json',
      'text/*',
      null,
    ]);
  });

  it('resolves to the Response itself when awaited without a shortcut', async () => {
    const { fetch } = recordingFetch(() => json({ ok: true }, 201));
    const response = await createHttpClient({ fetch }).get('https://api.example.com/a');
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('rejects a non-2xx status through the shortcut, mapped by toApiError, with no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { fetch } = recordingFetch(() => json({ error: { message: 'bad key' } }, 401));
      const error = await createHttpClient({ fetch })
        .get('https://api.example.com/a')
        .json()
        .catch((caught: unknown) => toApiError(caught, 'acme'));
      expect(error).toMatchObject({ name: 'AuthenticationError', status: 401 });
      expect((error as Error).message).toContain('bad key');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
