import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Native SQLite and scrypt are CPU-bound; forks keep each file isolated and the 2-core CI calm.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
