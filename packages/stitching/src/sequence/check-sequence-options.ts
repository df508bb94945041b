import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError, type ValidationIssue } from '@video-gen/core';
import { z } from 'zod';
import { sequenceLayout } from './sequence-layout.js';
import { MANIFEST_NAME } from './sequence-manifest.js';
import type { GenerateSequenceOptions, SequenceClip, SequenceConcatOptions } from './sequence-options.js';

/** One rule per key of `T`, no more and no less: a new option cannot be added without its rule. */
type Shape<T> = { readonly [K in keyof Required<T>]: z.ZodType };

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? `number ${value}` : String(value);
  if (typeof value === 'string')
    return value.length <= 40 ? `string ${JSON.stringify(value)}` : `a string of ${value.length} characters`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (typeof value === 'function') return 'a function';
  return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
}

const isPath = (value: unknown) => typeof value === 'string' && value !== '' && !value.includes('\0');
const isImage = (value: unknown) =>
  isPath(value) || value instanceof URL || value instanceof Uint8Array || value instanceof ArrayBuffer;
const isImageList = (value: unknown) => Array.isArray(value) && value.every(isImage);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isPositiveInteger = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
const isDuration = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isAmount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isPositive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;

const rule = (test: (value: unknown) => boolean, what: string) =>
  z
    .custom((value) => test(value), {
      error: (issue) => `must be ${what}, got ${describeValue(issue.input)}`,
    })
    .optional();
const object = <S extends Record<string, z.ZodType>>(shape: S) =>
  z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'invalid_type' ? `must be an object, got ${describeValue(issue.input)}` : undefined,
  });

const PATH = 'a path (a non-empty string without NUL bytes)';
const IMAGE = 'an image: a file path, an https URL, a URL object, a Uint8Array or an ArrayBuffer';
const IMAGES = 'an array of images (wrap a single one in brackets: [image])';
const BOOLEAN = 'true or false (a boolean, not a string)';

const clipSchema = object({
  prompt: z.custom((value) => typeof value === 'string', {
    error: (issue) => `must be a non-empty string, got ${describeValue(issue.input)}`,
  }),
  images: z
    .array(rule(isImage, IMAGE).unwrap(), {
      error: (issue) => `must be ${IMAGES}, got ${describeValue(issue.input)}`,
    })
    .optional(),
  referenceImages: z
    .array(rule(isImage, IMAGE).unwrap(), {
      error: (issue) => `must be ${IMAGES}, got ${describeValue(issue.input)}`,
    })
    .optional(),
  firstFrame: rule(isImage, IMAGE),
} satisfies Shape<SequenceClip>);

const concatSchema = object({
  dropBoundaryFrame: rule((value) => typeof value === 'boolean', BOOLEAN),
  reencode: rule(
    (value) => value === 'auto' || value === 'always' || value === 'never',
    '"auto", "always" or "never"',
  ),
  overwrite: rule((value) => typeof value === 'boolean', BOOLEAN),
  preset: rule(
    (value) => typeof value === 'string' && /^[a-z]+$/.test(value),
    'an x264 preset name, such as "veryfast"',
  ),
  crf: rule(
    (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 51,
    'a number from 0 to 51',
  ),
} satisfies Shape<SequenceConcatOptions>);

const isNumber = (value: unknown) => typeof value === 'number';
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isFunction = (value: unknown) => typeof value === 'function';

const sequenceSchema = object({
  provider: rule(
    (value) =>
      (typeof value === 'string' && value.trim() !== '') ||
      (isObject(value) && typeof value.id === 'string' && typeof value.submit === 'function'),
    'a provider id (such as "local") or a provider value',
  ),
  providerConfig: z.unknown().optional(),
  model: rule((value) => typeof value === 'string' && value.trim() !== '', 'a model id (a non-empty string)'),
  // Ranges are the model's, checked with each clip before anything is generated.
  width: rule(isNumber, 'a number'),
  height: rule(isNumber, 'a number'),
  fps: rule(isNumber, 'a number'),
  durationSeconds: rule(isNumber, 'a number'),
  seed: rule(isNumber, 'a number'),
  negativePrompt: rule((value) => typeof value === 'string', 'a string'),
  audio: rule(isBoolean, BOOLEAN),
  providerOptions: rule(
    (value) => isObject(value) && Object.values(value).every(isObject),
    'an object of objects, keyed by provider id: { veo3: { … } }',
  ),
  timeoutMs: rule(isPositiveInteger, 'a whole number of milliseconds above 0'),
  retry: object({
    retries: rule(isCount, 'a whole number, 0 or more'),
    minDelayMs: rule(isDuration, 'a finite number of milliseconds, 0 or more'),
    maxDelayMs: rule(isDuration, 'a finite number of milliseconds, 0 or more'),
    maxRetryAfterMs: rule(isDuration, 'a finite number of milliseconds, 0 or more'),
    rateLimitRetries: rule(isCount, 'a whole number, 0 or more'),
  }).optional(),
  poll: object({
    initialIntervalMs: rule(isPositive, 'a finite number above 0'),
    maxIntervalMs: rule(isPositive, 'a finite number above 0'),
    multiplier: rule((value) => isPositive(value) && (value as number) >= 1, 'a finite number, 1 or more'),
  }).optional(),
  fetch: rule(isFunction, 'a function'),
  allowLoopbackDownloads: rule(isBoolean, BOOLEAN),
  allowRetiredModels: rule(isBoolean, BOOLEAN),
  maxDownloadBytes: rule(isPositiveInteger, 'a whole number of bytes above 0'),
  cancelRemoteOnAbort: rule(isBoolean, BOOLEAN),
  clips: z.array(clipSchema, {
    error: (issue) => `must be an array of clips ({ prompt }), got ${describeValue(issue.input)}`,
  }),
  images: rule(
    (value) => isImageList(value) || (Array.isArray(value) && value.every(isImageList)),
    'one array of images for every clip, or one array per clip',
  ),
  outDir: z.custom((value) => isPath(value), {
    error: (issue) => `must be ${PATH} naming the clips' folder, got ${describeValue(issue.input)}`,
  }),
  concatTo: rule(isPath, PATH),
  concat: concatSchema.optional(),
  resume: rule(isBoolean, BOOLEAN),
  delayBetweenClipsMs: rule(isDuration, 'a finite number of milliseconds, 0 or more'),
  frameFormat: rule((value) => value === 'png' || value === 'jpeg', '"png" or "jpeg"'),
  chain: rule((value) => value === 'last-frame' || value === 'extend', '"last-frame" or "extend"'),
  signal: rule((value) => value instanceof AbortSignal, 'an AbortSignal'),
  onProgress: rule(isFunction, 'a function'),
  ffmpegPath: rule(isPath, PATH),
  ffprobePath: rule(isPath, PATH),
  maxCost: rule(
    (value) =>
      isAmount(value) ||
      (isObject(value) &&
        Object.keys(value).every((key) => key === 'amount' || key === 'unit') &&
        isAmount(value.amount) &&
        (value.unit === 'USD' || value.unit === 'credits')),
    "a number 0 or more (in the model's unit), or { amount, unit: 'USD' | 'credits' }",
  ),
} satisfies Shape<GenerateSequenceOptions>);

function fieldName(segments: readonly PropertyKey[]): string {
  let name = '';
  for (const segment of segments) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name === '' ? String(segment) : `.${String(segment)}`;
  }
  return name === '' ? 'options' : name;
}

/** The option a misspelt key most likely meant: same letters in another case, a prefix, or one or two typos. */
function suggestion(key: string, known: readonly string[]): string | undefined {
  const wanted = key.toLowerCase();
  return known.find((name) => {
    const candidate = name.toLowerCase();
    if (wanted.length >= 3 && (candidate.startsWith(wanted) || wanted.startsWith(candidate))) return true;
    if (Math.abs(candidate.length - wanted.length) > 2) return false;
    let differences = 0;
    for (let i = 0, j = 0; i < wanted.length || j < candidate.length; i++, j++) {
      if (wanted[i] === candidate[j]) continue;
      differences++;
      if (wanted[i + 1] === candidate[j]) i++;
      else if (wanted[i] === candidate[j + 1]) j++;
    }
    return differences <= 2;
  });
}

function knownKeys(segments: readonly PropertyKey[]): string[] {
  if (segments.length === 0) return Object.keys(sequenceSchema.shape);
  if (segments[0] === 'concat') return Object.keys(concatSchema.shape);
  if (segments[0] === 'clips') return Object.keys(clipSchema.shape);
  return [];
}

function refuse(message: string, field: string, code = 'invalid_options'): ValidationError {
  return new ValidationError(message, { code, issues: [{ field, message }] });
}

/** Every option's type and range, and unknown keys: a ValidationError (`invalid_options`) naming each. */
function checkTypes(options: GenerateSequenceOptions): void {
  const result = sequenceSchema.safeParse(options ?? {}, { reportInput: true });
  if (result.success) return;
  const issues: ValidationIssue[] = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = fieldName([...issue.path, key]);
        const meant = suggestion(key, knownKeys(issue.path));
        return {
          field,
          message: `${field} is not an option${meant ? `; did you mean ${fieldName([...issue.path, meant])}?` : ''}`,
        };
      });
    }
    const field = fieldName(issue.path);
    return [{ field, message: `${field} ${issue.message}` }];
  });
  const lines = issues.map((issue) => `  - ${issue.message}`).join('\n');
  throw new ValidationError(`Invalid options for generateSequence():\n${lines}`, {
    code: 'invalid_options',
    issues,
  });
}

function inside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function kind(file: string): Promise<'file' | 'folder' | 'link' | undefined> {
  try {
    const entry = await lstat(file);
    if (entry.isSymbolicLink())
      return (await stat(file).catch(() => undefined))?.isDirectory() ? 'folder' : 'link';
    return entry.isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The nearest existing ancestor of `folder` (itself included) that is not a folder, if any. */
async function blockingFile(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = path.dirname(current)) {
    const found = await kind(current);
    if (found === 'folder') return undefined;
    if (found !== undefined) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

/** `outDir` and `concatTo` can both be written, and neither stands on the other or on a clip's name. */
async function checkPaths(options: GenerateSequenceOptions): Promise<void> {
  const outDir = path.resolve(options.outDir);
  const blocked = await blockingFile(outDir);
  if (blocked !== undefined) {
    throw refuse(
      `outDir ${outDir} cannot be the clips' folder: ${blocked} is a file, not a folder. Choose another outDir.`,
      'outDir',
      'output_not_directory',
    );
  }
  if (options.concatTo === undefined) return;
  const concatTo = path.resolve(options.concatTo);
  const layout = sequenceLayout(options.clips.length, 'png');
  const owned = [
    path.join(outDir, MANIFEST_NAME),
    path.join(outDir, 'frames'),
    ...options.clips.map((_, position) => path.join(outDir, layout.clip(position + 1))),
  ];
  const clash =
    concatTo === outDir
      ? 'it is outDir itself'
      : inside(outDir, concatTo)
        ? 'outDir is inside it'
        : owned.some((name) => inside(concatTo, name))
          ? `it is one of the files the sequence writes in outDir (${owned.map((name) => path.basename(name)).join(', ')})`
          : undefined;
  if (clash !== undefined) {
    throw refuse(
      `concatTo ${concatTo} cannot be the joined video: ${clash}. Give concatTo a file outside the clips' names, such as ${path.join(path.dirname(outDir), `${path.basename(outDir)}.mp4`)}.`,
      'concatTo',
      'sequence_path_conflict',
    );
  }
  if ((await kind(concatTo)) === 'folder') {
    throw refuse(`concatTo ${concatTo} is a folder; it must name a file.`, 'concatTo', 'output_not_file');
  }
  const concatBlocked = await blockingFile(path.dirname(concatTo));
  if (concatBlocked !== undefined) {
    throw refuse(
      `Cannot create the folder of concatTo ${concatTo}: ${concatBlocked} is a file, not a folder.`,
      'concatTo',
      'output_not_directory',
    );
  }
}

/**
 * Checks every option of {@link generateSequence} before anything else (no provider resolved, no
 * file written, no clip paid for): types, ranges and unknown keys, then the paths: `outDir` can be
 * a folder, `concatTo` is a file that is neither `outDir`, inside a clip's name, nor around `outDir`.
 *
 * @throws {ValidationError} `invalid_options`, `output_not_directory`, `output_not_file` or
 * `sequence_path_conflict`, naming the option.
 */
export async function checkSequenceOptions(options: GenerateSequenceOptions): Promise<void> {
  checkTypes(options);
  await checkPaths(options);
}
