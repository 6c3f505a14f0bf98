// What `cargo metadata` said, kept for the next discovery (frontend/src/workspace/discovery-cache.ts):
// taken while nothing it depends on changed, and never once something did.
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverWorkspace } from '../../../frontend/src/workspace/index.js';
import { keepDiscovery, keptDiscovery } from '../../../frontend/src/workspace/discovery-cache.js';
import { copyFixture } from '../../support/workspace-copy.js';

/** Where the kept discovery goes, as `xref index` keeps it: a directory of its own, made before. */
function keptFileIn(ws: string): string {
  mkdirSync(path.join(ws, '.xref'));
  return path.join(ws, '.xref', 'workspace.json');
}

/** Sets the modification time of everything under `dir` an hour back: older than any doubt about mtimes. */
function age(dir: string): void {
  const then = new Date(Date.now() - 3_600_000);
  const visit = (p: string) => {
    if (statSync(p).isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    utimesSync(p, then, then);
  };
  visit(dir);
}

const opts = { useCargo: false as const };

/** A copy of the example workspace, aged, with its discovery kept and taken back as it is. */
async function keptCopy(): Promise<{ ws: string; file: string }> {
  const ws = copyFixture('xref-discovery-');
  const workspace = await discoverWorkspace(ws, opts);
  const file = keptFileIn(ws);
  age(ws);
  keepDiscovery(file, ws, opts, workspace);
  expect(keptDiscovery(file, ws, opts)).toEqual(workspace);
  return { ws, file };
}

describe('the kept discovery', () => {
  it('is taken while the workspace is as it was', async () => {
    const { ws, file } = await keptCopy();
    // Other options, or another directory, are another discovery.
    expect(keptDiscovery(file, ws, { ...opts, includeDevTargets: true })).toBeUndefined();
    expect(keptDiscovery(file, path.join(ws, 'geometry'), opts)).toBeUndefined();
  });

  it('is not taken once a manifest, a target file, a package directory or cargo config changed', async () => {
    const changes: Array<(ws: string) => void> = [
      (ws) => writeFileSync(path.join(ws, 'geometry/Cargo.toml'), '# touched\n', { flag: 'a' }),
      (ws) => writeFileSync(path.join(ws, 'Cargo.lock'), ''),
      (ws) => {
        mkdirSync(path.join(ws, 'canvas/src/bin'), { recursive: true });
        writeFileSync(path.join(ws, 'canvas/src/bin/extra.rs'), 'fn main() {}\n');
      },
      (ws) => writeFileSync(path.join(ws, 'geometry/examples.rs'), ''),
      (ws) => mkdirSync(path.join(ws, 'another-crate')),
      (ws) => {
        mkdirSync(path.join(ws, '.cargo'));
        writeFileSync(path.join(ws, '.cargo/config.toml'), '');
      },
    ];
    for (const change of changes) {
      const { ws, file } = await keptCopy();
      change(ws);
      expect(keptDiscovery(file, ws, opts), change.toString()).toBeUndefined();
    }
  });

  it('is not taken when what it depends on changed too recently to tell by time', async () => {
    const ws = copyFixture('xref-discovery-');
    const file = keptFileIn(ws);
    keepDiscovery(file, ws, opts, await discoverWorkspace(ws, opts));
    expect(keptDiscovery(file, ws, opts)).toBeUndefined();
  });
});
