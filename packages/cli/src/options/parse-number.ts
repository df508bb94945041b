import { InvalidArgumentError } from 'commander';

/**
 * An argument parser for a whole number ≥ `min`, for commander. A bad value becomes a usage error
 * that shows an example, so the fix is obvious.
 *
 * @example
 * ```ts
 * program.option('--fps <n>', 'frames per second', wholeNumber('--fps', 1, '24'));
 * ```
 */
export function wholeNumber(flag: string, min: number, example: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`${flag} takes a whole number ≥ ${min}, such as ${flag} ${example}.`);
    }
    return parsed;
  };
}

/**
 * An argument parser for a number of seconds (decimals allowed) ≥ `min`, for commander.
 *
 * @example
 * ```ts
 * program.option('--timeout <seconds>', 'give up after', seconds('--timeout', 1, '600'));
 * ```
 */
export function seconds(flag: string, min: number, example: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed < min) {
      throw new InvalidArgumentError(
        `${flag} takes a number of seconds ≥ ${min}, such as ${flag} ${example}.`,
      );
    }
    return parsed;
  };
}
