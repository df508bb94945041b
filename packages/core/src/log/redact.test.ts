import { afterEach, describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redact, redactValue, registerSecret } from './redact.js';
import { clearSecrets } from './secrets.js';

const SENTINEL = 'sk-test-SENTINEL-1234567890';

afterEach(() => clearSecrets());

describe('redact', () => {
  it('redacts registered secrets anywhere, but ignores short ones', () => {
    registerSecret('opaque-vendor-token-42');
    registerSecret('short');
    expect(redact('x=opaque-vendor-token-42;y')).toBe(`x=${REDACTED};y`);
    expect(redact('a short word')).toBe('a short word');
  });

  it('redacts a registered secret that contains another whole', () => {
    registerSecret('abcdefgh');
    registerSecret('abcdefgh-ijklmnop');
    expect(redact('v abcdefgh-ijklmnop')).toBe(`v ${REDACTED}`);
  });

  it('redacts bearer tokens and credential headers', () => {
    expect(redact('sent Bearer abc.def-ghi_jkl')).toBe(`sent Bearer ${REDACTED}`);
    expect(redact('Authorization: Bearer xyz123\nAccept: */*')).toBe(
      `Authorization: ${REDACTED}\nAccept: */*`,
    );
    expect(redact('api-key: 0123456789abcdef')).toBe(`api-key: ${REDACTED}`);
    expect(redact('x-goog-api-key: AIzaXYZ')).toBe(`x-goog-api-key: ${REDACTED}`);
    expect(redact('X-Api-Key: runway_abc')).toBe(`X-Api-Key: ${REDACTED}`);
    expect(redact('{"authorization":"Bearer t0k3n","accept":"json"}')).toBe(
      `{"authorization":"${REDACTED}","accept":"json"}`,
    );
  });

  it('redacts credential query parameters and keeps the rest of the URL', () => {
    expect(redact('GET https://g.example/v1/models?key=AIzaSecret&alt=json')).toBe(
      `GET https://g.example/v1/models?key=${REDACTED}&alt=json`,
    );
    expect(redact('https://blob/x.mp4?sv=2024&sig=abc%2Fdef&se=1')).toBe(
      `https://blob/x.mp4?sv=2024&sig=${REDACTED}&se=1`,
    );
    expect(redact('?access_token=a1&token=b2&api_key=c3')).toBe(
      `?access_token=${REDACTED}&token=${REDACTED}&api_key=${REDACTED}`,
    );
    expect(redact('?monkey=1&page_token=2')).toBe('?monkey=1&page_token=2');
  });

  it('redacts OpenAI-style keys but not ordinary words', () => {
    expect(redact(`key is ${SENTINEL}.`)).toBe(`key is ${REDACTED}.`);
    expect(redact('sk-proj-AbCdEfGhIjKlMnOpQrStUv')).toBe(REDACTED);
    expect(redact('task-abcdefghijklmnopqrstuvwxyz and sk-short')).toBe(
      'task-abcdefghijklmnopqrstuvwxyz and sk-short',
    );
  });
});

describe('redactValue', () => {
  it('redacts secret-named keys, header objects and nested strings without mutating', () => {
    const input = {
      apiKey: 'k1',
      config: { api_key: 'k2', password: 'p', clientSecret: 's', maxTokens: 5, hasApiKey: true },
      headers: { Authorization: 'Bearer b', 'x-goog-api-key': 'g', accept: 'json' },
      url: `https://h/?key=${SENTINEL}`,
      list: [`Bearer ${SENTINEL}`],
      idempotencyKey: 'idem-1',
    };
    const out = redactValue(input);
    expect(out).toEqual({
      apiKey: REDACTED,
      config: {
        api_key: REDACTED,
        password: REDACTED,
        clientSecret: REDACTED,
        maxTokens: 5,
        hasApiKey: true,
      },
      headers: { Authorization: REDACTED, 'x-goog-api-key': REDACTED, accept: 'json' },
      url: `https://h/?key=${REDACTED}`,
      list: [`Bearer ${REDACTED}`],
      idempotencyKey: 'idem-1',
    });
    expect(input.apiKey).toBe('k1');
  });

  it('handles Headers, URLs, errors, bytes and cycles', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    const error = new Error(`failed with ${SENTINEL}`);
    const out = redactValue({
      headers: new Headers({ 'api-key': 'secret-value', 'content-type': 'video/mp4' }),
      url: new URL('https://h/x?sig=abc'),
      error,
      bytes: new Uint8Array(3),
      cyclic,
    }) as Record<string, Record<string, unknown>>;
    expect(out.headers).toEqual({ 'api-key': REDACTED, 'content-type': 'video/mp4' });
    expect(out.url).toBe(`https://h/x?sig=${REDACTED}`);
    expect(out.error?.message).toBe(`failed with ${REDACTED}`);
    expect(JSON.stringify(out)).not.toContain(SENTINEL);
    expect(out.bytes).toBe('[3 bytes]');
    expect(out.cyclic?.self).toBe('[Circular]');
  });

  it('recognises secret key names', () => {
    for (const k of [
      'apiKey',
      'API_KEY',
      'x-api-key',
      'accessToken',
      'authorization',
      'key',
      'sig',
      'Cookie',
    ]) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['model', 'maxTokens', 'idempotencyKey', 'keyframe', 'status']) {
      expect(isSecretKey(k), k).toBe(false);
    }
  });
});
