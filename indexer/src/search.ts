// Symbol search (`xref search`): a name, or a path ending in one (`HashMap::ins`), matched in
// tiers against the vocabulary of every crate (search-vocabulary.ts): the exact name (case
// aside), names starting with it, names with a later word starting with it (`area` in
// `total_area`, `map` in `HashMap`), then names a typo or two away (search-fuzzy.ts, flexsearch).
//
// Only the last segment goes through an index: one word per flexsearch query keeps a lookup in
// microseconds, where a multi-word query over a path field took tens of milliseconds. The
// segments before it are filters. The vocabulary knows what each name's defs sit in, so only
// names whose parents fit the last qualifier are read; the defs read (the name index holds each
// def's kind, visibility and qualname) are then checked against every qualifier.
//
// Ranking: tier (and typo count), then how well the qualifiers matched, then public items,
// then workspace crates, then the name as typed, shorter names and shorter paths. Names are
// read closest first and reading stops once nothing unread can rank among the first `limit`.
import { DEF_KINDS } from '../../schema/src/kinds.js';
import type { DefKind } from '../../schema/src/types.js';
import { FileViews } from './files.js';
import { isSearchable, keys, nameEntryOf, ownerOf, type NameEntry, type StoredNameEntry } from './keys.js';
import type { SetMembers } from './set-keys.js';
import { findDefs, locateAll, type Location } from './locate.js';
import { compareText, parseQuery, QualifierMatcher, startsInnerWord, type ParsedQuery } from './search-text.js';
import { currentVocabulary, type NameGroup, type Vocabulary } from './search-vocabulary.js';
import type { StoreReader } from './store.js';

export type MatchKind = 'exact' | 'prefix' | 'word' | 'fuzzy';

const TIERS: readonly MatchKind[] = ['exact', 'prefix', 'word', 'fuzzy'];

/** The kinds of def search can find (locals, params and the like are not in the name index). */
export const SEARCH_KINDS: readonly DefKind[] = DEF_KINDS.filter(isSearchable);

export interface SearchOptions {
  /** Most results to return; 20 when absent. */
  limit?: number;
  /** Only defs of these kinds. */
  kinds?: DefKind[];
  /** Only defs of this crate: a crate id, or a crate's name (search-vocabulary.ts, cratesNamed). */
  crate?: string;
}

export interface SearchHit extends Location {
  /** The tier the name matched in. */
  match: MatchKind;
}

/** Lower-case names one tier reads from the store at most, closest first: bounds a short prefix. */
const NAMES_PER_TIER = 50;

/** Names read from the store at once. */
const READ_BATCH = 8;

interface Candidate {
  lower: string;
  /** Typos between the query and the name (fuzzy tier); 0 otherwise. */
  distance: number;
}

interface Found {
  def: string;
  crate: string;
  item: string;
  match: MatchKind;
  /** Qualifiers matched exactly, public, in a workspace crate: nothing of its tier and length ranks above it. */
  topClass: boolean;
  rank: Array<number | string>;
}

interface Filter {
  query: ParsedQuery;
  qualifiers: QualifierMatcher;
  crates?: Set<string>;
  kinds?: Set<DefKind>;
}

export async function search(store: StoreReader, text: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const limit = options.limit ?? 20;
  const query = parseQuery(text);
  if (query === undefined || limit <= 0) return [];
  // The exact name's defs are read while the vocabulary is: most searches need no other read.
  const [vocabulary, exactRows] = await Promise.all([currentVocabulary(store), readNames(store, query.name.toLowerCase())]);
  const filter: Filter = {
    query,
    qualifiers: new QualifierMatcher(query.qualifiers),
    crates: options.crate === undefined ? undefined : vocabulary.cratesNamed(options.crate),
    kinds: options.kinds?.length ? new Set(options.kinds) : undefined,
  };
  if (filter.crates?.size === 0) return [];

  const fits = groupFilter(filter);
  const found = new Map<string, Found>();
  const done = new Set<string>();
  for (const tier of TIERS) {
    // Typos are guessed at only when no symbol has the name as typed: then they are the answer,
    // otherwise mostly noise (and a CLI search that finds its name never loads flexsearch).
    if (tier === 'fuzzy' && [...found.values()].some((hit) => hit.match === 'exact')) break;
    const candidates = (await tierCandidates(vocabulary, tier, query.name, fits)).filter((c) => !done.has(c.lower));
    for (const c of candidates) done.add(c.lower);
    const needed = limit - found.size;
    let topClass = 0;
    // Closest names first, a batch at a time, until `needed` hits of the top class are in: a
    // name read later is longer (or more typos away), so none of its hits can outrank those.
    // A batch never splits names of one length, whose hits interleave.
    for (let i = 0; i < Math.min(candidates.length, NAMES_PER_TIER) && topClass < needed;) {
      let end = Math.min(i + READ_BATCH, candidates.length);
      while (end < candidates.length && sameGroup(candidates[end - 1], candidates[end])) end++;
      const read = await Promise.all(candidates.slice(i, end).map(async (c) =>
        rankRows(tier === 'exact' ? exactRows : await readNames(store, c.lower), vocabulary, filter, c, tier)));
      for (const hit of read.flat()) {
        if (found.has(hit.def)) continue;
        found.set(hit.def, hit);
        if (hit.topClass) topClass++;
      }
      i = end;
    }
    // Every hit of a later tier ranks below these.
    if (found.size >= limit) break;
  }
  return locate(store, firstRanked(found.values(), limit));
}

/**
 * The `limit` best of `hits`, best first: kept in order as they come, rather than all sorted.
 * `fmt` has 717 hits for 20 places, and a full sort compared their ranks 7,000 times.
 */
function firstRanked(hits: Iterable<Found>, limit: number): Found[] {
  const kept: Found[] = [];
  for (const hit of hits) {
    if (kept.length === limit && compareRanks(hit.rank, kept[limit - 1].rank) >= 0) continue;
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRanks(kept[mid].rank, hit.rank) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, hit);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** The names of the vocabulary matching `name` in one tier whose group `fits` (if given), closest first. */
async function tierCandidates(
  vocabulary: Vocabulary, tier: MatchKind, name: string, fits: ((group: NameGroup) => boolean) | undefined,
): Promise<Candidate[]> {
  const lower = name.toLowerCase();
  // Every name listed by the vocabulary exists; only a filter needs its group.
  const fitting = (l: string) => {
    if (fits === undefined) return true;
    const group = vocabulary.group(l);
    return group !== undefined && fits(group);
  };
  const byLength = (lowers: string[]) => lowers
    .filter(fitting)
    .sort((a, b) => a.length - b.length || compareText(a, b))
    .map((l) => ({ lower: l, distance: 0 }));
  switch (tier) {
    case 'exact':
      return vocabulary.group(lower) !== undefined && fitting(lower) ? [{ lower, distance: 0 }] : [];
    case 'prefix':
      return byLength(vocabulary.lowersStartingWith(lower));
    case 'word':
      return byLength(vocabulary.lowersContaining(lower)
        .filter((l) => vocabulary.group(l)!.names.some((n) => startsInnerWord(n, lower))));
    case 'fuzzy':
      return (await vocabulary.fuzzy.candidates(name))
        .map((c) => ({ lower: c.name.toLowerCase(), distance: c.distance }))
        .filter((c) => fitting(c.lower));
  }
}

/**
 * Whether a name can have a hit, from the vocabulary alone: it is defined in a crate asked
 * for, and inside something the last qualifier matches. Undefined when every name can.
 */
function groupFilter(filter: Filter): ((group: NameGroup) => boolean) | undefined {
  if (filter.crates === undefined && filter.query.qualifiers.length === 0) return undefined;
  return (group) =>
    (filter.crates === undefined || group.crates.some((c) => filter.crates!.has(c)))
    && (filter.query.qualifiers.length === 0 || group.parents.some((p) => filter.qualifiers.fitsParent(p)));
}

type NameRow = [def: string, owner: string, entry: NameEntry];

/** The name index's rows for one lower-case name: every searchable def so named. */
async function readNames(store: StoreReader, lower: string): Promise<NameRow[]> {
  const members = (await store.getJson<SetMembers<StoredNameEntry>>(keys.names(lower))) ?? [];
  return members.map(([def, owner, ...stored]) => [def, owner, nameEntryOf(def, stored)]);
}

/** The defs among `rows` (named `candidate.lower`) that pass the filter, ranked. */
function rankRows(rows: NameRow[], vocabulary: Vocabulary, filter: Filter, candidate: Candidate, match: MatchKind): Found[] {
  const out: Found[] = [];
  const { name } = filter.query;
  for (const [def, owner, [kind, visibility, qualname]] of rows) {
    if (filter.kinds && !filter.kinds.has(kind)) continue;
    const qualified = filter.qualifiers.score(qualname, candidate.lower);
    if (qualified === undefined) continue;
    const { crate, item } = ownerOf(def, owner);
    if (filter.crates && !filter.crates.has(crate)) continue;
    // A trait impl's items have no `pub` of their own; they are as public as the trait.
    const isPublic = visibility === 'pub' || (qualname.startsWith('<') && qualname.includes(' as '));
    const asTyped = qualname === name || qualname.endsWith(`::${name}`);
    const inWorkspace = vocabulary.workspaceCrates.has(crate);
    out.push({
      def, crate, item, match,
      topClass: qualified === 0 && isPublic && inWorkspace,
      rank: [
        TIERS.indexOf(match), candidate.distance, qualified, isPublic ? 0 : 1, inWorkspace ? 0 : 1,
        asTyped ? 0 : 1, candidate.lower.length, qualname.length, qualname, def,
      ],
    });
  }
  return out;
}

async function locate(store: StoreReader, hits: Found[]): Promise<SearchHit[]> {
  const defs = await findDefs(store, hits.map((h) => h.def));
  const views = new FileViews(store);
  const located = await Promise.all(hits.map(async (hit): Promise<SearchHit | undefined> => {
    const found = defs.get(hit.def)!;
    return found.length === 0 ? undefined : { ...(await locateAll(views, found))[0], match: hit.match };
  }));
  return located.filter((hit) => hit !== undefined);
}

function sameGroup(a: Candidate, b: Candidate): boolean {
  return a.distance === b.distance && a.lower.length === b.lower.length;
}

function compareRanks(a: Array<number | string>, b: Array<number | string>): number {
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x !== y) return typeof x === 'number' ? x - (y as number) : compareText(x, y as string);
  }
  return 0;
}
