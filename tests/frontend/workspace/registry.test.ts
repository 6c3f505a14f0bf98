// Registry dependencies: from a $CARGO_HOME registry cache, a configured vendor directory, or a
// bare vendor/ at the root; versions from Cargo.lock; renamed second versions; dev-dependencies
// for tests and examples only. Fixtures: data/workspaces/.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverWorkspace, type CrateTarget, type Workspace } from '../../../frontend/src/workspace/index.js';
import { cargoInstalled, copyFixtures, DATA_WORKSPACES, registryFixtures } from './fixture-copy.js';

const needsCargo = cargoInstalled ? '' : ' [SKIPPED: cargo is not installed]';

const fx = registryFixtures();
const REGISTRY = 'registry-home/cargo-home/registry/src/index.crates.io-1949cf8c6b5b557f';

const manual = (dir: string, includeDevTargets = false) => discoverWorkspace(fx.path(dir), { useCargo: false, includeDevTargets });

function crate(ws: Workspace, key: string): CrateTarget {
  const found = ws.crates.find((c) => c.key === key);
  if (!found) throw new Error(`no crate ${key} in ${ws.crates.map((c) => c.key).join(', ')}`);
  return found;
}

const summary = (ws: Workspace) => ws.crates.map((c) => `${c.key} ${c.source} ${c.edition}`);

describe('registry dependencies from $CARGO_HOME/registry/src', () => {
  it('takes the versions Cargo.lock pins, each package version once, renamed ones under their key', async () => {
    const ws = await manual('registry-home/app');
    expect(ws.warnings).toEqual([]);
    expect(summary(ws)).toEqual([
      'regapp 0.1.0 lib regapp workspace 2021',
      'tinyfmt 0.9.1 lib tinyfmt registry 2015',
      'tinyfmt 1.2.3 lib tinyfmt registry 2018',
    ]);
    expect(crate(ws, 'regapp 0.1.0 lib regapp').dependencies).toEqual({
      oldfmt: 'tinyfmt 0.9.1 lib tinyfmt',
      tinyfmt: 'tinyfmt 1.2.3 lib tinyfmt',
    });
    const dep = crate(ws, 'tinyfmt 1.2.3 lib tinyfmt');
    expect(dep).toMatchObject({ member: false, package: 'tinyfmt', version: '1.2.3', packageDir: fx.path(REGISTRY, 'tinyfmt-1.2.3') });
    expect(dep.rootFile).toBe(fx.path(REGISTRY, 'tinyfmt-1.2.3/src/lib.rs'));
  });

  it('gives tests and examples the dev-dependencies, and the dev-dependency its own locked dependency', async () => {
    const ws = await manual('registry-home/app', true);
    expect(ws.warnings).toEqual([]);
    const devDeps = {
      checkmate: 'checkmate 0.3.0 lib checkmate', oldfmt: 'tinyfmt 0.9.1 lib tinyfmt',
      regapp: 'regapp 0.1.0 lib regapp', tinyfmt: 'tinyfmt 1.2.3 lib tinyfmt',
    };
    expect(crate(ws, 'regapp 0.1.0 test labels').dependencies).toEqual(devDeps);
    expect(crate(ws, 'regapp 0.1.0 example show').dependencies).toEqual(devDeps);
    expect(crate(ws, 'regapp 0.1.0 lib regapp').dependencies.checkmate).toBeUndefined();
    // checkmate's own dev-dependency (tinyfmt 1.3) is not resolved: it is not a member.
    expect(crate(ws, 'checkmate 0.3.0 lib checkmate')).toMatchObject({
      source: 'registry', member: false, dependencies: { tinyfmt: 'tinyfmt 1.2.3 lib tinyfmt' },
    });
    expect(ws.crates.filter((c) => c.package === 'tinyfmt').map((c) => c.version)).toEqual(['0.9.1', '1.2.3']);
  });

  it('without Cargo.lock, picks the highest unpacked version that meets the requirement', async () => {
    const lockFile = fx.path('registry-home/app/Cargo.lock');
    const lock = readFileSync(lockFile, 'utf8');
    rmSync(lockFile);
    try {
      const ws = await manual('registry-home/app');
      expect(crate(ws, 'regapp 0.1.0 lib regapp').dependencies).toEqual({
        oldfmt: 'tinyfmt 0.9.1 lib tinyfmt',
        tinyfmt: 'tinyfmt 1.3.0 lib tinyfmt',
      });
    } finally {
      writeFileSync(lockFile, lock);
    }
  });

  it('warns about a locked version that is not on disk', async () => {
    process.env.CARGO_HOME = fx.path('no-such-cargo-home');
    try {
      const ws = await manual('registry-home/app');
      expect(ws.crates.map((c) => c.key)).toEqual(['regapp 0.1.0 lib regapp']);
      expect(ws.warnings).toEqual([
        `skipped dependency \`tinyfmt\` of \`regapp\`: Cargo.lock pins 1.2.3, which is not in ${fx.path('no-such-cargo-home/registry/src')}`,
        `skipped dependency \`tinyfmt\` of \`regapp\`: Cargo.lock pins 0.9.1, which is not in ${fx.path('no-such-cargo-home/registry/src')}`,
      ]);
    } finally {
      process.env.CARGO_HOME = fx.path('registry-home/cargo-home');
    }
  });

  it.skipIf(!cargoInstalled)(`falls back to the reader when cargo cannot resolve offline (it needs the registry index)${needsCargo}`, async () => {
    const auto = await discoverWorkspace(fx.path('registry-home/app'), { includeDevTargets: true });
    expect(auto.warnings[0]).toMatch(/^cargo metadata failed: no matching package named `(tinyfmt|checkmate)` found.*; read the Cargo\.toml files instead$/);
    expect(auto.crates).toEqual((await manual('registry-home/app', true)).crates);
  }, 60_000);
});

describe('vendored dependencies', () => {
  it('reads the directory .cargo/config.toml replaces crates.io with: vendor/NAME and vendor/NAME-VERSION', async () => {
    const ws = await manual('vendored', true);
    expect(ws.warnings).toEqual([]);
    expect(summary(ws)).toEqual([
      'checkmate 0.3.0 lib checkmate registry 2021',
      'shop 0.2.0 lib shop workspace 2021',
      'shop 0.2.0 example receipt workspace 2021',
      'shop 0.2.0 test tags workspace 2021',
      'till 0.2.0 bin till workspace 2018',
      'tinyfmt 0.9.1 lib tinyfmt registry 2015',
      'tinyfmt 1.2.3 lib tinyfmt registry 2018',
    ]);
    expect(crate(ws, 'tinyfmt 1.2.3 lib tinyfmt').packageDir).toBe(fx.path('vendored/vendor/tinyfmt'));
    expect(crate(ws, 'tinyfmt 0.9.1 lib tinyfmt').packageDir).toBe(fx.path('vendored/vendor/tinyfmt-0.9.1'));
    expect(crate(ws, 'shop 0.2.0 lib shop').dependencies).toEqual({ fmt09: 'tinyfmt 0.9.1 lib tinyfmt', tinyfmt: 'tinyfmt 1.2.3 lib tinyfmt' });
    expect(crate(ws, 'shop 0.2.0 test tags').dependencies.checkmate).toBe('checkmate 0.3.0 lib checkmate');
    expect(crate(ws, 'till 0.2.0 bin till').dependencies).toEqual({ shop: 'shop 0.2.0 lib shop' });
  });

  for (const includeDevTargets of [false, true]) {
    it.skipIf(!cargoInstalled)(`agrees with cargo metadata --offline${includeDevTargets ? ', dev targets included' : ''}${needsCargo}`, async () => {
      const fromCargo = await discoverWorkspace(fx.path('vendored'), { useCargo: true, includeDevTargets });
      const fromManifests = await manual('vendored', includeDevTargets);
      expect(fromCargo.crates.filter((c) => c.source === 'registry').length).toBeGreaterThan(1);
      expect(fromCargo).toEqual(fromManifests);
    }, 60_000);
  }

  it('reads a bare vendor/ at the root without Cargo.lock: the highest version meeting the requirement', async () => {
    const ws = await manual('plain-vendor');
    expect(ws.warnings).toEqual([]);
    expect(summary(ws)).toEqual(['plain 0.1.0 lib plain workspace 2021', 'tinyfmt 1.2.3 lib tinyfmt registry 2018']);
    expect(crate(ws, 'tinyfmt 1.2.3 lib tinyfmt').packageDir).toBe(fx.path('plain-vendor/vendor/tinyfmt-1.2.3'));
  });

  it('names the places it looked in when no version fits', async () => {
    const copy = copyFixtures(DATA_WORKSPACES);
    try {
      const manifest = copy.path('plain-vendor/Cargo.toml');
      writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^tinyfmt = .*$/m, 'tinyfmt = "3"'));
      const ws = await discoverWorkspace(copy.path('plain-vendor'), { useCargo: false });
      expect(ws.crates.map((c) => c.key)).toEqual(['plain 0.1.0 lib plain']);
      expect(ws.warnings).toEqual([
        `skipped dependency \`tinyfmt\` of \`plain\`: no version matching \`3\` in ${copy.path('plain-vendor/vendor')}, ${fx.path(REGISTRY, '..')}`,
      ]);
    } finally {
      copy.remove();
    }
  });
});
