import { APIError } from '@runwayml/sdk';
import { describe, expect, it } from 'vitest';
import { toRunwayError } from './runway-errors.js';

describe('toRunwayError: error bodies that are not objects', () => {
  it.each([
    ['a plain-text body', APIError.generate(404, undefined, 'Not Found', new Headers()), ': Not Found'],
    [
      'an empty body',
      APIError.generate(404, undefined, undefined, new Headers()),
      ': the response carried no error message',
    ],
    [
      'a JSON number body',
      APIError.generate(404, 404 as unknown as object, undefined, new Headers()),
      ': 404',
    ],
  ])('%s never reads "HTTP 404: HTTP 404"', (_, error, detail) => {
    const mapped = toRunwayError(error, 'status') as Error;
    expect(mapped.message).not.toContain('HTTP 404: HTTP 404');
    expect(mapped.message).toContain(`failed with HTTP 404${detail}`);
  });
});
