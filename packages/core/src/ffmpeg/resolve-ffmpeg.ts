import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigurationError } from '../errors/configuration-error.js';

/** Where a resolved ffmpeg (or ffprobe) binary came from. */
export type FfmpegSource = 'option' | 'env' | 'package' | 'PATH';

/** A resolved binary. */
export interface ResolvedBinary {
  /** Absolute path, or the bare command name when found on PATH. */
  readonly path: string;
  /** Where it was found. */
  readonly source: FfmpegSource;
  /** The npm package that shipped it, when `source` is `package`. */
  readonly packageName?: string;
}

/** Options for {@link resolveFfmpeg}. */
export interface ResolveFfmpegOptions {
  /** An explicit binary path: used as is, and an error if it does not exist. */
  readonly path?: string | undefined;
  /** The environment to read `FFMPEG_PATH` / `FFPROBE_PATH` from. Default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type PackageLoader = readonly [packageName: string, pick: (exported: unknown) => string | undefined];

// Look beside core first, then from the working directory (for layouts that do not hoist).
const requirers = [createRequire(import.meta.url), createRequire(path.join(process.cwd(), 'noop.js'))];

function tryPackage([packageName, pick]: PackageLoader): string | undefined {
  for (const require of requirers) {
    try {
      const found = pick(require(packageName));
      if (found && existsSync(found)) return found;
    } catch {
      // not installed here, or its binary was never downloaded
    }
  }
  return undefined;
}

function onPath(command: string): boolean {
  const result = spawnSync(command, ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return result.status === 0;
}

function resolveBinary(
  tool: 'ffmpeg' | 'ffprobe',
  options: ResolveFfmpegOptions,
  packages: readonly PackageLoader[],
): ResolvedBinary {
  const envName = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  if (options.path) {
    if (!existsSync(options.path)) {
      throw new ConfigurationError(`The ${tool} binary given as an option does not exist: ${options.path}`);
    }
    return { path: path.resolve(options.path), source: 'option' };
  }
  const env = options.env ?? process.env;
  const fromEnv = env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new ConfigurationError(`${envName} points to a file that does not exist: ${fromEnv}`, {
        variables: [envName],
      });
    }
    return { path: path.resolve(fromEnv), source: 'env' };
  }
  for (const loader of packages) {
    const found = tryPackage(loader);
    if (found) return { path: found, source: 'package', packageName: loader[0] };
  }
  if (onPath(tool)) return { path: tool, source: 'PATH' };
  const names = packages.map(([source]) => source).join(', ');
  throw new ConfigurationError(
    `No ${tool} found. Tried: the ${tool}Path option, ${envName}, the packages ${names}, and \`${tool}\` on PATH. ` +
      `Install one (npm install ${packages.at(-1)?.[0] ?? tool}, or your system's ${tool}) or set ${envName}.`,
    { variables: [envName] },
  );
}

/**
 * Finds an ffmpeg binary: the explicit `path` option, then `FFMPEG_PATH`, then the `ffmpeg-static`
 * package (when installed and its binary was downloaded), then `@ffmpeg-installer/ffmpeg`, then
 * `ffmpeg` on PATH. Throws a ConfigurationError naming all of them when none is found.
 *
 * @example
 * ```ts
 * const { path } = resolveFfmpeg();
 * ```
 */
export function resolveFfmpeg(options: ResolveFfmpegOptions = {}): ResolvedBinary {
  return resolveBinary('ffmpeg', options, [
    ['ffmpeg-static', (exported) => exported as string | undefined],
    ['@ffmpeg-installer/ffmpeg', (exported) => (exported as { path?: string }).path],
  ]);
}

/**
 * Finds an ffprobe binary like {@link resolveFfmpeg}: option, `FFPROBE_PATH`, `ffprobe-static`,
 * `@ffprobe-installer/ffprobe`, then `ffprobe` on PATH.
 */
export function resolveFfprobe(options: ResolveFfmpegOptions = {}): ResolvedBinary {
  return resolveBinary('ffprobe', options, [
    ['ffprobe-static', (exported) => (exported as { path?: string }).path],
    ['@ffprobe-installer/ffprobe', (exported) => (exported as { path?: string }).path],
  ]);
}
