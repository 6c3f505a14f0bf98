// The producing tool's name and version, recorded in every dump header. The package.json is
// found by walking up, so this works from the sources (tests) and from dist/ alike.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'rust-xref') return pkg.version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const TOOL = { name: 'rust-xref', version: packageVersion() };
