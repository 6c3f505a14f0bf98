// How a def key's value is written (keys.ts has the key layout): the def's item, then its entry
// as two arrays of fields in a fixed order, the brief (what locating a def needs) and the rest.
// Fields by position rather than by name: their names were 0.30 of the 2.19 MB of std's def keys
// on disk (bench/RESULTS.md, eleventh session).
import type { Def } from '../../schema/src/index.js';
import { InconsistentIndexError } from './errors.js';
import { nameInId, qualnameInId } from './id-names.js';
import { closingQuote } from './json-text.js';
import type { DefEntry, StoredItem } from './keys.js';

/**
 * What most queries need of a def, the first part of its def key's value: where it is, what it
 * is, its one line. Goto-definition and hover's brief cards read hundreds of them at an ambiguous
 * call, and the docs, the rest, would be most of what they parse.
 */
export type DefBrief = Pick<DefEntry, 'file' | 'kind' | 'name' | 'qualname' | 'nameSpan' | 'visibility' | 'signature' | 'overrides'>;

const BRIEF_FIELDS = ['file', 'kind', 'name', 'qualname', 'nameSpan', 'visibility', 'signature', 'overrides'] as const satisfies ReadonlyArray<keyof DefBrief>;

/** The entry's other fields, `docsInSource` standing for its docs when they are in its file (source-docs.ts). */
const REST_FIELDS = ['span', 'type', 'docs', 'docsInSource'] as const;

const KNOWN_FIELDS: ReadonlySet<string> = new Set([...BRIEF_FIELDS, ...REST_FIELDS]);

/**
 * A def key's entry: [length of the brief's JSON text, the brief, the rest], each an array of the
 * fields of BRIEF_FIELDS or REST_FIELDS in order, null for one the def lacks, none after the last.
 */
export type StoredDef = [briefLength: number, brief: unknown[], rest: unknown[]];

/**
 * A def key's entry, its fields in one order whatever the entry's (a record read back from the
 * store and the dump's record of the same def must give the same text, or the merge rewrites it).
 */
export function encodeDefEntry(id: string, entry: DefEntry): string {
  for (const field of Object.keys(entry)) {
    if (!KNOWN_FIELDS.has(field)) throw new Error(`a def entry's field '${field}' has no place in its def key (def-values.ts)`);
  }
  const brief = byPosition(entry, BRIEF_FIELDS);
  // A name or qualname its id gives is null (id-names.ts): 28,500 and 10,900 of std's 32,200 defs.
  if (brief[NAME] === nameInId(id)) brief[NAME] = null;
  if (brief[QUALNAME] === qualnameInId(id)) brief[QUALNAME] = null;
  const briefText = JSON.stringify(brief);
  return `[${briefText.length},${briefText},${JSON.stringify(byPosition(entry, REST_FIELDS))}]`;
}

function byPosition(entry: DefEntry, fields: readonly string[]): unknown[] {
  const values = fields.map((field) => (entry as unknown as Record<string, unknown>)[field] ?? null);
  while (values.length > 0 && values[values.length - 1] === null) values.pop();
  return values;
}

function byName(values: readonly unknown[], fields: readonly string[], into: Record<string, unknown>): void {
  values.forEach((value, i) => {
    if (value !== null) into[fields[i]] = value;
  });
}

const NAME = BRIEF_FIELDS.indexOf('name');
const QUALNAME = BRIEF_FIELDS.indexOf('qualname');

/**
 * A brief read back, the name and qualname its id gives put back. Its fields are set in one
 * order, the ones it lacks left out, so that every brief with the same fields has one shape.
 */
function briefOf(id: string, values: readonly unknown[]): DefBrief {
  // In BRIEF_FIELDS' order (a round trip through encodeDefEntry is tested).
  const [file, kind, name, qualname, nameSpan, visibility, signature, overrides] = values as Array<DefBrief[keyof DefBrief] | null | undefined>;
  const brief = {
    file, kind, name: name ?? nameInId(id) ?? missing(id, 'name'), qualname: qualname ?? qualnameInId(id) ?? missing(id, 'qualname'), nameSpan,
  } as Record<string, unknown>;
  if (visibility != null) brief.visibility = visibility;
  if (signature != null) brief.signature = signature;
  if (overrides != null) brief.overrides = overrides;
  return brief as unknown as DefBrief;
}

function missing(id: string, field: string): never {
  throw new InconsistentIndexError(`the def key of ${id} leaves out a ${field} its id does not give`);
}

/**
 * A def key's value: the def's item as ownerCode (keys.ts) gives it relative to the def's id, as
 * a JSON string when it is not '' (a fn's def in the fn's item), then the entry (encodeDefEntry).
 * The key names the def alone, so that a point read finds it whichever item holds it.
 */
export function encodeDefValue(id: string, entry: DefEntry, owner: string): string {
  return owner === '' ? encodeDefEntry(id, entry) : JSON.stringify(owner) + encodeDefEntry(id, entry);
}

/** A def key's value cut into its owner code and its entry's text (encodeDefValue). */
export function splitDefValue(value: string): { owner: string; entry: string } {
  if (value[0] !== '"') return { owner: '', entry: value };
  const end = closingQuote(value, 0);
  return { owner: JSON.parse(value.slice(0, end + 1)) as string, entry: value.slice(end + 1) };
}

/** The def of id `id` whose def entry's text (encodeDefEntry) is `text`. */
export function parseDef(id: string, text: string): Def {
  return defOfEntry(id, defEntryOf(id, JSON.parse(text) as StoredDef));
}

export function defEntryOf(id: string, [, brief, rest]: StoredDef): DefEntry {
  const entry = briefOf(id, brief) as unknown as Record<string, unknown>;
  byName(rest, REST_FIELDS, entry);
  return entry as unknown as DefEntry;
}

/** The brief of a def key's value, cut out by its length: the rest is not parsed. */
export function parseDefBrief(id: string, text: string): DefBrief {
  const comma = text.indexOf(',');
  return briefOf(id, JSON.parse(text.slice(comma + 1, comma + 1 + Number(text.slice(1, comma)))) as unknown[]);
}

/** The entry of a def of a stored item, with the trait methods it overrides (which the item's relations say). */
export function itemDefEntry(stored: StoredItem, def: Def): DefEntry {
  const entry = defEntry(stored.file, def);
  const overrides = stored.relations.filter((r) => r.kind === 'overrides' && r.from === def.id).map((r) => r.to);
  if (overrides.length > 0) entry.overrides = overrides;
  return entry;
}

/** A def's entry under its def key, but for the trait methods it overrides (which its item's relations say). */
export function defEntry(file: string, def: Def): DefEntry {
  const { id: _inKey, parent: _notKept, attributes: _notKept2, ...rest } = def;
  return { file, ...rest };
}

/** The def of id `id` that a def key's entry holds. */
export function defOfEntry(id: string, entry: DefEntry): Def {
  const { file: _file, overrides: _overrides, ...rest } = entry;
  return { id, ...rest };
}
