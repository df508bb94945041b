/**
 * A short description of a value for an error message: its type and, for small values, the value
 * itself (`number 42`, `string "false"`, `null`, `NaN`, `an object`). Never the content of an
 * object or a long string, which could hold a secret or a whole file.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return Number.isFinite(value) ? `number ${value}` : String(value);
  }
  if (typeof value === 'string') {
    return value.length <= 40 ? `string ${JSON.stringify(value)}` : `a string of ${value.length} characters`;
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}
