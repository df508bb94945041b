import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** A unique file name in the working directory: `video-<provider>-<yyyymmdd-hhmmss>-<random>.mp4`. */
export function defaultOutPath(providerId: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const safeId = providerId.replace(/[^a-z0-9_-]/gi, '_');
  return path.resolve(`video-${safeId}-${stamp}-${randomBytes(3).toString('hex')}.mp4`);
}
