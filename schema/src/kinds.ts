// The closed sets of the dump format: item and def kinds, ref roles, relation kinds, severities
// and editions. Apart from the validator, so that what only needs the lists (a query command's
// flag choices, search's kinds) does not load the validator.
import type { CrateInfo, DefKind, Diagnostic, ItemKind, RefRole, RelationKind } from './types.js';

// Each table must name every member of its union and nothing else (`satisfies` enforces both),
// so the lists below cannot drift from types.ts.
export const ITEM_KIND_TABLE = {
  mod: true, use: true, extern_crate: true, fn: true, struct: true, enum: true, union: true,
  trait: true, impl: true, const: true, static: true, type: true, macro_rules: true,
  macro_call: true, extern_block: true, error: true,
} satisfies Record<ItemKind, true>;

export const DEF_KIND_TABLE = {
  crate: true, mod: true, struct: true, enum: true, variant: true, field: true, union: true,
  trait: true, fn: true, method: true, assoc_const: true, assoc_type: true, const: true,
  static: true, type_alias: true, macro: true, local: true, param: true, generic_param: true,
  lifetime: true, label: true, extern_crate: true,
} satisfies Record<DefKind, true>;

export const REF_ROLE_TABLE = {
  read: true, write: true, call: true, type: true, import: true, impl: true, macro: true,
  field: true, method: true, pattern: true, path: true, attribute: true,
} satisfies Record<RefRole, true>;

export const RELATION_KIND_TABLE = {
  implements: true, overrides: true, reexports: true, supertrait: true,
} satisfies Record<RelationKind, true>;

export const SEVERITY_TABLE = { error: true, warning: true } satisfies Record<Diagnostic['severity'], true>;

export const EDITION_TABLE = {
  '2015': true, '2018': true, '2021': true, '2024': true,
} satisfies Record<CrateInfo['edition'], true>;

function keysOf<K extends string>(table: Record<K, true>): readonly K[] {
  return Object.freeze(Object.keys(table) as K[]);
}

export const ITEM_KINDS = keysOf(ITEM_KIND_TABLE);
export const DEF_KINDS = keysOf(DEF_KIND_TABLE);
export const REF_ROLES = keysOf(REF_ROLE_TABLE);
export const RELATION_KINDS = keysOf(RELATION_KIND_TABLE);
export const SEVERITIES = keysOf(SEVERITY_TABLE);
export const EDITIONS = keysOf(EDITION_TABLE);
