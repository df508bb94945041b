import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The library logs to logs/video_gen.log by default; tests that check logging configure their own file.
    env: { VIDEO_GEN_LOG_FILE: 'off' },
  },
});
