import type { GenerateVideosOperation, Video } from '@google/genai';
import type { JobRef, ProviderContext, ResolvedRequest, VideoSource } from '@video-gen/core';
import { resolveVeo3Config, Veo3Config, type Veo3Mode } from './veo3-config.js';
import { legacyConnection } from './veo3-legacy-client.js';
import type { Veo3ProviderOptions } from './veo3-options.js';
import { vertexConnection } from './veo3-vertex-client.js';

/**
 * One way of reaching Veo (Vertex AI through the SDK, or the legacy Gemini API over REST), behind
 * the three calls the provider makes (internal).
 */
export interface Veo3Connection {
  readonly mode: Veo3Mode;
  /** Whether `id` is an operation name of this service: a JobRef may come from a journal on disk. */
  isOperationName(id: string): boolean;
  /** Starts the operation (the paid call); returns its name. */
  submit(request: ResolvedRequest, options: Veo3ProviderOptions, ctx: ProviderContext): Promise<string>;
  /** Reads the operation, in the SDK's shape whichever service answered. */
  operation(job: JobRef, ctx: ProviderContext): Promise<GenerateVideosOperation>;
  /** Where core streams a generated video from. */
  videoSource(video: Video): Promise<VideoSource>;
}

/**
 * Resolves the config (from the environment when none was given) and opens the connection for
 * its mode. Throws a ConfigurationError naming the missing variables for the mode.
 */
export function openConnection(config: Veo3Config | undefined): Veo3Connection {
  const resolved = resolveVeo3Config(config ?? Veo3Config.fromEnvironment());
  return resolved.mode === 'gemini-legacy' ? legacyConnection(resolved) : vertexConnection(resolved);
}
