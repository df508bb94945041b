import { defaultModel, type GenerationWarning, getProvider } from '@video-gen/core';
import { InvalidArgumentError } from 'commander';
import { cliCommand } from '../output/cli-command.js';

/**
 * The argument parser of `--loop [true|false]` (the Python CLI's `--loop true|false`); a bare
 * `--loop` means true.
 *
 * @example
 * ```ts
 * parseLoop('false'); // false
 * ```
 */
export function parseLoop(value: string): boolean {
  const text = value.trim().toLowerCase();
  if (['true', 'yes', 'on', '1'].includes(text)) return true;
  if (['false', 'no', 'off', '0'].includes(text)) return false;
  throw new InvalidArgumentError(
    `--loop takes true or false (or nothing, for true), not "${value}". Put the prompt first: ${cliCommand('prompt')} --loop.`,
  );
}

/** How a `--loop` request is carried out: as a provider option, or not at all (with a warning). */
export interface LoopPlan {
  /** The provider's options with `loop: true` added, when the provider accepts it. */
  readonly providerOptions?: Readonly<Record<string, unknown>>;
  /** Why the video will not loop, when the provider does not accept it. */
  readonly warning?: GenerationWarning;
}

/**
 * Decides what `--loop` does for a provider and model, from the provider's own data: when its
 * `providerOptions` parser accepts `loop: true`, the request carries
 * `providerOptions[provider].loop = true`; otherwise (every first-party provider today, and a
 * provider without a parser, whose options cannot be checked) the video is generated without it
 * and a warning says so. No network call.
 *
 * @example
 * ```ts
 * const plan = await planLoop('local', undefined, undefined);
 * plan.warning?.message; // '--loop is not supported by local/local-v1; the video will not loop'
 * ```
 */
export async function planLoop(
  providerId: string,
  modelId: string | undefined,
  providerOptions: Readonly<Record<string, unknown>> | undefined,
): Promise<LoopPlan> {
  const provider = await getProvider(providerId);
  const model =
    modelId === undefined
      ? defaultModel(provider.models)
      : provider.models.find((info) => info.id === modelId || info.aliases?.includes(modelId));
  const withLoop = { ...providerOptions, loop: true };
  let accepted = false;
  if (provider.parseProviderOptions) {
    try {
      accepted = provider.parseProviderOptions(withLoop).loop === true;
    } catch {
      accepted = false;
    }
  }
  if (accepted) return { providerOptions: withLoop };
  return {
    warning: {
      type: 'unsupported',
      feature: 'loop',
      message: `--loop is not supported by ${provider.id}/${model?.id ?? modelId ?? 'its default model'}; the video will not loop`,
    },
  };
}
