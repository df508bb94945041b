import { createRequire } from 'node:module';

type DotenvParse = (text: string) => Record<string, string>;

let parse: DotenvParse | undefined;

/**
 * dotenv's `parse`, loaded when the first `.env` file is read rather than with core (it costs
 * about 10 ms to import). dotenv is CommonJS, so `require` loads the one copy every runtime
 * shares, synchronously, as `readEnvironment` needs.
 */
export function dotenvParse(): DotenvParse {
  parse ??= (createRequire(import.meta.url)('dotenv') as { parse: DotenvParse }).parse;
  return parse;
}
