/** The Python CLI's `--provider` names, mapped to registry ids, so old scripts keep working. */
const PYTHON_NAMES: Readonly<Record<string, string>> = {
  openai: 'sora2',
  sora: 'sora2',
  azure: 'azure-sora',
  google: 'veo3',
  veo: 'veo3',
};

/**
 * The registry id for a `--backend` value: registry ids pass through, the Python CLI's names
 * (`openai`, `azure`, `google`) map to theirs.
 *
 * @example
 * ```ts
 * backendId('openai'); // 'sora2'
 * ```
 */
export function backendId(value: string): string {
  const trimmed = value.trim();
  const name = trimmed.toLowerCase();
  // Own entries only: `constructor` or `__proto__` is an (unknown) id, not Object's.
  return (Object.hasOwn(PYTHON_NAMES, name) ? PYTHON_NAMES[name] : undefined) ?? trimmed;
}
