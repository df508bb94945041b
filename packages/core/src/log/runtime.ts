/**
 * Runtime probes shared by logging and config. Node, Bun and Deno all expose `process`, but Deno
 * guards environment and file access behind permissions and, in a terminal, *prompts* for them.
 * A library must never prompt or throw for its own diagnostics, so we ask Deno first and treat
 * "not granted" as "not available".
 */

interface DenoPermissions {
  querySync?(descriptor: { name: string; variable?: string; path?: string }): { state: string };
}

function denoPermissions(): DenoPermissions | undefined {
  const deno = (globalThis as { Deno?: { permissions?: DenoPermissions } }).Deno;
  return deno?.permissions;
}

function granted(descriptor: { name: string; variable?: string; path?: string }): boolean {
  const permissions = denoPermissions();
  if (!permissions) return true; // not Deno: nothing to ask
  try {
    return permissions.querySync?.(descriptor).state === 'granted';
  } catch {
    return false;
  }
}

/** The process environment, or `undefined` where the runtime has none. */
function processEnv(): Record<string, string | undefined> | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
}

/** Reads one environment variable; `undefined` when unset or when the runtime will not allow it. */
export function readEnvVar(name: string): string | undefined {
  if (!granted({ name: 'env', variable: name })) return undefined;
  try {
    return processEnv()?.[name];
  } catch {
    return undefined;
  }
}

/**
 * A copy of the whole environment, or of only `names` when given (so Deno's per-variable
 * `--allow-env=A,B` is enough). Variables the runtime refuses are left out.
 */
export function copyEnvironment(names?: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (names) {
    for (const name of names) {
      const value = readEnvVar(name);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (!granted({ name: 'env' })) return out;
  try {
    Object.assign(out, processEnv());
  } catch {
    // A sandbox refused: an empty environment is the honest answer.
  }
  return out;
}

/** The working directory, or `undefined` where the runtime will not say. */
export function currentDirectory(): string | undefined {
  // No permission check: Deno 2 reports the working directory without one.
  try {
    return (globalThis as { process?: { cwd?(): string } }).process?.cwd?.();
  } catch {
    return undefined;
  }
}

/** Whether the runtime lets us read and write `path` without prompting. */
export function mayWriteFile(path: string): boolean {
  return granted({ name: 'read', path }) && granted({ name: 'write', path });
}

/** The process id, for telling concurrent writers apart in a shared log; 0 where unknown. */
export function processId(): number {
  return (globalThis as { process?: { pid?: number } }).process?.pid ?? 0;
}
