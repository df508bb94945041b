import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@video-gen/core';
import type { z } from 'zod';
import { lazySchema } from './lazy-schema.js';

/**
 * x264 presets, fastest first: they trade encoding speed against file size.
 *
 * @example
 * ```ts
 * X264_PRESETS.includes('veryfast'); // true
 * ```
 */
export const X264_PRESETS = [
  'ultrafast',
  'superfast',
  'veryfast',
  'faster',
  'fast',
  'medium',
  'slow',
  'slower',
  'veryslow',
  'placebo',
] as const;

/** An x264 preset name. */
export type X264Preset = (typeof X264_PRESETS)[number];

/**
 * Settings of the local provider. Every field is optional.
 *
 * @example
 * ```ts
 * const config: LocalConfig = { jobsDir: './.video-jobs', preset: 'ultrafast', simulatedQueueMs: 500 };
 * const provider = createLocal(config);
 * ```
 */
export interface LocalConfig {
  /** The ffmpeg binary. Default: `FFMPEG_PATH`, then `ffmpeg-static`, then `@ffmpeg-installer/ffmpeg`, then `ffmpeg` on PATH. */
  readonly ffmpegPath?: string | undefined;
  /** Where job folders live. Default: `<os tmpdir>/video-gen-local-jobs`. */
  readonly jobsDir?: string | undefined;
  /** The x264 preset: speed against file size (the bytes depend on it). Default: `veryfast`. */
  readonly preset?: X264Preset | undefined;
  /** How long a job reports `queued` before its render starts, in milliseconds. Default: 0. */
  readonly simulatedQueueMs?: number | undefined;
  /**
   * How long a delivered render is kept in `jobsDir`, in milliseconds, so a lost output can be
   * downloaded again from the ledger. Default: 24 hours (vendors keep videos about that long); 0
   * deletes it as soon as it is delivered.
   */
  readonly keepFinishedMs?: number | undefined;
}

/**
 * The zod schema that validates a {@link LocalConfig}: unknown keys are refused, so a typo
 * does not pass silently. zod is loaded when the schema is first used, not when the package is
 * imported (`createLocal` checks a config without it, and asks zod only to word an error).
 *
 * @example
 * ```ts
 * localConfigSchema.parse({ preset: 'ultrafast' });
 * ```
 */
export const localConfigSchema: z.ZodType<LocalConfig> = lazySchema((zod) =>
  zod.strictObject({
    ffmpegPath: zod.string().min(1).optional(),
    jobsDir: zod.string().min(1).optional(),
    preset: zod.enum(X264_PRESETS).optional(),
    simulatedQueueMs: zod.number().int().min(0).optional(),
    keepFinishedMs: zod.number().int().min(0).optional(),
  }),
);

const text = (value: unknown) => value === undefined || (typeof value === 'string' && value.length > 0);
const count = (value: unknown) =>
  value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

/** The schema's rules without zod: true only for a config the schema accepts. */
function isValidConfig(config: unknown): config is LocalConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return false;
  const known = new Set(['ffmpegPath', 'jobsDir', 'preset', 'simulatedQueueMs', 'keepFinishedMs']);
  for (const key in config) if (!known.has(key)) return false;
  const value = config as Record<string, unknown>;
  return (
    text(value.ffmpegPath) &&
    text(value.jobsDir) &&
    (value.preset === undefined || (X264_PRESETS as readonly unknown[]).includes(value.preset)) &&
    count(value.simulatedQueueMs) &&
    count(value.keepFinishedMs)
  );
}

/** A validated config with every default filled in. */
export interface ResolvedLocalConfig {
  readonly ffmpegPath: string | undefined;
  readonly jobsDir: string;
  readonly preset: X264Preset;
  readonly simulatedQueueMs: number;
  readonly keepFinishedMs: number;
}

/**
 * Validates `config` and fills the defaults; throws a ConfigurationError that names each bad field.
 *
 * @example
 * ```ts
 * const { jobsDir } = resolveLocalConfig({});
 * ```
 */
export function resolveLocalConfig(config: LocalConfig = {}): ResolvedLocalConfig {
  const parsed = isValidConfig(config)
    ? { success: true as const, data: config }
    : localConfigSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(config)'}: ${issue.message}`)
      .join('; ');
    throw new ConfigurationError(`Invalid local provider config: ${problems}`, { provider: 'local' });
  }
  const value = parsed.data;
  return {
    ffmpegPath: value.ffmpegPath,
    jobsDir: path.resolve(value.jobsDir ?? path.join(os.tmpdir(), 'video-gen-local-jobs')),
    preset: value.preset ?? 'veryfast',
    simulatedQueueMs: value.simulatedQueueMs ?? 0,
    keepFinishedMs: value.keepFinishedMs ?? 24 * 60 * 60_000,
  };
}
