import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defaultLedgerDir, ValidationError } from '@video-gen/core';
import type { StudioContext } from './api/studio-context.js';
import { JobBoard } from './jobs/job-board.js';
import { FrameCache } from './media/frame-cache.js';
import { createStudioApp } from './server/create-app.js';
import { listen } from './server/listen.js';
import type { Studio, StudioOptions } from './studio-options.js';

function checkPort(port: unknown): number {
  if (port === undefined) return 0;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) {
    const message = 'port must be a whole number from 0 to 65535';
    throw new ValidationError(`Invalid options for startStudio():\n  - ${message}`, {
      code: 'invalid_options',
      issues: [{ field: 'port', message }],
    });
  }
  return port;
}

/**
 * Starts the studio: a local web page over the generation ledger, on 127.0.0.1 only, guarded by a
 * random token (print `url`, which carries it). The page shows the generations with poster frames
 * and plays them, follows running jobs live, shows stitched sequences' boundaries, and starts new
 * generations checked by `checkVideoRequest` as you type. Runs on Node, Bun and Deno.
 *
 * @example
 * ```ts
 * const studio = await startStudio({ port: 4173 });
 * console.log(`Open ${studio.url}`);
 * // later
 * await studio.close();
 * ```
 */
export async function startStudio(options: StudioOptions = {}): Promise<Studio> {
  const port = checkPort(options.port);
  const ledger = path.resolve(options.ledgerDir ?? defaultLedgerDir());
  const token = randomBytes(24).toString('base64url');
  const jobs = new JobBoard();
  const context: StudioContext = {
    ledger,
    outDir: path.resolve(options.outDir ?? process.cwd()),
    providerConfig: options.providerConfig ?? {},
    jobs,
    frames: new FrameCache(
      path.resolve(options.cacheDir ?? path.join(path.dirname(ledger), 'studio-cache')),
      options.ffmpegPath,
    ),
  };
  let boundPort = port;
  const streams = new Set<() => void>();
  const app = await createStudioApp(context, { token, port: () => boundPort }, streams);
  const server = await listen(app.fetch, port);
  boundPort = server.port;
  const origin = `http://127.0.0.1:${boundPort}`;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      for (const stop of [...streams]) stop();
      await jobs.close();
      await server.close();
    })();
    return closing;
  };
  if (options.signal?.aborted) await close();
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  return { url: `${origin}/?token=${token}`, origin, token, port: boundPort, close };
}
