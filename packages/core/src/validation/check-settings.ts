import { isSizeRange, type ModelInfo } from '../contract/model-info.js';
import type { GenerationWarning } from '../contract/request.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import type { GenerationSettings } from '../lifecycle/generate-video-options.js';
import { allowsNumber, describeNumbers, describeSizes } from './describe-allowed.js';

/** Settings after defaults are applied. */
export interface CheckedSettings {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly durationSeconds: number;
}

// Control characters other than tab and newline have no place in a prompt and confuse vendors' filters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function checkPositiveInteger(field: string, value: number | undefined, issues: ValidationIssue[]): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value > 0)) {
    issues.push({ field, message: `${field} must be a positive whole number, got ${String(value)}` });
  }
}

/**
 * Checks a request's prompt and numeric settings against a model, collecting every problem and
 * every ignored setting. Pure: no I/O.
 */
export function checkSettings(
  prompt: unknown,
  settings: GenerationSettings,
  model: ModelInfo,
  issues: ValidationIssue[],
  warnings: GenerationWarning[],
): CheckedSettings {
  if (typeof prompt !== 'string' || prompt.trim() === '') {
    issues.push({ field: 'prompt', message: 'prompt must be a non-empty string' });
  } else {
    if (prompt.length > model.maxPromptLength) {
      issues.push({
        field: 'prompt',
        message: `prompt is ${prompt.length} characters; ${model.id} takes at most ${model.maxPromptLength}`,
      });
    }
    if (CONTROL_CHARACTERS.test(prompt)) {
      issues.push({
        field: 'prompt',
        message: 'prompt contains control characters (only tab and newline are allowed)',
      });
    }
  }

  const { width, height } = settings;
  if ((width === undefined) !== (height === undefined)) {
    issues.push({
      field: width === undefined ? 'width' : 'height',
      message: 'give both width and height, or neither',
    });
  }
  checkPositiveInteger('width', width, issues);
  checkPositiveInteger('height', height, issues);
  const size = width !== undefined && height !== undefined ? { width, height } : model.defaultSize;
  let sizeDurations: readonly number[] | undefined;
  if (isSizeRange(model.sizes)) {
    const range = model.sizes;
    const fits =
      size.width >= range.minWidth &&
      size.width <= range.maxWidth &&
      size.height >= range.minHeight &&
      size.height <= range.maxHeight &&
      size.width % range.multipleOf === 0 &&
      size.height % range.multipleOf === 0;
    if (!fits) {
      issues.push({
        field: 'size',
        message: `${size.width}x${size.height} is not allowed; ${model.id} takes ${describeSizes(range)}`,
      });
    }
  } else {
    const match = model.sizes.find(
      (candidate) => candidate.width === size.width && candidate.height === size.height,
    );
    if (!match) {
      issues.push({
        field: 'size',
        message: `${size.width}x${size.height} is not allowed; ${model.id} takes ${describeSizes(model.sizes)}`,
        allowed: model.sizes.map((candidate) => `${candidate.width}x${candidate.height}`),
      });
    }
    sizeDurations = match?.durations;
  }

  const durationSeconds = settings.durationSeconds ?? model.defaultDurationSeconds;
  if (!Number.isFinite(durationSeconds) || !allowsNumber(model.durations, durationSeconds)) {
    issues.push({
      field: 'durationSeconds',
      message: `${String(durationSeconds)} s is not allowed; ${model.id} takes ${describeNumbers(model.durations, ' s')}`,
      allowed: Array.isArray(model.durations) ? model.durations : undefined,
    });
  } else if (sizeDurations && !sizeDurations.includes(durationSeconds)) {
    issues.push({
      field: 'durationSeconds',
      message: `${durationSeconds} s is not allowed at ${size.width}x${size.height}; ${model.id} takes ${describeNumbers(sizeDurations, ' s')} at that size`,
      allowed: sizeDurations,
    });
  }

  const fps = settings.fps ?? model.defaultFps;
  if (!Number.isFinite(fps) || !allowsNumber(model.fps, fps)) {
    if (
      Array.isArray(model.fps) &&
      model.fps.length === 1 &&
      settings.fps !== undefined &&
      Number.isFinite(fps)
    ) {
      warnings.push({
        type: 'unsupported',
        feature: 'fps',
        message: `${model.id} renders at ${model.fps[0]} fps; fps ${fps} is ignored`,
      });
    } else {
      issues.push({
        field: 'fps',
        message: `${String(fps)} fps is not allowed; ${model.id} takes ${describeNumbers(model.fps, ' fps')}`,
      });
    }
  }

  if (settings.seed !== undefined) {
    if (!Number.isSafeInteger(settings.seed) || settings.seed < 0) {
      issues.push({
        field: 'seed',
        message: `seed must be a non-negative whole number, got ${String(settings.seed)}`,
      });
    } else if (!model.seed) {
      warnings.push({
        type: 'unsupported',
        feature: 'seed',
        message: `${model.id} does not take a seed; it is ignored`,
      });
    }
  }
  if (settings.negativePrompt !== undefined && !model.negativePrompt) {
    warnings.push({
      type: 'unsupported',
      feature: 'negativePrompt',
      message: `${model.id} does not take a negative prompt; it is ignored`,
    });
  }
  if (settings.audio === true && model.audio === 'none') {
    warnings.push({
      type: 'unsupported',
      feature: 'audio',
      message: `${model.id} does not generate audio; the video will be silent`,
    });
  } else if (settings.audio === false && model.audio === 'always') {
    warnings.push({ type: 'unsupported', feature: 'audio', message: `${model.id} always generates audio` });
  }
  // The model's lifecycle (deprecated, retired) is checked by checkLifecycle.
  const resolvedFps = Array.isArray(model.fps) && model.fps.length === 1 ? model.fps[0]! : fps;
  return { width: size.width, height: size.height, fps: resolvedFps, durationSeconds };
}
