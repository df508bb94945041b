import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { getLibraryLogger } from '../log/library-logger.js';
import { copyEnvironment, currentDirectory } from '../log/runtime.js';
import { dotenvParse } from './load-dotenv.js';

/** Options for {@link readEnvironment}. */
export interface ReadEnvironmentOptions {
  /** The environment to use instead of the process's (tests, or values from elsewhere). */
  env?: Record<string, string | undefined>;
  /** The dotenv file to merge, relative to `cwd`; `false` to read none. Default `.env`. */
  envFile?: string | false;
  /** The directory `envFile` is relative to. Default: the working directory. */
  cwd?: string;
  /**
   * Read only these variables from the process environment. Lets Deno run with
   * `--allow-env=OPENAI_API_KEY` instead of access to every variable.
   */
  names?: readonly string[];
}

/**
 * The environment merged over a `.env` file: variables set in the environment win over the file,
 * so a deployment can always override a checked-out `.env`. A variable set to the empty string
 * counts as unset and does not hide the file's value. A missing or unreadable file is skipped.
 * The file is parsed with dotenv's `parse`; `process.env` is never modified.
 *
 * @example
 * ```ts
 * const env = readEnvironment();               // process env over ./.env
 * const env2 = readEnvironment({ envFile: false, env: { OPENAI_API_KEY: 'sk-...' } });
 * ```
 */
export function readEnvironment(options: ReadEnvironmentOptions = {}): Record<string, string | undefined> {
  const fromFile = options.envFile === false ? {} : readEnvFile(options.envFile ?? '.env', options.cwd);
  const env = options.env ?? copyEnvironment(options.names);
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (value !== '' || !(name in merged)) merged[name] = value;
  }
  return merged;
}

function readEnvFile(file: string, cwd: string | undefined): Record<string, string> {
  const base = cwd ?? currentDirectory();
  const path = isAbsolute(file) ? file : base === undefined ? undefined : join(base, file);
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT') getLibraryLogger().debug('could not read env file; ignoring it', { path, code });
    return {};
  }
  return dotenvParse()(text);
}
