import { describe, expect, it } from 'vitest';
import { activatedOptionalDeps, enabledFeatures, withImplicitFeatures } from '../../../frontend/src/workspace/features.js';

describe('enabledFeatures', () => {
  it('expands default transitively, through cycles, and sorts', () => {
    const table = { default: ['b', 'a'], a: ['c'], b: ['a', 'b'], c: ['default'], unused: [] };
    expect(enabledFeatures(table)).toEqual(['a', 'b', 'c', 'default']);
  });

  it('enables nothing without a default feature', () => {
    expect(enabledFeatures({ a: [] })).toEqual([]);
  });

  it('skips dep: and weak entries; dep/feature enables the dependency’s implicit feature only when it exists', () => {
    const table = withImplicitFeatures(
      { default: ['dep:quiet', 'weak?/x', 'strong/y', 'plain/z'], extra: [] },
      ['quiet', 'weak', 'strong'],
    );
    expect(table).toEqual({
      default: ['dep:quiet', 'weak?/x', 'strong/y', 'plain/z'], extra: [],
      weak: ['dep:weak'], strong: ['dep:strong'],
    });
    expect(enabledFeatures(table)).toEqual(['default', 'strong']);
  });
});

describe('activatedOptionalDeps', () => {
  it('collects dep: and dep/feature entries of enabled features, not weak ones or disabled features', () => {
    const table = withImplicitFeatures({ default: ['fast', 'w?/x'], fast: ['dep:o1', 'o2/f'], off: ['dep:o3'] }, ['o1', 'o2', 'o3', 'w', 'o4']);
    expect([...activatedOptionalDeps(table, enabledFeatures(table))].sort()).toEqual(['o1', 'o2']);
    const implicit = withImplicitFeatures({ default: ['o4'] }, ['o4']);
    expect([...activatedOptionalDeps(implicit, enabledFeatures(implicit))]).toEqual(['o4']);
  });
});
