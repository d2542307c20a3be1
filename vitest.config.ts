import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/scratch-setup.ts'],
    // 2-core machines: keep the pool small so kernel-diff tests and the compiler fuzzer don't starve each other.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
})
