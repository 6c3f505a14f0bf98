// `cargo metadata` and the Cargo.toml reader must describe the fixtures identically; when cargo
// fails, discovery falls back to the reader and says so.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverWorkspace, WorkspaceError } from '../../../frontend/src/workspace/index.js';
import { summarizeStderr } from '../../../frontend/src/workspace/cargo-metadata.js';
import { copyFixtures } from './fixture-copy.js';

const cargoInstalled = spawnSync('cargo', ['--version']).status === 0;
const needsCargo = cargoInstalled ? '' : ' [SKIPPED: cargo is not installed]';

const fx = copyFixtures();
afterAll(() => fx.remove());

describe('cargo metadata and the Cargo.toml reader agree', () => {
  const cases: [string, string, boolean][] = [
    ['a single package with feature-switched optional dependencies', 'single/pkg', false],
    ['a virtual workspace', 'multi/workspace', false],
    ['a virtual workspace with dev targets', 'multi/workspace', true],
    ['a workspace discovered from a subdirectory', 'multi/workspace/crates/app/src', true],
  ];
  for (const [what, dir, includeDevTargets] of cases) {
    it.skipIf(!cargoInstalled)(`${what}${needsCargo}`, async () => {
      const fromCargo = await discoverWorkspace(fx.path(dir), { useCargo: true, includeDevTargets });
      const fromManifests = await discoverWorkspace(fx.path(dir), { useCargo: false, includeDevTargets });
      expect(fromCargo.crates.length).toBeGreaterThan(0);
      expect(fromCargo).toEqual(fromManifests);
    }, 60_000);
  }
});

describe('falling back from cargo', () => {
  it.skipIf(!cargoInstalled)(`reads the manifests, with a warning, when cargo metadata fails${needsCargo}`, async () => {
    const auto = await discoverWorkspace(fx.path('broken'));
    const manual = await discoverWorkspace(fx.path('broken'), { useCargo: false });
    expect(auto.crates).toEqual(manual.crates);
    expect(auto.warnings.slice(1)).toEqual(manual.warnings);
    expect(auto.warnings[0]).toMatch(/^cargo metadata failed: /);
    expect(auto.warnings[0]).toContain(`${fx.path('broken/bad/Cargo.toml')}:3:14`);
    expect(auto.warnings[0]).toMatch(/; read the Cargo\.toml files instead$/);
  }, 60_000);

  it.skipIf(!cargoInstalled)(`fails when cargo is required and fails${needsCargo}`, async () => {
    await expect(discoverWorkspace(fx.path('broken'), { useCargo: true })).rejects.toThrow(WorkspaceError);
    await expect(discoverWorkspace(fx.path('broken'), { useCargo: true })).rejects.toThrow(/^cargo metadata failed: .*bad\/Cargo\.toml:3:14/);
  }, 60_000);

  it('reads the manifests without a warning when cargo is not installed, and fails when it is required', async () => {
    const path = process.env.PATH;
    process.env.PATH = fx.path('no-such-bin-dir');
    try {
      const auto = await discoverWorkspace(fx.path('multi/workspace'));
      expect(auto).toEqual(await discoverWorkspace(fx.path('multi/workspace'), { useCargo: false }));
      expect(auto.warnings).toEqual([]);
      await expect(discoverWorkspace(fx.path('multi/workspace'), { useCargo: true })).rejects.toThrow('cargo is not installed');
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('summarizeStderr', () => {
  it('keeps the first error, its location made absolute, and the innermost cause', () => {
    const parseError = 'error: invalid float, expected nothing\n --> bad/Cargo.toml:3:14\n  |\n3 | version = 0.1.0\n  |              ^^\n';
    expect(summarizeStderr(parseError, '/ws')).toBe('/ws/bad/Cargo.toml:3:14: invalid float, expected nothing');
    const caused = 'error: failed to get `x` as a dependency of package `y`\n\nCaused by:\n  failed to load source for dependency `x`\n\nCaused by:\n  you are in the offline mode (--offline)\n';
    expect(summarizeStderr(caused, '/ws')).toBe('failed to get `x` as a dependency of package `y`: you are in the offline mode (--offline)');
    const continued = "error: current package believes it's in a workspace when it's not:\ncurrent:   /w/a/Cargo.toml\nworkspace: /w/Cargo.toml\n\nthis may be fixable\n";
    expect(summarizeStderr(continued, '/w')).toBe("current package believes it's in a workspace when it's not: current: /w/a/Cargo.toml workspace: /w/Cargo.toml");
    expect(summarizeStderr('', '/w')).toBe('no error message');
  });
});
