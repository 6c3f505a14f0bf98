// Symbol ids in the spirit of SCIP: `cargo <crate> <version> <descriptors>`.
// They are built from paths, never from counters, so an edit elsewhere never renames them.
//
// Descriptors: `name/` module, `name#` type (struct, enum, union, trait, type alias),
// `name.` term (const, static, variant, field), `name().` fn or method, `name!` macro,
// `[name]` generic parameter, `$name@N` local or parameter at relative offset N,
// `impl#[SelfType]` inherent impl, `impl#[SelfType][Trait]` trait impl.

export interface CrateRef {
  name: string;
  version: string;
  /** Target kind; a crate that is not a lib (a bin, test…) is named `NAME:KIND`, so a package's
   * bin `foo` and lib `foo` never share ids. */
  kind?: string;
}

export function crateId(crate: CrateRef): string {
  const lib = crate.kind === undefined || crate.kind === 'lib' || crate.kind === 'proc-macro';
  return `cargo ${lib ? crate.name : `${crate.name}:${crate.kind}`} ${crate.version}`;
}

/** The id of a crate's root module. */
export function crateRootId(crate: CrateRef): string {
  return `${crateId(crate)} `;
}

export type DescriptorSuffix = 'mod' | 'type' | 'term' | 'method' | 'macro' | 'type_param';

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Escapes a name the SCIP way: backticks around anything that is not a plain identifier. */
export function escapeName(name: string): string {
  return SIMPLE_NAME.test(name) ? name : '`' + name.replace(/`/g, '``') + '`';
}

export function descriptor(name: string, suffix: DescriptorSuffix): string {
  const n = escapeName(name);
  switch (suffix) {
    case 'mod': return `${n}/`;
    case 'type': return `${n}#`;
    case 'term': return `${n}.`;
    case 'method': return `${n}().`;
    case 'macro': return `${n}!`;
    case 'type_param': return `[${n}]`;
  }
}

/**
 * Source text made into one id token: whitespace goes, except between two word characters
 * where it becomes `+` (`dyn Shape` → `dyn+Shape`, `a as b` → `a+as+b`).
 */
export function compactText(text: string): string {
  return text.trim().replace(/(\w)\s+(?=\w)/g, '$1+').replace(/\s+/g, '');
}

/** Impl block descriptor, named by self type and trait. */
export function implDescriptor(selfType: string, trait?: string): string {
  return trait === undefined ? `impl#[${compactText(selfType)}]` : `impl#[${compactText(selfType)}][${compactText(trait)}]`;
}

export function localDescriptor(name: string, relOffset: number): string {
  return `$${escapeName(name)}@${relOffset}`;
}

/** Splits an id into its crate part and descriptors, or returns undefined for a non-id string. */
export function parseSymbolId(id: string): { crate: string; version: string; descriptors: string } | undefined {
  const m = /^cargo (\S+) (\S+) (.*)$/.exec(id);
  return m ? { crate: m[1], version: m[2], descriptors: m[3] } : undefined;
}

// Same grammar as parseSymbolId; test() spares the match array, and validation calls this per ref.
const SYMBOL_ID = /^cargo \S+ \S+ .*$/;

export function isSymbolId(text: string): boolean {
  return SYMBOL_ID.test(text);
}

const DESCRIPTOR = /^(?:`((?:[^`]|``)*)`|([^\s/#.!()[\]`$]+))(\/|#|\(\)\.|\.|!)/;

/**
 * The Rust path and def kind an id names, read from its descriptors, for symbols of crates
 * that are not indexed (`cargo core 0.0.0 option/Option#Some.` → `core::option::Option::Some`,
 * a variant or const). Undefined for ids whose descriptors are not plain names (impls, locals).
 */
export function describeSymbolId(id: string): { qualname: string; kind: 'mod' | 'type' | 'term' | 'fn' | 'macro' } | undefined {
  const parsed = parseSymbolId(id);
  if (!parsed) return undefined;
  const names = [parsed.crate.split(':')[0]];
  let rest = parsed.descriptors === 'crate/' ? '' : parsed.descriptors;
  let suffix = '/';
  while (rest.length > 0) {
    const m = DESCRIPTOR.exec(rest);
    if (!m) return undefined;
    names.push(m[1] !== undefined ? m[1].replace(/``/g, '`') : m[2]);
    suffix = m[3];
    rest = rest.slice(m[0].length);
  }
  const kind = suffix === '/' ? 'mod' : suffix === '#' ? 'type' : suffix === '().' ? 'fn' : suffix === '!' ? 'macro' : 'term';
  return { qualname: names.join('::'), kind };
}
