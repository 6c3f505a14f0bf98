// Feature expansion as the spec of CrateTarget.features defines it: `default`, expanded through
// the package's own [features] table. Features requested by dependents are not unified in.

/** Adds `k = ["dep:k"]` for each optional dependency `k` that no feature names as `dep:k`, as cargo does. */
export function withImplicitFeatures(table: Record<string, string[]>, optionalDeps: Iterable<string>): Record<string, string[]> {
  const result: Record<string, string[]> = { ...table };
  const explicitlyReferenced = new Set(
    Object.values(table).flat().filter((v) => v.startsWith('dep:')).map((v) => v.slice(4)),
  );
  for (const dep of optionalDeps) {
    if (!explicitlyReferenced.has(dep) && !Object.hasOwn(result, dep)) result[dep] = [`dep:${dep}`];
  }
  return result;
}

/** The feature an entry of a feature's list enables in this package, if any. */
function enabledByEntry(entry: string): string | undefined {
  if (entry.startsWith('dep:') || entry.includes('?/')) return undefined;
  const slash = entry.indexOf('/');
  // `dep/feat` enables the feature of the dependency, and `dep`'s implicit feature when it has one.
  return slash < 0 ? entry : entry.slice(0, slash);
}

/** `default` and everything it enables, transitively; sorted. */
export function enabledFeatures(table: Record<string, string[]>): string[] {
  const enabled = new Set<string>();
  const pending = Object.hasOwn(table, 'default') ? ['default'] : [];
  for (let feature = pending.pop(); feature !== undefined; feature = pending.pop()) {
    if (enabled.has(feature)) continue;
    enabled.add(feature);
    for (const entry of table[feature] ?? []) {
      const next = enabledByEntry(entry);
      if (next !== undefined && Object.hasOwn(table, next)) pending.push(next);
    }
  }
  return [...enabled].sort();
}

/** Keys of the optional dependencies the enabled features switch on (`dep:k`, `k/feat`; not `k?/feat`). */
export function activatedOptionalDeps(table: Record<string, string[]>, enabled: readonly string[]): Set<string> {
  const activated = new Set<string>();
  for (const feature of enabled) {
    for (const entry of table[feature] ?? []) {
      if (entry.startsWith('dep:')) activated.add(entry.slice(4));
      else if (entry.includes('/') && !entry.includes('?/')) activated.add(entry.slice(0, entry.indexOf('/')));
    }
  }
  return activated;
}
