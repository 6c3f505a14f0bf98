// Version requirements as the Cargo book defines them ("Specifying Dependencies"), which the
// Cargo.toml reader needs to pick a registry version when there is no Cargo.lock.
import { describe, expect, it } from 'vitest';
import { highestVersion, matchesRequirement } from '../../../frontend/src/workspace/semver.js';

function accepted(req: string, versions: string[]): string[] {
  return versions.filter((v) => matchesRequirement(v, req));
}

const VERSIONS = ['0.0.3', '0.0.4', '0.2.3', '0.2.9', '0.3.0', '1.0.0', '1.2.0', '1.2.3', '1.2.9', '1.3.0', '1.9.9', '2.0.0', '2.0.0-alpha.1'];

describe('matchesRequirement', () => {
  it('reads a bare version and ^ as caret requirements', () => {
    expect(accepted('1.2.3', VERSIONS)).toEqual(['1.2.3', '1.2.9', '1.3.0', '1.9.9']);
    expect(accepted('^1.2', VERSIONS)).toEqual(['1.2.0', '1.2.3', '1.2.9', '1.3.0', '1.9.9']);
    expect(accepted('1', VERSIONS)).toEqual(['1.0.0', '1.2.0', '1.2.3', '1.2.9', '1.3.0', '1.9.9']);
    expect(accepted('0.2.3', VERSIONS)).toEqual(['0.2.3', '0.2.9']);
    expect(accepted('^0.0.3', VERSIONS)).toEqual(['0.0.3']);
    expect(accepted('^0.0', VERSIONS)).toEqual(['0.0.3', '0.0.4']);
    expect(accepted('0', VERSIONS)).toEqual(['0.0.3', '0.0.4', '0.2.3', '0.2.9', '0.3.0']);
  });

  it('reads tilde, wildcard, comparison and comma-separated requirements', () => {
    expect(accepted('~1.2.3', VERSIONS)).toEqual(['1.2.3', '1.2.9']);
    expect(accepted('~1', VERSIONS)).toEqual(['1.0.0', '1.2.0', '1.2.3', '1.2.9', '1.3.0', '1.9.9']);
    expect(accepted('1.2.*', VERSIONS)).toEqual(['1.2.0', '1.2.3', '1.2.9']);
    expect(accepted('*', VERSIONS)).toEqual(VERSIONS.filter((v) => !v.includes('-')));
    expect(accepted('=1.2', VERSIONS)).toEqual(['1.2.0', '1.2.3', '1.2.9']);
    expect(accepted('=1.2.3', VERSIONS)).toEqual(['1.2.3']);
    expect(accepted('>1.2.3, <=1.3', VERSIONS)).toEqual(['1.2.9', '1.3.0']);
    expect(accepted('>1.2', VERSIONS)).toEqual(['1.3.0', '1.9.9', '2.0.0']);
    expect(accepted('>=1.2.3, <2', VERSIONS)).toEqual(['1.2.3', '1.2.9', '1.3.0', '1.9.9']);
  });

  it('accepts a pre-release only when the requirement names one of the same version', () => {
    expect(accepted('>=1.0', VERSIONS)).not.toContain('2.0.0-alpha.1');
    expect(accepted('>=2.0.0-alpha', VERSIONS)).toEqual(['2.0.0', '2.0.0-alpha.1']);
    expect(matchesRequirement('2.0.0-alpha.1', '^2.0.0-alpha.0')).toBe(true);
    expect(matchesRequirement('2.0.0-alpha.1', '^2.0.0-beta')).toBe(false);
  });

  it('rejects what does not parse', () => {
    expect(matchesRequirement('1.2', '1')).toBe(false);
    expect(matchesRequirement('1.2.3', 'latest')).toBe(false);
    expect(matchesRequirement('1.2.3', '>*')).toBe(false);
  });
});

describe('highestVersion', () => {
  it('orders numerically, a release after its pre-releases, and skips what does not parse', () => {
    expect(highestVersion(['1.10.0', '1.9.0', '1.2.0'])).toBe('1.10.0');
    expect(highestVersion(['2.0.0-rc.1', '2.0.0-alpha.10', '2.0.0-alpha.9'])).toBe('2.0.0-rc.1');
    expect(highestVersion(['2.0.0-alpha.10', '2.0.0-alpha.9'])).toBe('2.0.0-alpha.10');
    expect(highestVersion(['1.0.0-beta', '1.0.0'])).toBe('1.0.0');
    expect(highestVersion(['x', '0.1.0+build.5'])).toBe('0.1.0+build.5');
    expect(highestVersion([])).toBeUndefined();
  });
});
