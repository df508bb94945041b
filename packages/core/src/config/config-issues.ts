import type { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error.js';
import { REDACTED, redact } from '../log/redact.js';

/** What {@link configurationError} needs to know about a config definition. */
export interface ConfigContext {
  provider: string;
  /** Field → environment variables that can set it, in order of preference. */
  env: Readonly<Record<string, readonly string[] | undefined>>;
  /** Field names holding secrets: their values never appear in messages. */
  secrets: ReadonlySet<string>;
  /** Field → the variable that actually supplied it, when it came from the environment. */
  sources?: Readonly<Record<string, string>>;
}

/**
 * Turns zod issues into one {@link ConfigurationError} naming every bad field and the
 * environment variables behind it, e.g.
 * `sora2 configuration: apiKey is required: set OPENAI_API_KEY`.
 */
export function configurationError(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  context: ConfigContext,
): ConfigurationError {
  const variables = new Set<string>();
  const parts = issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '(config)';
    const top = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const vars = (top !== undefined && context.env[top]) || [];
    const source = top !== undefined ? context.sources?.[top] : undefined;
    for (const v of source ? [source] : vars) variables.add(v);

    const value = valueAt(input, issue.path);
    if (value === undefined && issue.code === 'invalid_type') {
      return vars.length > 0 ? `${field} is required: set ${vars.join(' or ')}` : `${field} is required`;
    }
    let detail = issue.message;
    // A custom message could quote the value; for a secret, make sure it cannot.
    if (top !== undefined && context.secrets.has(top) && typeof value === 'string' && value.length >= 4) {
      detail = detail.split(value).join(REDACTED);
    }
    const hint = source ? ` (from ${source})` : vars.length > 0 ? ` (set ${vars.join(' or ')})` : '';
    return `${field} is invalid: ${detail}${hint}`;
  });
  const message = redact(`${context.provider} configuration: ${parts.join('; ')}`);
  return new ConfigurationError(message, { provider: context.provider, variables: [...variables] });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
