import type { GenerateVideoOptions } from '@video-gen/core';

/** The form's fields, as the page posts them. */
export interface GenerationForm {
  readonly provider?: unknown;
  readonly model?: unknown;
  readonly prompt?: unknown;
  readonly width?: unknown;
  readonly height?: unknown;
  readonly fps?: unknown;
  readonly durationSeconds?: unknown;
  readonly seed?: unknown;
  readonly negativePrompt?: unknown;
  readonly audio?: unknown;
  readonly images?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
// Numbers pass through as given (a string stays a string), so core's own option check reports them.
const number = (value: unknown) =>
  value === undefined || value === null || value === '' ? undefined : value;

/**
 * Maps the form onto `generateVideo` options, field by field: only the fields a form has, left out
 * when empty, so core's checks (types, ranges, the model's `ModelInfo`) judge what was typed.
 */
export function toGenerateOptions(form: GenerationForm, providerConfig: unknown): GenerateVideoOptions {
  const images = Array.isArray(form.images)
    ? form.images.filter((image): image is string => typeof image === 'string' && image.trim() !== '')
    : [];
  const fields: Record<string, unknown> = {
    provider: text(form.provider),
    model: text(form.model),
    prompt: typeof form.prompt === 'string' ? form.prompt : form.prompt,
    width: number(form.width),
    height: number(form.height),
    fps: number(form.fps),
    durationSeconds: number(form.durationSeconds),
    seed: number(form.seed),
    negativePrompt: text(form.negativePrompt),
    audio: typeof form.audio === 'boolean' ? form.audio : undefined,
    images: images.length > 0 ? images.map((image) => image.trim()) : undefined,
    providerConfig,
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as unknown as GenerateVideoOptions;
}
