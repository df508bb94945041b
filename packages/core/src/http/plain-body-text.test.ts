import { describe, expect, it } from 'vitest';
import { plainBodyText } from './plain-body-text.js';

describe('plainBodyText', () => {
  it('folds a text or HTML body to one line', () => {
    expect(plainBodyText('<html>\n  <body>Bad gateway</body>\n</html>', '502 status code')).toBe(
      '<html> <body>Bad gateway</body> </html>',
    );
  });

  it('shows a JSON body without a message as JSON', () => {
    expect(plainBodyText({ detail: 'quota' }, '400')).toBe('{"detail":"quota"}');
  });

  it("falls back to the SDK's message without its status code when there is no body", () => {
    expect(plainBodyText(undefined, '404 Not Found')).toBe('Not Found');
    expect(plainBodyText(null, '404 status code (no body)')).toBe('the response carried no error message');
    expect(plainBodyText({}, '500')).toBe('the response carried no error message');
  });

  it('cuts a long body at 200 characters', () => {
    const text = plainBodyText('x'.repeat(500), '500');
    expect(text).toHaveLength(201);
    expect(text.endsWith('…')).toBe(true);
  });
});
