#!/usr/bin/env node
import { execute, settings } from '@oclif/core';

// Always run the compiled commands in dist/: oclif would otherwise look for TypeScript sources
// to transpile whenever NODE_ENV is "development" or "test" (as under vitest).
settings.enableAutoTranspile = false;

await execute({ dir: import.meta.url });
