// Checks a parsed dump against the contract in types.ts before the indexer trusts it.
// It runs on every dump loaded (100k items is normal), so it is one plain pass: the success
// path allocates nothing but the id tables, and messages are only built for the first problem.
import type { Dump, FileEntry } from './types.js';
import {
  DEF_KIND_TABLE, DEF_KINDS, EDITION_TABLE, EDITIONS, ITEM_KIND_TABLE, ITEM_KINDS, REF_ROLE_TABLE, REF_ROLES,
  RELATION_KIND_TABLE, RELATION_KINDS, SEVERITY_TABLE, SEVERITIES,
} from './kinds.js';
import { crateRootId, isSymbolId } from './symbol.js';
import { checkSchemaVersion } from './version.js';

export interface DumpProblem {
  /** 1-based JSON Lines line: the header is line 1, items start at line 2. */
  line: number;
  message: string;
}

const FIXED_VISIBILITIES: ReadonlySet<string> = new Set(['pub', 'pub(crate)', 'pub(super)', 'pub(self)', 'private']);
const PUB_IN = /^pub\(in \S[^\n]*\)$/;
const SHA1_HEX = /^[0-9a-f]{40}$/;

type Obj = Record<string, unknown>;

/** Returns the first problem in the dump, or undefined when the indexer can trust it. */
export function validateDump(dump: Dump): DumpProblem | undefined {
  const header: unknown = dump.header;
  const headerProblem = checkHeader(header);
  if (headerProblem !== undefined) return { line: 1, message: `header ${headerProblem}` };
  const { crate, files } = header as Dump['header'];
  const filesByPath = new Map<string, FileEntry>();
  for (const file of files) filesByPath.set(file.path, file);
  const ctx: ItemContext = { files: filesByPath, cratePrefix: crateRootId(crate), defLines: new Map() };

  const items: unknown = dump.items;
  if (!Array.isArray(items)) return { line: 2, message: 'items must be an array of item records' };
  const itemLines = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const line = i + 2;
    const item: unknown = items[i];
    if (!isObject(item)) return { line, message: `item record must be an object (got ${show(item)})` };
    const problem = checkItem(item, line, ctx);
    const label = typeof item.item === 'string' ? `item '${item.item}'` : 'item record';
    if (problem !== undefined) return { line, message: `${label} ${problem}` };
    const id = item.item as string;
    const firstLine = itemLines.get(id);
    if (firstLine !== undefined) return { line, message: `${label} is a duplicate of the item at line ${firstLine}` };
    itemLines.set(id, line);
  }
  return undefined;
}

// ---- header -------------------------------------------------------------------------------

function checkHeader(header: unknown): string | undefined {
  if (!isObject(header)) return `must be an object (got ${show(header)})`;
  try {
    checkSchemaVersion(header.schemaVersion);
  } catch (e) {
    return `schemaVersion: ${(e as Error).message}`;
  }
  const tool = header.tool;
  if (!isObject(tool)) return `tool must be an object with name and version (got ${show(tool)})`;
  const toolProblem = needString(tool.name, 'tool.name') ?? needString(tool.version, 'tool.version');
  if (toolProblem !== undefined) return toolProblem;

  const crate = header.crate;
  if (!isObject(crate)) return `crate must be an object (got ${show(crate)})`;
  const crateProblem = needString(crate.name, 'crate.name')
    ?? needString(crate.version, 'crate.version')
    ?? needEnum(crate.edition, 'crate.edition', EDITION_TABLE, EDITIONS)
    ?? needString(crate.root, 'crate.root')
    ?? needString(crate.kind, 'crate.kind')
    ?? needStringArray(crate.features, 'crate.features')
    ?? needStringArray(crate.cfgs, 'crate.cfgs');
  if (crateProblem !== undefined) return crateProblem;

  const deps = header.dependencies;
  if (!isObject(deps)) return `dependencies must be an object mapping extern names to crate ids (got ${show(deps)})`;
  for (const name in deps) {
    const p = needString(deps[name], `dependencies[${JSON.stringify(name)}]`);
    if (p !== undefined) return p;
  }

  const files = header.files;
  if (!Array.isArray(files)) return `files must be an array (got ${show(files)})`;
  const seen = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const p = checkFile(files[i]);
    if (p !== undefined) return `files[${i}] ${p}`;
    const path = (files[i] as FileEntry).path;
    if (seen.has(path)) return `files[${i}] path ${show(path)} is listed twice`;
    seen.add(path);
  }
  if (!seen.has(crate.root as string)) return `crate.root ${show(crate.root)} is not listed in files`;
  return undefined;
}

function checkFile(file: unknown): string | undefined {
  if (!isObject(file)) return `must be an object (got ${show(file)})`;
  const p = needString(file.path, 'path');
  if (p !== undefined) return p;
  const where = `(${show(file.path)})`;
  if (typeof file.hash !== 'string' || !SHA1_HEX.test(file.hash)) {
    return `${where} hash must be 40 lowercase hex digits (got ${show(file.hash)})`;
  }
  if (!isCount(file.bytes)) return `${where} bytes must be a non-negative integer (got ${show(file.bytes)})`;
  if (!isCount(file.lines) || file.lines < 1) return `${where} lines must be a positive integer (got ${show(file.lines)})`;
  const bytes = file.bytes;
  const starts = file.lineStarts;
  if (!Array.isArray(starts)) return `${where} lineStarts must be an array (got ${show(starts)})`;
  if (starts.length !== file.lines) return `${where} lineStarts has ${starts.length} entries but lines is ${file.lines}`;
  if (starts[0] !== 0) return `${where} lineStarts[0] must be 0 (got ${show(starts[0])})`;
  for (let i = 1; i < starts.length; i++) {
    const s: unknown = starts[i];
    if (!isCount(s) || s <= starts[i - 1] || s > bytes) {
      return `${where} lineStarts[${i}] ${show(s)} must be an integer above lineStarts[${i - 1}] and at most bytes (${bytes})`;
    }
  }
  const mb = file.multibyte;
  if (!Array.isArray(mb)) return `${where} multibyte must be an array (got ${show(mb)})`;
  let next = 0;
  for (let i = 0; i < mb.length; i++) {
    const e: unknown = mb[i];
    if (!Array.isArray(e) || e.length !== 2 || !isCount(e[0]) || !isCount(e[1]) || e[1] < 2 || e[1] > 4) {
      return `${where} multibyte[${i}] ${show(e)} is not a [byteOffset, utf8Length] pair with length 2..4`;
    }
    if (e[0] < next) return `${where} multibyte[${i}] starts at ${e[0]}, inside or before the previous character`;
    next = e[0] + e[1];
    if (next > bytes) return `${where} multibyte[${i}] ends at ${next}, past the end of the file (${bytes} bytes)`;
  }
  return undefined;
}

// ---- items --------------------------------------------------------------------------------

interface ItemContext {
  files: Map<string, FileEntry>;
  /** Every def and item id of this dump starts with it: `cargo NAME VERSION `. */
  cratePrefix: string;
  /** Def id → line of its item, to report a duplicate against its first occurrence. */
  defLines: Map<string, number>;
}

function checkItem(item: Obj, line: number, ctx: ItemContext): string | undefined {
  const idProblem = needOwnId(item.item, 'item', ctx.cratePrefix);
  if (idProblem !== undefined) return idProblem;
  const kindProblem = needEnum(item.kind, 'kind', ITEM_KIND_TABLE, ITEM_KINDS);
  if (kindProblem !== undefined) return kindProblem;
  if (typeof item.file !== 'string') return `file must be a path string (got ${show(item.file)})`;
  const file = ctx.files.get(item.file);
  if (file === undefined) return `file ${show(item.file)} is not listed in the header's files`;
  const spanProblem = needSpan(item.span, 'span', file.bytes, 'the file');
  if (spanProblem !== undefined) return spanProblem;
  const fieldProblem = needString(item.fingerprint, 'fingerprint')
    ?? needString(item.surface, 'surface')
    ?? (item.inactive === undefined || typeof item.inactive === 'boolean'
      ? undefined : `inactive must be a boolean when present (got ${show(item.inactive)})`)
    ?? needArray(item.defs, 'defs')
    ?? needArray(item.refs, 'refs')
    ?? needArray(item.impls, 'impls')
    ?? needArray(item.relations, 'relations')
    ?? needArray(item.diagnostics, 'diagnostics');
  if (fieldProblem !== undefined) return fieldProblem;

  const span = item.span as [number, number];
  const length = span[1] - span[0];
  const defs = item.defs as unknown[];
  for (let i = 0; i < defs.length; i++) {
    const def = defs[i];
    const p = checkDef(def, length, ctx.cratePrefix);
    if (p !== undefined) return `def ${i}: ${p}`;
    const id = (def as Obj).id as string;
    const firstLine = ctx.defLines.get(id);
    if (firstLine !== undefined) return `def ${i}: id '${id}' is already defined by the item at line ${firstLine}`;
    ctx.defLines.set(id, line);
  }
  const refs = item.refs as unknown[];
  for (let i = 0; i < refs.length; i++) {
    const p = checkRef(refs[i], length);
    if (p !== undefined) return `ref ${i}: ${p}`;
  }
  const impls = item.impls as unknown[];
  for (let i = 0; i < impls.length; i++) {
    const p = checkImpl(impls[i], ctx.cratePrefix);
    if (p !== undefined) return `impl ${i}: ${p}`;
  }
  const relations = item.relations as unknown[];
  for (let i = 0; i < relations.length; i++) {
    const p = checkRelation(relations[i]);
    if (p !== undefined) return `relation ${i}: ${p}`;
  }
  const diagnostics = item.diagnostics as unknown[];
  for (let i = 0; i < diagnostics.length; i++) {
    const p = checkDiagnostic(diagnostics[i], length);
    if (p !== undefined) return `diagnostic ${i}: ${p}`;
  }
  return undefined;
}

function checkDef(def: unknown, itemLength: number, cratePrefix: string): string | undefined {
  if (!isObject(def)) return `must be an object (got ${show(def)})`;
  return needOwnId(def.id, 'id', cratePrefix)
    ?? needEnum(def.kind, 'kind', DEF_KIND_TABLE, DEF_KINDS)
    ?? needString(def.name, 'name')
    ?? needString(def.qualname, 'qualname')
    ?? needSpan(def.span, 'span', itemLength, 'the item')
    ?? needSpan(def.nameSpan, 'nameSpan', itemLength, 'the item')
    ?? (def.parent === undefined ? undefined : needSymbolId(def.parent, 'parent'))
    ?? needVisibility(def.visibility)
    ?? needOptionalString(def.signature, 'signature')
    ?? needOptionalString(def.type, 'type')
    ?? needOptionalString(def.docs, 'docs')
    ?? (def.attributes === undefined ? undefined : needStringArray(def.attributes, 'attributes'));
}

function checkRef(ref: unknown, itemLength: number): string | undefined {
  if (!isObject(ref)) return `must be an object (got ${show(ref)})`;
  const p = needSpan(ref.span, 'span', itemLength, 'the item') ?? needEnum(ref.role, 'role', REF_ROLE_TABLE, REF_ROLES);
  if (p !== undefined) return p;
  const hasTarget = ref.target !== undefined;
  const hasCandidates = ref.candidates !== undefined;
  const hasUnresolved = ref.unresolved !== undefined;
  if (Number(hasTarget) + Number(hasCandidates) + Number(hasUnresolved) !== 1) {
    const present = [hasTarget && 'target', hasCandidates && 'candidates', hasUnresolved && 'unresolved'].filter(Boolean);
    const has = present.length === 0 ? 'none of them' : present.join(' and ');
    return `needs exactly one of target, candidates, unresolved but has ${has}`;
  }
  if (hasTarget) return needSymbolId(ref.target, 'target');
  if (hasUnresolved) return needString(ref.unresolved, 'unresolved');
  const candidates = ref.candidates;
  if (!Array.isArray(candidates) || candidates.length === 0) {
    return `candidates must be a non-empty array of symbol ids (got ${show(candidates)})`;
  }
  for (let i = 0; i < candidates.length; i++) {
    if (!isSymbolIdString(candidates[i])) return `candidates[${i}] ${show(candidates[i])} is not a symbol id`;
  }
  return undefined;
}

function checkImpl(impl: unknown, cratePrefix: string): string | undefined {
  if (!isObject(impl)) return `must be an object (got ${show(impl)})`;
  const p = needOwnId(impl.id, 'id', cratePrefix)
    ?? (impl.trait === undefined ? undefined : needString(impl.trait, 'trait'))
    ?? needString(impl.selfType, 'selfType')
    ?? (impl.selfTarget === undefined ? undefined : needSymbolId(impl.selfTarget, 'selfTarget'))
    ?? needArray(impl.items, 'items');
  if (p !== undefined) return p;
  const items = impl.items as unknown[];
  for (let i = 0; i < items.length; i++) {
    if (!isSymbolIdString(items[i])) return `items[${i}] ${show(items[i])} is not a symbol id`;
  }
  return undefined;
}

function checkRelation(relation: unknown): string | undefined {
  if (!isObject(relation)) return `must be an object (got ${show(relation)})`;
  return needEnum(relation.kind, 'kind', RELATION_KIND_TABLE, RELATION_KINDS)
    ?? needSymbolId(relation.from, 'from')
    ?? needSymbolId(relation.to, 'to')
    ?? (relation.qualname === undefined ? undefined : needString(relation.qualname, 'qualname'));
}

function checkDiagnostic(diagnostic: unknown, itemLength: number): string | undefined {
  if (!isObject(diagnostic)) return `must be an object (got ${show(diagnostic)})`;
  return needEnum(diagnostic.severity, 'severity', SEVERITY_TABLE, SEVERITIES)
    ?? needString(diagnostic.message, 'message')
    ?? needSpan(diagnostic.span, 'span', itemLength, 'the item');
}

// ---- field checks: each returns `<field> <what is wrong>` or undefined ----------------------

function needString(value: unknown, field: string): string | undefined {
  if (typeof value === 'string' && value.length > 0) return undefined;
  return `${field} must be a non-empty string (got ${show(value)})`;
}

function needOptionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  return `${field} must be a string when present (got ${show(value)})`;
}

function needArray(value: unknown, field: string): string | undefined {
  return Array.isArray(value) ? undefined : `${field} must be an array (got ${show(value)})`;
}

function needStringArray(value: unknown, field: string): string | undefined {
  if (!Array.isArray(value)) return `${field} must be an array of strings (got ${show(value)})`;
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'string') return `${field}[${i}] must be a string (got ${show(value[i])})`;
  }
  return undefined;
}

function needEnum(value: unknown, field: string, table: object, names: readonly string[]): string | undefined {
  if (typeof value === 'string' && Object.hasOwn(table, value)) return undefined;
  return `${field} ${show(value)} is not one of ${names.join(', ')}`;
}

function needSymbolId(value: unknown, field: string): string | undefined {
  return isSymbolIdString(value) ? undefined : `${field} ${show(value)} is not a symbol id (cargo CRATE VERSION DESCRIPTORS)`;
}

/** A symbol id that belongs to the dump's own crate: defs and items are never foreign. */
function needOwnId(value: unknown, field: string, cratePrefix: string): string | undefined {
  const p = needSymbolId(value, field);
  if (p !== undefined) return p;
  if ((value as string).startsWith(cratePrefix)) return undefined;
  return `${field} ${show(value)} does not belong to this dump's crate '${cratePrefix.trimEnd()}'`;
}

function needSpan(value: unknown, field: string, limit: number, within: string): string | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !isCount(value[0]) || !isCount(value[1])) {
    return `${field} ${show(value)} is not a [start, end] pair of byte offsets`;
  }
  if (value[0] > value[1]) return `${field} [${value[0]}, ${value[1]}] starts after it ends`;
  if (value[1] > limit) return `${field} [${value[0]}, ${value[1]}] lies outside ${within} (length ${limit})`;
  return undefined;
}

function needVisibility(value: unknown): string | undefined {
  if (typeof value === 'string' && (FIXED_VISIBILITIES.has(value) || PUB_IN.test(value))) return undefined;
  return `visibility ${show(value)} is not one of pub, pub(crate), pub(super), pub(self), pub(in PATH), private`;
}

function isSymbolIdString(value: unknown): value is string {
  return typeof value === 'string' && isSymbolId(value);
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** A value as it appears in JSON, cut short so a message stays one readable line. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
