import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'integration/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at a time even on two cores (vitest's default there is one): most of the
    // suite waits on child processes, ffmpeg, sockets and Postgres rather than on the CPU.
    maxWorkers: 2,
    // The library logs to logs/video_gen.log by default; tests that check logging configure their own file.
    // Tests record generations in a throwaway ledger, never the user's own.
    // Tests poll their loopback and msw vendors on a 10 ms request budget, not the 5 s default.
    env: {
      VIDEO_GEN_POLL_BUDGET_MS: '10',
      VIDEO_GEN_LOG_FILE: 'off',
      VIDEO_GEN_HOME: path.join(os.tmpdir(), `video-gen-test-home-${process.pid}`),
    },
  },
});
