import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APICallError } from '@ai-sdk/provider';
import { AuthenticationError, generateVideo, RateLimitError, type VideoSource } from '@video-gen/core';
import { tinyMp4 } from '@video-gen/testing/loopback';
import { afterEach, describe, expect, it } from 'vitest';
import { mapAiSdkError } from '../src/from-ai-sdk/map-error.js';
import { operationId } from '../src/from-ai-sdk/operation-id.js';
import { toVideoSource } from '../src/from-ai-sdk/video-source.js';
import { type AiSdkVideoModel, classifyFailure, fromAiSdk } from '../src/index.js';

async function readAll(source: VideoSource): Promise<Buffer> {
  if (source.type !== 'stream') throw new Error('expected a stream');
  return Buffer.from(await new Response(source.body).arrayBuffer());
}

/** A model with only doGenerate, as some AI SDK providers ship. */
function generateOnlyModel(calls: { generate: number }): AiSdkVideoModel {
  return {
    specificationVersion: 'v4',
    provider: 'acme.video',
    modelId: 'acme-1',
    maxVideosPerCall: 1,
    doGenerate: async () => {
      calls.generate += 1;
      return {
        videos: [{ type: 'binary', data: new Uint8Array(tinyMp4()), mediaType: 'video/mp4' }],
        warnings: [{ type: 'unsupported', feature: 'fps', details: 'acme renders at 24 fps' }],
        response: { timestamp: new Date(), modelId: 'acme-1', headers: undefined },
      };
    },
  };
}

describe('fromAiSdk pieces', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('streams a base64 result in slices that decode to the same bytes', async () => {
    const bytes = Buffer.alloc(700 * 1024 + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    const source = toVideoSource(
      { type: 'base64', data: bytes.toString('base64'), mediaType: 'video/mp4' },
      'x',
    );
    expect(source.type === 'stream' && source.size).toBe(bytes.length);
    expect((await readAll(source)).equals(bytes)).toBe(true);
  });

  it('streams a binary result as views of the same bytes', async () => {
    const bytes = new Uint8Array(400 * 1024).fill(7);
    const source = toVideoSource({ type: 'binary', data: bytes, mediaType: 'video/mp4' }, 'x');
    expect((await readAll(source)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses gs:// and uploaded results with a DownloadError', () => {
    expect(() =>
      toVideoSource({ type: 'url', url: 'gs://bucket/out.mp4', mediaType: 'video/mp4' }, 'vertex'),
    ).toThrow(/cannot download/);
    expect(() => toVideoSource({ type: 'uploaded', mediaType: 'video/mp4' }, 'x')).toThrow(
      /your own storage/,
    );
  });

  it('reads failure messages: refusals, expiries, failures, and failed checks that are not failed jobs', () => {
    expect(classifyFailure('Video generation failed: the prompt violates the usage guidelines')).toBe(
      'content_policy',
    );
    expect(classifyFailure('Content policy violation')).toBe('content_policy');
    expect(classifyFailure('The request has expired')).toBe('expired');
    expect(classifyFailure('Inference failed: worker crashed')).toBe('failed');
    expect(classifyFailure('Bad Gateway')).toBe('transient');
    expect(classifyFailure('Failed to process error response')).toBe('transient');
    expect(classifyFailure('')).toBe('transient');
  });

  it('names jobs by the operation id the vendor gave', () => {
    expect(operationId({ operationName: 'projects/p/operations/1' })).toBe('projects/p/operations/1');
    expect(
      operationId({ responseUrl: 'https://queue.fal.run/fal-ai/m/requests/abc-1', submitUrl: 'x' }),
    ).toBe('abc-1');
    expect(operationId('task_9')).toBe('task_9');
    expect(operationId({ nested: { a: 1 } })).toMatch(/^op-[0-9a-f]{24}$/);
  });

  it('maps APICallErrors by status, honouring Retry-After, and keeps no SDK error as cause', () => {
    const call = (statusCode: number, responseHeaders: Record<string, string> = {}) =>
      new APICallError({
        message: 'nope',
        url: 'https://queue.fal.run/fal-ai/m',
        requestBodyValues: { prompt: 'x' },
        statusCode,
        responseHeaders,
        responseBody: '{"error":{"message":"nope","code":1}}',
      });
    const auth = mapAiSdkError(call(401), 'fal');
    expect(AuthenticationError.isInstance(auth)).toBe(true);
    expect((auth as Error).cause).toBeUndefined();
    const limited = mapAiSdkError(call(429, { 'retry-after': '3' }), 'fal');
    expect(RateLimitError.isInstance(limited) && limited.retryAfterMs).toBe(3000);
  });

  it('runs a doGenerate-only model, with a warning that it cannot resume', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'video-gen-ai-sdk-generate-'));
    const calls = { generate: 0 };
    const provider = fromAiSdk(generateOnlyModel(calls));
    expect(provider.id).toBe('acme');
    const result = await generateVideo({ provider, prompt: 'x', outPath: path.join(dir, 'g.mp4') });
    expect(readFileSync(result.path).equals(tinyMp4())).toBe(true);
    expect(calls.generate).toBe(1);
    expect(result.warnings.map((w) => w.feature)).toContain('resume');
    // The model's own warning reaches the result, as a core warning.
    expect(result.warnings).toContainEqual({
      type: 'unsupported',
      feature: 'fps',
      message: 'acme renders at 24 fps',
    });

    // In a new process (a fresh provider), the job is gone: a typed failure, not a second generate.
    const job = {
      provider: 'acme',
      model: 'acme-1',
      id: 'generate-1',
      createdAt: '',
      data: { mode: 'generate' },
    };
    const ctx = { signal: new AbortController().signal, logger: console, fetch };
    const status = await fromAiSdk(generateOnlyModel(calls)).status(job, ctx);
    expect(status.state === 'failed' && status.error.code).toBe('not_resumable');
    expect(calls.generate).toBe(1);
  });
});
