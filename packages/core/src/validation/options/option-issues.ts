import type { z } from 'zod';
import type { ValidationIssue } from '../../errors/validation-error.js';
import { didYouMean } from './did-you-mean.js';

/** `images[0]`, `retry.retries`, `clips[1].prompt`: the option as the caller wrote it. */
export function fieldName(path: readonly PropertyKey[], root?: string): string {
  let name = root ?? '';
  for (const segment of path) {
    if (typeof segment === 'number') name += `[${segment}]`;
    else name += name === '' ? String(segment) : `.${String(segment)}`;
  }
  return name === '' ? 'options' : name;
}

/** The keys an object schema at `path` of `schema` knows, to suggest one for a misspelt key. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = () => {
    for (;;) {
      const def = (current as { def?: { type?: string; innerType?: unknown } }).def;
      if (def?.type === 'optional' || def?.type === 'nullable' || def?.type === 'default')
        current = def.innerType;
      else return def;
    }
  };
  for (const segment of path) {
    const def = unwrap() as { type?: string; shape?: Record<string, unknown>; element?: unknown } | undefined;
    if (def?.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else if (def?.type === 'array') current = def.element;
    else return [];
  }
  const def = unwrap() as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/**
 * Turns zod's issues into {@link ValidationIssue}s whose `field` names the option and whose
 * message says what was expected and what was given; an unknown key gets one issue of its own,
 * with the option it most likely meant.
 */
export function optionIssues(
  schema: z.ZodType,
  issues: readonly z.core.$ZodIssue[],
  root?: string,
): ValidationIssue[] {
  return issues.flatMap((issue): ValidationIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const field = fieldName([...issue.path, key], root);
        const suggestion = didYouMean(key, known);
        return {
          field,
          message: `${field} is not an option${suggestion ? `; did you mean ${fieldName([...issue.path, suggestion], root)}?` : ''}`,
        };
      });
    }
    const field = fieldName(issue.path, root);
    return [{ field, message: `${field} ${issue.message}` }];
  });
}
