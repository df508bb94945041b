import { VideoGenError, type VideoGenErrorOptions } from './video-gen-error.js';

/** No provider is registered under the id, and no first-party package for it is installed. */
export class ProviderNotFoundError extends VideoGenError {
  static override readonly errorName: string = 'ProviderNotFoundError';
  /** The package that provides this id, when it is a first-party provider. */
  readonly packageName: string | undefined;
  constructor(message: string, options: VideoGenErrorOptions & { packageName?: string } = {}) {
    super(message, 'provider_not_found', options);
    this.packageName = options.packageName;
  }
}

/** How importing a first-party provider package by name went wrong. */
export interface PackageLoadFailure {
  /** The provider id asked for. */
  readonly id: string;
  /** Its package. */
  readonly packageName: string;
  /** Where the package resolves from the working folder, when it does. */
  readonly resolvedPath: string | undefined;
  /** What the import threw. */
  readonly cause: unknown;
}

const MODULE_NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * The error for a first-party package that could not be imported by name. "Not installed" only
 * when it is really missing; when it is installed, or failed for another reason, the likely cause
 * is a bundler (esbuild, webpack, Vite…), which cannot see an import by name: the message says so
 * and gives the bundler-safe form.
 */
export function packageLoadError(failure: PackageLoadFailure): ProviderNotFoundError {
  const { id, packageName, resolvedPath, cause } = failure;
  const bundlerSafe = `import { plugin } from '${packageName}' and call registerProvider(plugin) (or pass the provider its package creates as \`provider\`)`;
  const code = (cause as { code?: unknown } | null)?.code;
  const missing =
    resolvedPath === undefined &&
    typeof code === 'string' &&
    MODULE_NOT_FOUND.has(code) &&
    String((cause as Error).message).includes(packageName);
  const message = missing
    ? `The provider "${id}" needs the package ${packageName}, which is not installed. Install it: npm install ${packageName}. If it is installed and this app is bundled, the bundler left it out: ${bundlerSafe}.`
    : `The provider "${id}" needs the package ${packageName}, which ${resolvedPath ? `is installed (${resolvedPath}) but ` : ''}could not be imported by name: ${reason(cause)}. A bundler is the usual cause, as it cannot see an import by name: ${bundlerSafe}.`;
  return new ProviderNotFoundError(message, { provider: id, packageName, cause });
}

function reason(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.split('\n')[0]?.trim() || 'unknown error';
}
