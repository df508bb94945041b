import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondInSequence } from './respond-in-sequence.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('respondInSequence', () => {
  it('answers polls in order and then repeats the last answer', async () => {
    server.use(
      http.get(
        'https://api.example.test/jobs/1',
        respondInSequence(
          () => HttpResponse.json({ status: 'queued' }),
          () => HttpResponse.json({ status: 'running' }),
          () => HttpResponse.json({ status: 'done' }),
        ),
      ),
    );
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      const body = (await (await fetch('https://api.example.test/jobs/1')).json()) as { status: string };
      statuses.push(body.status);
    }
    expect(statuses).toEqual(['queued', 'running', 'done', 'done']);
  });

  it('refuses an empty sequence', () => {
    expect(() => respondInSequence()).toThrow(TypeError);
  });
});
