// The fixtures are copied to a temporary directory before use: `cargo metadata` writes a
// Cargo.lock next to the manifests it reads, and the repository copy must stay clean.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const FIXTURES = new URL('./fixtures/', import.meta.url);
/** The workspaces under data/: registry, vendor and dev-dependency layouts. */
export const DATA_WORKSPACES = new URL('../../../data/workspaces/', import.meta.url);

export interface FixtureCopy {
  /** Absolute path of a fixture directory inside the copy. */
  path: (...parts: string[]) => string;
  remove: () => void;
}

export function copyFixtures(from: URL = FIXTURES): FixtureCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'xref-workspace-')));
  cpSync(from, dir, { recursive: true });
  return { path: (...parts) => join(dir, ...parts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An empty directory with no Cargo.toml in it. */
export function emptyDirectory(): FixtureCopy {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'xref-empty-')));
  return { path: (...parts) => join(dir, ...parts), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const cargoInstalled = spawnSync('cargo', ['--version']).status === 0;

/**
 * The data/workspaces fixtures, copied for the calling test file, with CARGO_HOME pointing at
 * registry-home's fake cargo home while its tests run.
 */
export function registryFixtures(): FixtureCopy {
  const fx = copyFixtures(DATA_WORKSPACES);
  const savedHome = process.env.CARGO_HOME;
  beforeAll(() => {
    process.env.CARGO_HOME = fx.path('registry-home/cargo-home');
  });
  afterAll(() => {
    if (savedHome === undefined) delete process.env.CARGO_HOME;
    else process.env.CARGO_HOME = savedHome;
    fx.remove();
  });
  return fx;
}
