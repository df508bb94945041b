import { InputFileError } from '@video-gen/core';
import { describe, expect, it } from 'vitest';
import { generate, rejection, useMswServer } from './test-support.js';

const { mockRunway } = useMswServer();
const PROMPT = 'Clouds rolling over a mountain ridge';

describe('runway: image URLs are checked by the download URL policy before any request', () => {
  it.each([
    'https://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'https://10.0.0.1/frames/start.png',
    'https://127.0.0.1/frames/start.png',
    'https://[::ffff:127.0.0.1]/',
    'https://2130706433/',
  ])('refuses the first frame %s, and nothing reaches the vendor', async (url) => {
    const runway = mockRunway();
    const error = await rejection(generate(runway, { prompt: PROMPT, model: 'gen4_turbo', firstFrame: url }));
    expect(InputFileError.isInstance(error), String(error)).toBe(true);
    expect((error as InputFileError).code).toBe('input_url_refused');
    expect(error.message).toContain('firstFrame');
    expect(runway.requests).toHaveLength(0);
  });

  it('refuses a private URL in images and in lastFrame as well', async () => {
    const runway = mockRunway();
    const viaImages = await rejection(
      generate(runway, { prompt: PROMPT, model: 'gen4_turbo', images: ['https://192.168.1.1/a.png'] }),
    );
    expect((viaImages as InputFileError).code).toBe('input_url_refused');
    expect(viaImages.message).toContain('images[0]');
    const viaLastFrame = await rejection(
      generate(runway, {
        prompt: PROMPT,
        model: 'veo3.1',
        firstFrame: 'https://assets.example.com/start.png',
        lastFrame: 'https://[fe80::1]/end.png',
      }),
    );
    expect((viaLastFrame as InputFileError).code).toBe('input_url_refused');
    expect(viaLastFrame.message).toContain('lastFrame');
    expect(runway.requests).toHaveLength(0);
  });

  it('still forwards a public https image URL', async () => {
    const runway = mockRunway();
    await generate(runway, {
      prompt: PROMPT,
      model: 'gen4_turbo',
      firstFrame: 'https://assets.example.com/frames/start.jpg',
    });
    const submit = runway.requests.find((request) => request.method === 'POST');
    expect(submit?.body).toMatchObject({ promptImage: 'https://assets.example.com/frames/start.jpg' });
  });
});
