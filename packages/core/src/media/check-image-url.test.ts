import { describe, expect, it } from 'vitest';
import { InputFileError } from '../errors/index.js';
import { checkImageUrl } from './check-image-url.js';
import { loadImage } from './load-image.js';

function refusal(url: string, allowLoopback = false): InputFileError | undefined {
  try {
    checkImageUrl(url, { field: 'firstFrame', allowLoopback });
    return undefined;
  } catch (error) {
    expect(InputFileError.isInstance(error), String(error)).toBe(true);
    return error as InputFileError;
  }
}

describe('checkImageUrl', () => {
  it('accepts public https URLs and returns the normalised URL', () => {
    expect(checkImageUrl('https://cdn.example.com/a.png?sig=1').href).toBe(
      'https://cdn.example.com/a.png?sig=1',
    );
    expect(refusal('https://8.8.8.8/a.png')).toBeUndefined();
    expect(refusal('https://[2001:db8::1]/a.png')).toBeUndefined();
  });

  it.each([
    'https://169.254.169.254/latest/meta-data/',
    'https://10.0.0.1/a.png',
    'https://172.16.0.1/a.png',
    'https://192.168.0.1/a.png',
    'https://100.64.0.1/a.png', // carrier-grade NAT
    'https://224.0.0.1/a.png', // multicast
    'https://0.0.0.0/a.png',
    'https://0/a.png',
    'https://192.0.0.1/a.png',
    'https://198.18.0.1/a.png',
    'https://[fd00::1]/a.png', // unique local
    'https://[fe80::1]/a.png',
    'https://[::ffff:169.254.169.254]/a.png',
    'https://[::ffff:0:a00:1]/a.png', // IPv4-translated 10.0.0.1
    'https://[2002:a00:1::1]/a.png', // 6to4 of 10.0.0.1
    'https://0xa9.0xfe.0xa9.0xfe/a.png', // hex spelling of 169.254.169.254
    'https://0251.0376.0251.0376/a.png', // octal spelling
    'https://2852039166/a.png', // one number
  ])('refuses the private address in %s, even with the loopback opt-in', (url) => {
    expect(refusal(url)?.code).toBe('input_url_refused');
    expect(refusal(url, true)?.code).toBe('input_url_refused');
  });

  it.each([
    'https://127.0.0.1/a.png',
    'https://127.1/a.png',
    'https://2130706433/a.png',
    'https://0x7f.1/a.png',
    'https://[::1]/a.png',
    'https://[::ffff:127.0.0.1]/',
    'https://localhost/a.png',
    'https://LOCALHOST./a.png',
    'https://images.localhost/a.png',
  ])('refuses the loopback host in %s unless allowLoopbackDownloads', (url) => {
    const error = refusal(url);
    expect(error?.code).toBe('input_url_refused');
    expect(error?.message).toContain('allowLoopbackDownloads');
    expect(refusal(url, true)).toBeUndefined();
  });

  it('allows http only on a loopback host with the opt-in', () => {
    expect(refusal('http://127.0.0.1:8080/a.png', true)).toBeUndefined();
    expect(refusal('http://127.0.0.1:8080/a.png')?.code).toBe('input_file_unsupported_url');
    expect(refusal('http://cdn.example.com/a.png', true)?.code).toBe('input_file_unsupported_url');
  });

  it('names the field and the URL without its query or user info', () => {
    const error = refusal('https://10.0.0.1/frames/a.png?X-Amz-Signature=topsecret');
    expect(error?.message).toContain('firstFrame');
    expect(error?.message).toContain('https://10.0.0.1/frames/a.png?…');
    expect(error?.message).not.toContain('topsecret');
    expect(error?.path).not.toContain('topsecret');
    const withUser = refusal('https://user:hunter2@cdn.example.com/a.png');
    expect(withUser?.code).toBe('input_url_refused');
    expect(JSON.stringify({ message: withUser?.message, path: withUser?.path })).not.toContain('hunter2');
  });
});

describe('loadImage with a URL', () => {
  it('passes a public URL on, normalised, with a source free of its query', async () => {
    const image = await loadImage('https://CDN.example.com/a.png?token=abc', { field: 'images[0]' });
    expect(image).toEqual({
      kind: 'url',
      url: 'https://cdn.example.com/a.png?token=abc',
      source: 'https://cdn.example.com/a.png?…',
    });
  });

  it('refuses a private URL given as a URL object, naming the field', async () => {
    const error = await loadImage(new URL('https://10.0.0.1/a.png'), { field: 'referenceImages[1]' }).catch(
      (e: unknown) => e as InputFileError,
    );
    expect((error as InputFileError).code).toBe('input_url_refused');
    expect((error as InputFileError).message).toContain('referenceImages[1]');
  });
});
