import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI, parallel and crash tests run the built `xref` and workers from dist/: build once,
    // before any test file starts, rather than in each (a build empties dist/ first).
    globalSetup: ['tests/build-once.ts'],
  },
});
