import { APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { toVideosApiError } from './videos-api-errors.js';

const call = { provider: 'sora2', label: 'OpenAI Sora', operation: 'status' } as const;

describe('toVideosApiError: error bodies that are not objects', () => {
  it.each([
    ['a plain-text body', APIError.generate(404, undefined, 'Not Found', new Headers()), ': Not Found'],
    [
      'an empty body',
      APIError.generate(404, undefined, undefined, new Headers()),
      ': the response carried no error message',
    ],
    [
      'a body whose error is a string',
      APIError.generate(404, { error: 'no such video' }, undefined, new Headers()),
      ': no such video',
    ],
  ])('%s never reads "HTTP 404: HTTP 404"', (_, error, detail) => {
    const mapped = toVideosApiError(error, call) as Error;
    expect(mapped.message).not.toContain('HTTP 404: HTTP 404');
    expect(mapped.message).toContain(`failed with HTTP 404${detail}`);
  });
});
