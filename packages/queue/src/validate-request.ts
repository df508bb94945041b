import { ValidationError } from '@video-gen/core';
import type { QueuedRequest } from './job-record.js';

/** The keys a queued request may hold: everything else belongs to the worker. */
const KEYS = new Set([
  'provider',
  'prompt',
  'model',
  'width',
  'height',
  'fps',
  'durationSeconds',
  'seed',
  'negativePrompt',
  'audio',
  'firstFrame',
  'lastFrame',
  'referenceImages',
  'video',
  'videoUse',
  'providerOptions',
]);

function invalid(field: string, message: string): never {
  throw new ValidationError(`Invalid request for enqueue():\n  - ${field}: ${message}`, {
    code: 'invalid_options',
    issues: [{ field, message }],
  });
}

/**
 * Checks what can be checked without the provider (the worker validates against the model before
 * any paid call): a provider id, a prompt, a key, nothing the database cannot keep as JSON.
 */
export function checkQueuedRequest(request: unknown, key: unknown): QueuedRequest {
  if (typeof key !== 'string' || key.trim() === '' || key.length > 512)
    invalid('key', 'a non-empty string of at most 512 characters');
  if (typeof request !== 'object' || request === null) invalid('request', 'an object');
  const value = request as Record<string, unknown>;
  for (const name of Object.keys(value)) {
    if (!KEYS.has(name))
      invalid(name, 'not a queued request option (outPath, signal and callbacks belong to the worker)');
  }
  if (typeof value.provider !== 'string' || value.provider === '')
    invalid('provider', 'a provider id such as "runway"');
  if (typeof value.prompt !== 'string' || value.prompt === '') invalid('prompt', 'a non-empty string');
  for (const name of ['firstFrame', 'lastFrame', 'video']) {
    if (value[name] !== undefined && typeof value[name] !== 'string') invalid(name, 'a path or URL string');
  }
  if (value.referenceImages !== undefined) {
    if (
      !Array.isArray(value.referenceImages) ||
      value.referenceImages.some((item) => typeof item !== 'string')
    )
      invalid('referenceImages', 'an array of path or URL strings');
  }
  return JSON.parse(JSON.stringify(value)) as QueuedRequest;
}
