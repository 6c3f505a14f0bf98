// The std table's types that no path names — slices, arrays, raw pointers — found from any
// crate through its `core` dependency, and the std methods whose result is their receiver's type.
import type { CrateCtx, DefInfo } from './model.js';

export type BuiltinType = 'slice' | 'array' | 'const_ptr' | 'mut_ptr';

/** Qualnames of the builtin types in the std table (std-table-primitive.ts). */
export const BUILTIN_QUALNAMES: Record<BuiltinType, string> = {
  slice: 'core::primitive::slice',
  array: 'core::primitive::array',
  const_ptr: 'core::ptr::const_ptr',
  mut_ptr: 'core::ptr::mut_ptr',
};

const byCore = new WeakMap<CrateCtx, Map<string, DefInfo>>();

/** The def of a builtin type as seen from `crate`, or undefined when it reaches no std table. */
export function builtinType(crate: CrateCtx, which: BuiltinType): DefInfo | undefined {
  const core = crate.name === 'core' ? crate : crate.deps.get('core');
  if (!core) return undefined;
  let defs = byCore.get(core);
  if (!defs) {
    const wanted = new Set(Object.values(BUILTIN_QUALNAMES));
    defs = new Map(core.defs.filter((d) => wanted.has(d.def.qualname) && d.ns === 'type').map((d) => [d.def.qualname, d]));
    byCore.set(core, defs);
  }
  return defs.get(BUILTIN_QUALNAMES[which]);
}

/** Gives `core` the builtin types `builtinType` would find among its defs, for a model whose defs are read on demand (surface/read.ts). */
export function presetBuiltinTypes(core: CrateCtx, types: ReadonlyMap<BuiltinType, DefInfo>): void {
  byCore.set(core, new Map([...types].map(([which, d]) => [BUILTIN_QUALNAMES[which], d])));
}

const returnsSelf = new WeakSet<DefInfo>();

/** Marks a std method whose call has the receiver's type (`p.add(1)`, `n.wrapping_sub(1)`). */
export function markReturnsSelf(d: DefInfo): void {
  returnsSelf.add(d);
}

export function returnsReceiver(d: DefInfo): boolean {
  return returnsSelf.has(d);
}
