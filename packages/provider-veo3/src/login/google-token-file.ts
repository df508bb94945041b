import { chmod, lstat, mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { defaultLedgerDir, FileSystemError, registerSecret, writeFileAtomic } from '@video-gen/core';
import { z } from 'zod';

/**
 * The cached Google login: google-auth-library's `authorized_user` shape (as gcloud writes it), plus
 * the current access token, its expiry and the token endpoint it came from.
 */
export interface StoredGoogleLogin {
  readonly type: 'authorized_user';
  readonly client_id: string;
  readonly client_secret: string;
  readonly refresh_token: string;
  readonly access_token?: string | undefined;
  /** Milliseconds since the epoch. */
  readonly expiry_date?: number | undefined;
  readonly scope?: string | undefined;
  readonly token_url: string;
  readonly revoke_url: string;
  readonly account?: string | undefined;
}

const storedSchema = z.object({
  type: z.literal('authorized_user'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
  access_token: z.string().min(1).optional(),
  expiry_date: z.number().optional(),
  scope: z.string().optional(),
  token_url: z.string().min(1),
  revoke_url: z.string().min(1),
  account: z.string().optional(),
});

/**
 * Where the login is cached: `credentials/google.json` in the per-user video-gen folder, the one
 * that holds the ledger and the CLI's log (`VIDEO_GEN_HOME`, else the platform's data folder).
 */
export function googleLoginFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return path.join(path.dirname(defaultLedgerDir(env)), 'credentials', 'google.json');
}

/** The cached login, or undefined when there is none (or it is unreadable or malformed). */
export async function readGoogleLogin(file: string): Promise<StoredGoogleLogin | undefined> {
  let text: string;
  try {
    const stats = await lstat(file);
    if (!stats.isFile()) return undefined; // a link or a folder is never read as a credential
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = storedSchema.safeParse(parsed);
  if (!result.success) return undefined;
  registerSecret(result.data.refresh_token);
  registerSecret(result.data.client_secret);
  if (result.data.access_token) registerSecret(result.data.access_token);
  return result.data;
}

/**
 * Writes the login owner-only: the folder `0700` (created without following a link: a link there
 * is refused), the file `0600`, replaced atomically through an exclusively created temporary name.
 */
export async function writeGoogleLogin(file: string, login: StoredGoogleLogin): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stats = await lstat(folder);
  if (!stats.isDirectory()) {
    throw new FileSystemError(
      `${folder} must be a folder, but ${stats.isSymbolicLink() ? 'a symbolic link' : 'a file'} is there. Remove it and log in again.`,
      'unsafe_path',
      folder,
    );
  }
  if (process.platform !== 'win32' && (stats.mode & 0o777) !== 0o700) await chmod(folder, 0o700);
  await writeFileAtomic(file, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the cached login; resolves whether there was one. */
export async function removeGoogleLogin(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
}
