import { InvalidArgumentError } from 'commander';

/** `--provider-option` values collected so far: key → value. */
export type ProviderOptionValues = Readonly<Record<string, unknown>>;

// `true`, `42` and `{"a":1}` mean what they look like; anything else is a string.
function parseValue(raw: string): unknown {
  if (
    raw === 'true' ||
    raw === 'false' ||
    raw === 'null' ||
    /^-?\d+(\.\d+)?$/.test(raw) ||
    /^[[{"]/.test(raw)
  ) {
    try {
      return JSON.parse(raw);
    } catch {
      throw new InvalidArgumentError(`the value ${raw} looks like JSON but does not parse.`);
    }
  }
  return raw;
}

/**
 * Commander's collector for `--provider-option key=value` (repeatable): the selected provider's
 * `providerOptions`, which the provider validates strictly (an unknown key is refused before any
 * paid call).
 *
 * @example
 * ```ts
 * collectProviderOption('personGeneration=allow_adult', {}); // { personGeneration: 'allow_adult' }
 * ```
 */
export function collectProviderOption(
  value: string,
  previous: ProviderOptionValues = {},
): ProviderOptionValues {
  const separator = value.indexOf('=');
  if (separator <= 0) {
    throw new InvalidArgumentError(
      '--provider-option takes key=value, such as --provider-option fitInputReference=cover.',
    );
  }
  return { ...previous, [value.slice(0, separator).trim()]: parseValue(value.slice(separator + 1)) };
}
