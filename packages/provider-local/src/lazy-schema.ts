import { createRequire } from 'node:module';
import type * as Zod from 'zod';

let zod: typeof Zod | undefined;

/** zod, loaded synchronously on first use: its ES build where `require` loads ES modules, else its CommonJS one. */
function requireZod(): typeof Zod {
  if (zod) return zod;
  const require = createRequire(import.meta.url);
  const commonJs = require.resolve('zod');
  try {
    zod = require(commonJs.replace(/index\.cjs$/, 'index.js')) as typeof Zod;
  } catch {
    zod = require(commonJs) as typeof Zod;
  }
  return zod;
}

/**
 * A zod schema that is built, and zod loaded, the first time anything touches it: importing the
 * package costs nothing. Every operation is forwarded to the real schema, so it parses, composes
 * into other schemas and passes `instanceof` checks like the schema itself. Internal.
 */
export function lazySchema<T extends object>(build: (z: typeof Zod.z) => T): T {
  let real: T | undefined;
  const schema = () => {
    real ??= build(requireZod().z);
    return real;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const target = schema();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set: (_, key, value) => Reflect.set(schema(), key, value),
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor(_, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      // A proxy may not report a property as non-configurable that its own target lacks.
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
