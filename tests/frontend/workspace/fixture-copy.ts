// The fixtures are copied to a temporary directory before use: `cargo metadata` writes a
// Cargo.lock next to the manifests it reads, and the repository copy must stay clean.
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface FixtureCopy {
  /** Absolute path of a fixture directory inside the copy. */
  path: (...parts: string[]) => string;
  remove: () => void;
}

export function copyFixtures(): FixtureCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'xref-workspace-')));
  cpSync(FIXTURES, dir, { recursive: true });
  return { path: (...parts) => join(dir, ...parts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An empty directory with no Cargo.toml in it. */
export function emptyDirectory(): FixtureCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'xref-empty-')));
  return { path: (...parts) => join(dir, ...parts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
