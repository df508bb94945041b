import { describe, expect, it } from 'vitest';
import { DownloadError } from '../errors/index.js';
import { classifyHost } from './ip-ranges.js';
import { checkDownloadUrl, sameOrigin } from './url-policy.js';

function refusal(url: string, options?: Parameters<typeof checkDownloadUrl>[1]): DownloadError | undefined {
  try {
    checkDownloadUrl(url, options);
    return undefined;
  } catch (error) {
    return error as DownloadError;
  }
}

describe('checkDownloadUrl', () => {
  it('accepts public https URLs', () => {
    expect(checkDownloadUrl('https://cdn.example.com/v.mp4?sig=abc').hostname).toBe('cdn.example.com');
    expect(refusal('https://8.8.8.8/v.mp4')).toBeUndefined();
    expect(refusal('https://[2001:db8::1]/v.mp4')).toBeUndefined();
  });

  it('refuses plain http unless allowHttp', () => {
    const error = refusal('http://cdn.example.com/v.mp4');
    expect(error?.code).toBe('url_refused');
    expect(error?.message).toContain('not https');
    expect(refusal('http://cdn.example.com/v.mp4', { allowLoopback: true })?.code).toBe('url_refused');
    expect(refusal('http://cdn.example.com/v.mp4', { allowHttp: true })).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    'data:video/mp4;base64,AAAA',
    'file:///etc/passwd',
    'ftp://example.com/v.mp4',
    'blob:https://example.com/1',
    'not a url',
    'https://user:secret@example.com/v.mp4',
  ])('refuses %s', (url) => {
    const error = refusal(url, { allowLoopback: true, allowHttp: true });
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(error?.code).toBe('url_refused');
    expect(error?.message).not.toContain('secret');
  });

  it.each([
    'https://10.1.2.3/v.mp4',
    'https://172.16.0.1/v.mp4',
    'https://172.31.255.255/v.mp4',
    'https://192.168.1.10/v.mp4',
    'https://169.254.169.254/latest/meta-data',
    'https://0.0.0.0/v.mp4',
    'https://[fc00::1]/v.mp4',
    'https://[fd12:3456::1]/v.mp4',
    'https://[fe80::1]/v.mp4',
    'https://[::ffff:10.0.0.1]/v.mp4',
    'https://[::]/v.mp4',
    'https://0xa.0.0.1/v.mp4', // the URL parser normalises this to 10.0.0.1
  ])('refuses the private address in %s, even with allowLoopback', (url) => {
    expect(refusal(url)?.code).toBe('url_refused');
    expect(refusal(url, { allowLoopback: true, allowHttp: true })?.code).toBe('url_refused');
  });

  it.each([
    'https://127.0.0.1/v.mp4',
    'http://127.0.0.1:8080/v.mp4',
    'https://127.1.2.3/v.mp4',
    'https://[::1]/v.mp4',
    'http://[::ffff:127.0.0.1]/v.mp4',
    'http://localhost:3000/v.mp4',
    'https://2130706433/v.mp4', // 127.0.0.1 as one number
  ])('refuses loopback %s unless allowLoopback', (url) => {
    expect(refusal(url)?.code).toBe('url_refused');
    expect(refusal(url, { allowLoopback: true })).toBeUndefined();
  });

  it('keeps the query (signatures) out of the message', () => {
    expect(refusal('http://cdn.example.com/v.mp4?sig=TOPSECRET')?.message).not.toContain('TOPSECRET');
  });
});

describe('classifyHost', () => {
  it('tells public names and addresses from private ones', () => {
    expect(classifyHost('example.com')).toBe('public');
    expect(classifyHost('172.32.0.1')).toBe('public');
    expect(classifyHost('100.64.0.1')).toBe('private');
    expect(classifyHost('[64:ff9b::a00:1]')).toBe('private');
    expect(classifyHost('app.localhost')).toBe('loopback');
    expect(classifyHost('[not:an:address::x]')).toBe('private');
  });
});

describe('sameOrigin', () => {
  it('compares scheme, host and port', () => {
    expect(sameOrigin('https://api.example.com/v1/x?y=1', 'https://api.example.com')).toBe(true);
    expect(sameOrigin('https://api.example.com:443/x', 'https://api.example.com/')).toBe(true);
    expect(sameOrigin('http://api.example.com/x', 'https://api.example.com')).toBe(false);
    expect(sameOrigin('https://api.example.com:8443/x', 'https://api.example.com')).toBe(false);
    expect(sameOrigin('https://cdn.example.com/x', 'https://api.example.com')).toBe(false);
    expect(sameOrigin('https://api.example.com/x', undefined)).toBe(false);
    expect(sameOrigin('data:text/plain,x', 'data:text/plain,x')).toBe(false);
    expect(sameOrigin('not a url', 'https://api.example.com')).toBe(false);
  });
});
