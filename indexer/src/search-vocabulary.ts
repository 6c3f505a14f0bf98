// The vocabulary symbol search starts from: every crate's distinct searchable names, each with
// the names of what its defs sit in (types, traits, modules).
//
// Written by the load path: one key per crate (keys.ts), put in the crate's batch when its names
// change, so a killed load leaves the old vocabulary with the old items or the new with the new.
// Read by a search process: every crate's key, kept per reader until a key changes (a key names
// the digest of what its vocabulary was computed from), and searched crate by crate.
import { createHash } from 'node:crypto';
import type { Dump } from '../../schema/src/index.js';
import { isSearchable, keyParts, keys, ranges, type CrateVocabulary } from './keys.js';
import { FuzzyNames } from './search-fuzzy.js';
import { compareText, parentNames } from './search-text.js';
import type { StoreReader } from './store.js';

/** The part of a load batch the vocabulary writes through. */
export interface BatchWriter {
  put(key: string, value: string): void;
  del(key: string): void;
}

/** The vocabulary of a dump's crate: a function of the dump alone, so a clean build writes the same. */
export function crateVocabulary(dump: Dump): CrateVocabulary {
  const parentsOf = new Map<string, Set<string>>();
  // Defs in one type or module share the path before their name: parse it once.
  const parentsAt = new Map<string, string[]>();
  for (const item of dump.items) {
    for (const def of item.defs) {
      if (!isSearchable(def.kind)) continue;
      let parents = parentsOf.get(def.name);
      if (parents === undefined) {
        parents = new Set();
        parentsOf.set(def.name, parents);
      }
      const path = def.qualname.slice(0, Math.max(0, def.qualname.lastIndexOf('::')));
      let names = parentsAt.get(path);
      if (names === undefined) {
        names = parentNames(def.qualname);
        parentsAt.set(path, names);
      }
      for (const parent of names) parents.add(parent);
    }
  }
  const sorted = [...parentsOf.keys()]
    .sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
  return {
    workspace: isInsideWorkspace(dump.header.crate.root),
    names: sorted.join('\n'),
    parents: sorted.map((name) => [...parentsOf.get(name)!].sort(compareText).join(' ')).join('\n'),
  };
}

/**
 * The root file's path is relative to the workspace root: a dependency outside the workspace
 * (the registry, a path outside) starts with `..` or is absolute.
 */
function isInsideWorkspace(root: string): boolean {
  return !(root === '..' || root.startsWith('../') || root.startsWith('/') || /^[A-Za-z]:/.test(root));
}

/**
 * Puts the dump's vocabulary in the batch unless the store has it, and drops the old one. The
 * key's digest is of what the vocabulary is computed from, so a reload that changed no name or
 * path (an edit inside a body) costs one pass over the defs and no parsing of paths.
 */
export async function writeVocabulary(store: StoreReader, batch: BatchWriter, crate: string, dump: Dump): Promise<void> {
  const key = keys.vocabulary(crate, vocabularyDigest(dump));
  let present = false;
  for await (const old of store.keys(ranges.vocabularyOf(crate))) {
    if (old === key) present = true;
    else batch.del(old);
  }
  if (!present) batch.put(key, JSON.stringify(crateVocabulary(dump)));
}

function vocabularyDigest(dump: Dump): string {
  const parts = [dump.header.crate.root];
  for (const item of dump.items) for (const def of item.defs) if (isSearchable(def.kind)) parts.push(def.name, def.qualname);
  return createHash('sha1').update(parts.join('\n')).digest('hex').slice(0, 16);
}

export async function deleteVocabulary(store: StoreReader, batch: BatchWriter, crate: string): Promise<void> {
  for await (const old of store.keys(ranges.vocabularyOf(crate))) batch.del(old);
}

/** The names that fold to one lower-case form (`area`, `Area`), across crates. */
export class NameGroup {
  readonly names: string[] = [];
  /** The crates defining one. */
  readonly crates: string[] = [];
  private readonly places: Array<[list: CrateNames, index: number]> = [];

  add(list: CrateNames, index: number): void {
    if (!this.names.includes(list.names[index])) this.names.push(list.names[index]);
    if (!this.crates.includes(list.crate)) this.crates.push(list.crate);
    this.places.push([list, index]);
  }

  /** What defs of these names sit in, in any of those crates. */
  get parents(): string[] {
    return this.places.flatMap(([list, index]) => list.parentsAt(index));
  }
}

/** One crate's vocabulary as read: parallel lists, sorted by lower-case name. */
class CrateNames {
  readonly names: string[];
  readonly lowers: string[];
  private parentLines: string[] | undefined;

  constructor(
    readonly crate: string,
    private readonly vocabulary: CrateVocabulary,
  ) {
    this.names = vocabulary.names === '' ? [] : vocabulary.names.split('\n');
    this.lowers = vocabulary.names === '' ? [] : vocabulary.names.toLowerCase().split('\n');
  }

  parentsAt(i: number): string[] {
    this.parentLines ??= this.vocabulary.parents.split('\n');
    return this.parentLines[i] === '' ? [] : this.parentLines[i].split(' ');
  }
}

/**
 * Every indexed crate's names, as one search process sees them. A CLI search reads it once, so
 * reading does no work per name: lookups binary-search each crate's sorted lists.
 */
export class Vocabulary {
  readonly workspaceCrates = new Set<string>();
  readonly crates: string[];
  private readonly lists: CrateNames[];
  /** Built on the first query that needs typo tolerance. */
  private fuzzyNames: FuzzyNames | undefined;

  constructor(vocabularies: Array<[crate: string, vocabulary: CrateVocabulary]>) {
    this.lists = vocabularies.map(([crate, vocabulary]) => new CrateNames(crate, vocabulary));
    this.crates = this.lists.map((l) => l.crate);
    for (const [crate, { workspace }] of vocabularies) if (workspace) this.workspaceCrates.add(crate);
  }

  /** The names folding to `lower`, with their crates and parents; undefined when no crate has one. */
  group(lower: string): NameGroup | undefined {
    let group: NameGroup | undefined;
    for (const list of this.lists) {
      for (let i = lowerBound(list.lowers, lower); list.lowers[i] === lower; i++) (group ??= new NameGroup()).add(list, i);
    }
    return group;
  }

  /** The distinct lower-case names starting with `prefix`. */
  lowersStartingWith(prefix: string): string[] {
    const out = new Set<string>();
    for (const list of this.lists) {
      for (let i = lowerBound(list.lowers, prefix); i < list.lowers.length && list.lowers[i].startsWith(prefix); i++) {
        out.add(list.lowers[i]);
      }
    }
    return [...out];
  }

  /** The distinct lower-case names containing `text`. */
  lowersContaining(text: string): string[] {
    const out = new Set<string>();
    for (const list of this.lists) for (const lower of list.lowers) if (lower.includes(text)) out.add(lower);
    return [...out];
  }

  get fuzzy(): FuzzyNames {
    this.fuzzyNames ??= new FuzzyNames(new Set(this.lists.flatMap((l) => l.names)));
    return this.fuzzyNames;
  }

  /**
   * The crates `--crate NAME` means: a crate id, or a crate's name (`canvas`, or `draw` for
   * the bin `cargo draw:bin 0.1.0`).
   */
  cratesNamed(name: string): Set<string> {
    return new Set(this.crates.filter((id) => id === name || id.split(' ')[1]?.split(':')[0] === name));
  }
}

/** The first index of sorted `list` whose item is not below `item`. */
function lowerBound(list: readonly string[], item: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < item) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const loaded = new WeakMap<StoreReader, { keyList: string; vocabulary: Vocabulary }>();

/** The store's vocabulary, read again only when a crate's vocabulary key changed since the last call. */
export async function currentVocabulary(store: StoreReader): Promise<Vocabulary> {
  const keyList: string[] = [];
  for await (const k of store.keys(ranges.vocabularies())) keyList.push(k);
  const id = keyList.join('\n');
  const cached = loaded.get(store);
  if (cached?.keyList === id) return cached.vocabulary;
  const values = await store.getManyJson<CrateVocabulary>(keyList);
  const read = keyList.flatMap((k, i): Array<[string, CrateVocabulary]> => (values[i] ? [[keyParts(k)[0], values[i]!]] : []));
  const vocabulary = new Vocabulary(read);
  loaded.set(store, { keyList: id, vocabulary });
  return vocabulary;
}
