import os from 'node:os';
import path from 'node:path';

/**
 * The folder holding the ledger: `VIDEO_GEN_HOME/ledger` when set, else the platform's data
 * folder: `$XDG_DATA_HOME/video-gen` or `~/.local/share/video-gen` on Linux,
 * `~/Library/Application Support/video-gen` on macOS, `%LOCALAPPDATA%\video-gen` on Windows.
 */
export function defaultLedgerDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.VIDEO_GEN_HOME) return path.join(path.resolve(env.VIDEO_GEN_HOME), 'ledger');
  const home = os.homedir();
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Application Support', 'video-gen', 'ledger');
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'video-gen', 'ledger');
  }
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'video-gen', 'ledger');
}
