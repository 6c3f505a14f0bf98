// Discovery by reading Cargo.toml files (useCargo: false); cargo-parity.test.ts checks that
// `cargo metadata` gives the same answers.
import { afterAll, describe, expect, it } from 'vitest';
import { discoverWorkspace, WorkspaceError, type CrateTarget, type Workspace } from '../../../frontend/src/workspace/index.js';
import { copyFixtures, emptyDirectory } from './fixture-copy.js';

const fx = copyFixtures();
afterAll(() => fx.remove());

const manual = (dir: string, includeDevTargets = false) => discoverWorkspace(dir, { useCargo: false, includeDevTargets });

function crate(ws: Workspace, key: string): CrateTarget {
  const found = ws.crates.find((c) => c.key === key);
  if (!found) throw new Error(`no crate ${key} in ${ws.crates.map((c) => c.key).join(', ')}`);
  return found;
}

describe('a single package', () => {
  it('is its own root, with its lib, its bin, and the optional dependencies its features switch on', async () => {
    const ws = await manual(fx.path('single/pkg'));
    expect(ws.root).toBe(fx.path('single/pkg'));
    expect(ws.warnings).toEqual([]);
    expect(ws.crates.map((c) => c.key)).toEqual([
      'lazy-helper 0.1.0 lib lazy_helper',
      'opt-helper 0.1.0 lib opt_helper',
      'single-pkg 0.3.0 lib single_pkg',
      'single-pkg 0.3.0 bin single_pkg',
    ]);
    const lib = crate(ws, 'single-pkg 0.3.0 lib single_pkg');
    expect(lib).toMatchObject({
      package: 'single-pkg', version: '0.3.0', edition: '2021', member: true,
      rootFile: fx.path('single/pkg/src/lib.rs'), packageDir: fx.path('single/pkg'),
    });
    // `dep:opt-helper` and the implicit `lazy-helper` feature activate; `weak-helper?/extra` does not.
    expect(lib.features).toEqual(['default', 'fast', 'lazy-helper', 'simd']);
    expect(lib.dependencies).toEqual({
      lazy_helper: 'lazy-helper 0.1.0 lib lazy_helper',
      opt_helper: 'opt-helper 0.1.0 lib opt_helper',
    });
    const bin = crate(ws, 'single-pkg 0.3.0 bin single_pkg');
    expect(bin.rootFile).toBe(fx.path('single/pkg/src/main.rs'));
    expect(bin.dependencies.single_pkg).toBe(lib.key);
    expect(crate(ws, 'opt-helper 0.1.0 lib opt_helper').member).toBe(false);
  });
});

describe('a virtual workspace', () => {
  const root = fx.path('multi/workspace');

  it('expands glob members, honours exclude, and sorts by package, kind, name', async () => {
    const ws = await manual(root);
    expect(ws.root).toBe(root);
    // crates/experimental is excluded: its unparsable Cargo.toml is never read.
    expect(ws.warnings).toEqual([]);
    expect(ws.crates.map((c) => `${c.key}${c.member ? '' : ' (outside)'}`)).toEqual([
      'app 1.2.0 lib app',
      'app 1.2.0 bin app',
      'app 1.2.0 bin app_admin',
      'app 1.2.0 bin migrate',
      'app 1.2.0 bin report',
      'core-utils 1.2.0 lib cutils',
      'geom-base 0.9.0 lib geom_base (outside)',
      'hidden 0.1.0 lib hidden',
      'quiet 0.2.0 lib quiet',
      'shapes 0.4.0 lib shapes (outside)',
      'ws-cli 0.5.0 bin cli',
      'ws-macros 0.1.0 proc-macro ws_macros',
    ]);
  });

  it('inherits version and edition from [workspace.package]', async () => {
    const ws = await manual(root);
    expect(crate(ws, 'core-utils 1.2.0 lib cutils')).toMatchObject({ version: '1.2.0', edition: '2021' });
    expect(crate(ws, 'ws-macros 0.1.0 proc-macro ws_macros').edition).toBe('2018');
    expect(crate(ws, 'ws-cli 0.5.0 bin cli').edition).toBe('2015');
  });

  it('takes a custom [lib] name and path', async () => {
    const ws = await manual(root);
    expect(crate(ws, 'core-utils 1.2.0 lib cutils').rootFile).toBe(fx.path('multi/workspace/crates/core-utils/lib/utils.rs'));
  });

  it('names renamed dependencies by their key and others by the lib name; workspace deps resolve from the root', async () => {
    const ws = await manual(root);
    expect(crate(ws, 'app 1.2.0 lib app').dependencies).toEqual({
      hidden: 'hidden 0.1.0 lib hidden',
      macros: 'ws-macros 0.1.0 proc-macro ws_macros',
      shapes: 'shapes 0.4.0 lib shapes',
      utils: 'core-utils 1.2.0 lib cutils',
    });
    expect(crate(ws, 'ws-cli 0.5.0 bin cli').dependencies).toEqual({ cutils: 'core-utils 1.2.0 lib cutils' });
  });

  it('finds declared and auto-discovered bins, with autobins and the 2015 rule', async () => {
    const ws = await manual(root);
    const bins = (pkg: string) => ws.crates.filter((c) => c.package === pkg && c.kind === 'bin')
      .map((c) => [c.name, c.rootFile.slice(c.packageDir.length + 1), c.edition]);
    expect(bins('app')).toEqual([
      ['app', 'src/main.rs', '2021'],
      ['app_admin', 'src/admin.rs', '2021'],
      ['migrate', 'src/bin/migrate/main.rs', '2021'],
      ['report', 'src/bin/report.rs', '2024'],
    ]);
    expect(bins('quiet')).toEqual([]);
    // Edition 2015 with a [[bin]] declared: src/bin/extra.rs is not inferred.
    expect(bins('ws-cli')).toEqual([['cli', 'src/cli.rs', '2015']]);
    expect(crate(ws, 'app 1.2.0 bin app_admin').dependencies.app).toBe('app 1.2.0 lib app');
  });

  it('makes a path dependency inside the workspace a member, and follows ones outside it as non-members', async () => {
    const ws = await manual(root);
    expect(crate(ws, 'hidden 0.1.0 lib hidden').member).toBe(true);
    const shapes = crate(ws, 'shapes 0.4.0 lib shapes');
    expect(shapes.member).toBe(false);
    expect(shapes.packageDir).toBe(fx.path('multi/outside/shapes'));
    expect(shapes.dependencies).toEqual({ geom_base: 'geom-base 0.9.0 lib geom_base' });
    // geom-base is the root of its own workspace and inherits its version from it.
    expect(crate(ws, 'geom-base 0.9.0 lib geom_base').edition).toBe('2018');
    expect(ws.crates.some((c) => c.package === 'shapes' && c.kind === 'bin')).toBe(false);
  });

  it('adds examples, tests and benches with their dev-dependencies only when asked', async () => {
    const ws = await manual(root, true);
    const dev = ws.crates.filter((c) => ['example', 'test', 'bench'].includes(c.kind));
    expect(dev.map((c) => [c.key, c.rootFile.slice(c.packageDir.length + 1)])).toEqual([
      ['app 1.2.0 example demo', 'examples/demo.rs'],
      ['app 1.2.0 test smoke', 'tests/smoke.rs'],
      ['app 1.2.0 bench speed', 'benches/speed/main.rs'],
    ]);
    for (const c of dev) expect(c.dependencies).toMatchObject({ app: 'app 1.2.0 lib app', testkit: 'testkit 0.1.0 lib testkit' });
    expect(crate(ws, 'app 1.2.0 lib app').dependencies.testkit).toBeUndefined();
    expect(crate(ws, 'testkit 0.1.0 lib testkit').member).toBe(false);
    expect((await manual(root)).crates.some((c) => c.package === 'testkit')).toBe(false);
  });

  it('gives the same workspace from a package directory or any subdirectory', async () => {
    const fromRoot = await manual(root);
    expect(await manual(fx.path('multi/workspace/crates/app/src/bin'))).toEqual(fromRoot);
    expect(await manual(fx.path('multi/workspace/tools/cli'))).toEqual(fromRoot);
  });
});

describe('problems', () => {
  it('reports a broken or missing member and still returns the others', async () => {
    for (const from of ['broken', 'broken/good', 'broken/bad']) {
      const ws = await manual(fx.path(from));
      expect(ws.root).toBe(fx.path('broken'));
      expect(ws.crates.map((c) => c.key)).toEqual(['good 0.1.0 lib good']);
      expect(ws.warnings).toEqual([
        `${fx.path('broken/bad/Cargo.toml')}:3:14: illegal character in numeric literal`,
        `${fx.path('broken/missing/Cargo.toml')}: not found`,
      ]);
    }
  });

  it('fails with a one-line WorkspaceError when the root manifest does not parse', async () => {
    const attempt = manual(fx.path('broken-root'));
    await expect(attempt).rejects.toThrow(WorkspaceError);
    await expect(attempt).rejects.toThrow(`${fx.path('broken-root/Cargo.toml')}:3:1: expected comma or end of structure`);
  });

  it('fails with a WorkspaceError when there is no Cargo.toml', async () => {
    const empty = emptyDirectory();
    try {
      const attempt = manual(empty.path());
      await expect(attempt).rejects.toThrow(WorkspaceError);
      await expect(attempt).rejects.toThrow(`no Cargo.toml in ${empty.path()} or any parent directory`);
      await expect(manual(empty.path('nope'))).rejects.toThrow(`no such directory: ${empty.path('nope')}`);
    } finally {
      empty.remove();
    }
  });

  it('treats a package its enclosing workspace does not list as its own root', async () => {
    const ws = await manual(fx.path('loose/stray'));
    expect(ws.root).toBe(fx.path('loose/stray'));
    expect(ws.crates.map((c) => c.key)).toEqual(['stray 0.1.0 bin stray']);
    expect(ws.warnings).toEqual([`${fx.path('loose/stray')} is not a member of the workspace at ${fx.path('loose')}; read it as its own root`]);
  });

  it('skips git dependencies and registry ones not on disk with a warning, dev-only ones only when dev targets are read', async () => {
    const savedHome = process.env.CARGO_HOME;
    process.env.CARGO_HOME = fx.path('no-cargo-home');
    try {
      const ws = await manual(fx.path('registry'));
      expect(ws.crates.map((c) => `${c.key} ${c.member}`)).toEqual(['local 0.1.0 lib local false', 'reg-user 0.1.0 lib reg_user true']);
      expect(crate(ws, 'reg-user 0.1.0 lib reg_user').dependencies).toEqual({ local: 'local 0.1.0 lib local' });
      // vendor/ holds only `local`, a path dependency; the registry cache does not exist.
      const places = `${fx.path('registry/vendor')}, ${fx.path('no-cargo-home/registry/src')}`;
      const skipped = [
        `skipped dependency \`xref-fixture-not-published\` of \`reg-user\`: no version matching \`1.0\` in ${places}`,
        'skipped dependency `remote` of `reg-user` (git https://example.invalid/remote.git): only path and registry dependencies are read without cargo',
      ];
      expect(ws.warnings).toEqual(skipped);
      expect((await manual(fx.path('registry'), true)).warnings).toEqual([
        ...skipped,
        `skipped dependency \`xref-fixture-dev-only\` of \`reg-user\`: no version matching \`1.0\` in ${places}`,
      ]);
    } finally {
      if (savedHome === undefined) delete process.env.CARGO_HOME;
      else process.env.CARGO_HOME = savedHome;
    }
  });
});
