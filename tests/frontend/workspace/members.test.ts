import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkspaceSection } from '../../../frontend/src/workspace/manifest.js';
import { isExcluded, memberDirs } from '../../../frontend/src/workspace/members.js';
import { emptyDirectory } from './fixture-copy.js';

const tree = emptyDirectory();
afterAll(() => tree.remove());
for (const dir of ['crates/alpha', 'crates/beta', 'crates/gamma', 'nested/one/two', 'tools/t1', 'tools/t22']) {
  mkdirSync(tree.path(dir), { recursive: true });
}
writeFileSync(tree.path('crates/not-a-dir.rs'), '');

const section = (members: string[], exclude: string[] = []): WorkspaceSection =>
  ({ dir: tree.path(), members, exclude, package: {}, dependencies: {} });
const relative = (dirs: string[]) => dirs.map((d) => d.slice(tree.path().length + 1));

describe('memberDirs', () => {
  it('matches *, ?, [..] and [!..] against directories only', () => {
    expect(relative(memberDirs(section(['crates/*'])).dirs)).toEqual(['crates/alpha', 'crates/beta', 'crates/gamma']);
    expect(relative(memberDirs(section(['tools/t?'])).dirs)).toEqual(['tools/t1']);
    expect(relative(memberDirs(section(['crates/[ab]*'])).dirs)).toEqual(['crates/alpha', 'crates/beta']);
    expect(relative(memberDirs(section(['crates/[!ab]*'])).dirs)).toEqual(['crates/gamma']);
  });

  it('matches ** at any depth, including none', () => {
    expect(relative(memberDirs(section(['nested/**'])).dirs)).toEqual(['nested', 'nested/one', 'nested/one/two']);
  });

  it('keeps literal members as written and removes excluded glob matches', () => {
    const result = memberDirs(section(['crates/*', './tools/t22', 'missing'], ['crates/beta']));
    expect(relative(result.dirs)).toEqual(['crates/alpha', 'crates/gamma', 'missing', 'tools/t22']);
    expect(result.problems).toEqual([]);
  });

  it('reports a pattern that matches nothing', () => {
    expect(memberDirs(section(['plugins/*'])).problems).toEqual([
      `${tree.path()}/Cargo.toml: workspace member pattern \`plugins/*\` matches no directory`,
    ]);
  });
});

describe('isExcluded', () => {
  it('excludes whole subtrees, unless a literal member names the directory', () => {
    const ws = section(['crates/*', 'crates/beta'], ['crates']);
    expect(isExcluded(ws, tree.path('crates/alpha'))).toBe(true);
    expect(isExcluded(ws, tree.path('crates/beta'))).toBe(false);
    expect(isExcluded(ws, tree.path('crates-extra'))).toBe(false);
  });
});
