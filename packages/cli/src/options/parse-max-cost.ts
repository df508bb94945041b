import type { MaxCost } from '@video-gen/core';
import { InvalidArgumentError } from 'commander';

/**
 * Parses `--max-cost`: an amount in the model's own unit (`2.5`), or with its unit (`2.5USD`,
 * `50credits`, `50 credits`). A bad value is a usage error showing the forms.
 *
 * @example
 * ```ts
 * parseMaxCost('50credits'); // { amount: 50, unit: 'credits' }
 * ```
 */
export function parseMaxCost(value: string): MaxCost {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(usd|\$|credits?)?\s*$/i.exec(value);
  if (!match) {
    throw new InvalidArgumentError(
      "--max-cost takes an amount, 0 or more: in the model's unit (--max-cost 2.5) or with its unit (--max-cost 2.5USD, --max-cost 50credits).",
    );
  }
  const amount = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  if (unit === undefined) return amount;
  return { amount, unit: unit === 'usd' || unit === '$' ? 'USD' : 'credits' };
}
