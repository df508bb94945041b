import path from 'node:path';
import { detectRuntime, type RuntimeInfo } from './runtime-info.js';

/** What decides how the user started the CLI: the parts of the process that differ per launcher. */
export interface InvocationFacts {
  readonly runtime: RuntimeInfo['name'];
  /** The script the runtime runs (`process.argv[1]`): a bin link, a cache path or a file. */
  readonly script: string;
  /** The runtime's own executable (`process.execPath`). */
  readonly execPath: string;
  /** `npm_command`: `exec` under `npx` and `npm exec`. */
  readonly npmCommand: string | undefined;
  /** The folders of `PATH`. */
  readonly pathDirs: readonly string[];
  readonly cwd: string;
}

const BIN_NAME = 'video-gen';
const PACKAGE_NAME = '@video-gen/cli';

const contains = (file: string, part: string) => file.split(/[\\/]/).includes(part);

// A runtime installed as an npm devDependency (as in this repository) is reached with `npx <name>`.
function runtimeWords(facts: InvocationFacts, name: 'bun' | 'deno'): string[] {
  return contains(facts.execPath, 'node_modules') ? ['npx', name] : [name];
}

// A script under the working folder is shown relative to it, as the user would type it.
function scriptWord(facts: InvocationFacts): string {
  const relative = path.relative(facts.cwd, facts.script);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative
    : facts.script;
}

/**
 * The words that start the CLI again the way the user started it, so a printed hint ("Resume it
 * with: …", "see … doctor") runs where they are: `video-gen` from `PATH`, `npx --no-install
 * video-gen` from a project that has it installed, `npx @video-gen/cli` when npx fetched it,
 * `bunx @video-gen/cli`, `deno run -A npm:@video-gen/cli`, else the runtime and the script's path.
 *
 * @example
 * ```ts
 * invocationWords({ runtime: 'node', script: '/usr/local/bin/video-gen', pathDirs: ['/usr/local/bin'], ... });
 * // ['video-gen']
 * ```
 */
export function invocationWords(facts: InvocationFacts): string[] {
  if (facts.npmCommand === 'exec') {
    // npx keeps what it fetched under <cache>/_npx/<hash>/; anything else is the project's own bin.
    return contains(facts.script, '_npx') ? ['npx', PACKAGE_NAME] : ['npx', '--no-install', BIN_NAME];
  }
  if (facts.runtime === 'deno') {
    if (contains(facts.script, 'registry.npmjs.org')) return ['deno', 'run', '-A', `npm:${PACKAGE_NAME}`];
    return [...runtimeWords(facts, 'deno'), 'run', '-A', scriptWord(facts)];
  }
  if (facts.runtime === 'bun') {
    if (facts.script.split(/[\\/]/).some((part) => part.startsWith('bunx-'))) return ['bunx', PACKAGE_NAME];
    return [...runtimeWords(facts, 'bun'), scriptWord(facts)];
  }
  const onPath =
    path.basename(facts.script) === BIN_NAME &&
    facts.pathDirs.some((dir) => dir !== '' && path.resolve(dir) === path.dirname(facts.script));
  // Whoever runs Node has a `node` to type; Bun and Deno may only be npm dev dependencies.
  return onPath ? [BIN_NAME] : ['node', scriptWord(facts)];
}

let current: string[] | undefined;

/** {@link invocationWords} for this process (computed once). */
export function currentInvocation(): readonly string[] {
  current ??= invocationWords({
    runtime: detectRuntime().name,
    script: path.resolve(process.argv[1] ?? BIN_NAME),
    execPath: process.execPath,
    npmCommand: process.env.npm_command,
    pathDirs: (process.env.PATH ?? '').split(path.delimiter),
    cwd: process.cwd(),
  });
  return current;
}
