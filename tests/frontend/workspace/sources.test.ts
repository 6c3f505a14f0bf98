// The two inputs that place registry packages without cargo: source replacement in
// .cargo/config.toml files, and the dependency lists of Cargo.lock.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replacementDirectory } from '../../../frontend/src/workspace/cargo-config.js';
import { lockedVersion, readLockfile } from '../../../frontend/src/workspace/cargo-lock.js';
import { emptyDirectory } from './fixture-copy.js';

const tmp = emptyDirectory();
afterAll(() => tmp.remove());

function write(rel: string, text: string): string {
  const file = tmp.path(rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('replacementDirectory', () => {
  const home = tmp.path('home/.cargo');
  write('home/.cargo/config.toml', '[source.crates-io]\nreplace-with = "mirror"\n[source.mirror]\ndirectory = "from-home"\n');

  it('follows replace-with to a directory source, relative to the directory holding .cargo', () => {
    write('a/.cargo/config', '[source.crates-io]\nreplace-with = "step"\n[source.step]\nreplace-with = "vendored"\n');
    write('a/b/.cargo/config.toml', '[source.vendored]\ndirectory = "../third-party"\n');
    const problems: string[] = [];
    expect(replacementDirectory(tmp.path('a/b/c'), home, problems)).toBe(tmp.path('a/third-party'));
    expect(problems).toEqual([]);
  });

  it('lets nearer config files win, and falls back to $CARGO_HOME/config.toml', () => {
    write('near/.cargo/config.toml', '[source.mirror]\ndirectory = "vendor"\n');
    expect(replacementDirectory(tmp.path('near'), home, [])).toBe(tmp.path('near/vendor'));
    expect(replacementDirectory(tmp.path('elsewhere'), home, [])).toBe(join(tmp.path('home'), 'from-home'));
    expect(replacementDirectory(tmp.path('elsewhere'), tmp.path('no-home'), [])).toBeUndefined();
  });

  it('reports a replacement loop and an unreadable config instead of failing', () => {
    write('loop/.cargo/config.toml', '[source.crates-io]\nreplace-with = "x"\n[source.x]\nreplace-with = "crates-io"\n');
    const problems: string[] = [];
    expect(replacementDirectory(tmp.path('loop'), tmp.path('no-home'), problems)).toBeUndefined();
    expect(problems).toEqual(['source replacement of crates-io loops through crates-io, x']);
    const broken = write('broken/.cargo/config.toml', '[source\n');
    const more: string[] = [];
    expect(replacementDirectory(tmp.path('broken'), tmp.path('no-home'), more)).toBeUndefined();
    expect(more).toHaveLength(1);
    expect(more[0]).toMatch(new RegExp(`^${broken}:1:`));
  });
});

describe('lockedVersion', () => {
  const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
  const lock = readLockfile(write('lock/Cargo.lock', `version = 3

[[package]]
name = "app"
version = "0.1.0"
dependencies = [
 "dual 1.4.0",
 "dual 2.0.1",
 "only",
 "path-dep",
]

[[package]]
name = "dual"
version = "1.4.0"
source = "${CRATES_IO}"
dependencies = ["only 0.5.0 (${CRATES_IO})"]

[[package]]
name = "dual"
version = "2.0.1"
source = "${CRATES_IO}"

[[package]]
name = "only"
version = "0.5.0"
source = "${CRATES_IO}"

[[package]]
name = "path-dep"
version = "0.1.0"
`))!;
  const app = { name: 'app', version: '0.1.0', fromRegistry: false };

  it('finds the pinned version through the dependent, telling two versions apart by the requirement', () => {
    expect(lockedVersion(lock, app, 'only', '0.5')).toBe('0.5.0');
    expect(lockedVersion(lock, app, 'dual', '1.2')).toBe('1.4.0');
    expect(lockedVersion(lock, app, 'dual', '2')).toBe('2.0.1');
    // The old lock format names the source of every dependency.
    expect(lockedVersion(lock, { name: 'dual', version: '1.4.0', fromRegistry: true }, 'only', undefined)).toBe('0.5.0');
  });

  it('pins nothing for an edge the lock does not list, or a package that is not from a registry', () => {
    expect(lockedVersion(lock, app, 'absent', '1')).toBeUndefined();
    expect(lockedVersion(lock, app, 'path-dep', undefined)).toBeUndefined();
    expect(lockedVersion(lock, { name: 'app', version: '0.2.0', fromRegistry: false }, 'only', '0.5')).toBeUndefined();
    expect(readLockfile(tmp.path('lock/none.lock'))).toBeUndefined();
  });
});
