// Typo-tolerant name lookup with flexsearch, over the names of the vocabulary.
//
// Each name is one term, folded (lower case, no underscores) and encoded phonetically
// (LatinExtra: letter classes, most vowels dropped), indexed with the `tolerant` tokenizer,
// which also indexes the term with one letter missing or two adjacent letters swapped. The
// query is looked up as is and with each letter after the first dropped, which covers a letter
// too many; together that is one typo of any kind (99% of random one-letter typos in std's
// names are found). Candidates are then kept only within a few edits of the query.
//
// The index is built in the searching process, and only in part: names are split by their
// first letter (no variant changes it), and a query builds the part it needs (std: up to ~800
// names, 0.1–18 ms, all parts 125 ms). flexsearch is imported on first use (~12 ms), so a
// search that finds its name as typed never loads it, and other commands never do.
import type { Encoder, Index } from 'flexsearch';
import { compareText, editDistance, fold, maxEdits } from './search-text.js';

type FlexSearch = typeof import('flexsearch').default;

let flexsearch: Promise<FlexSearch> | undefined;

function loadFlexSearch(): Promise<FlexSearch> {
  flexsearch ??= import('flexsearch').then((m) => m.default);
  return flexsearch;
}

/** Per query variant: enough for the few names one typo can reach. */
const VARIANT_LIMIT = 50;

export interface FuzzyCandidate {
  name: string;
  distance: number;
}

interface Part {
  names: string[];
  index: Index;
}

export class FuzzyNames {
  private readonly byLetter = new Map<string, string[]>();
  private readonly parts = new Map<string, Promise<Part>>();
  private encoder: Encoder | undefined;

  /** `names`: distinct names; those without a letter or digit to start from are left out. */
  constructor(names: Iterable<string>) {
    for (const name of names) {
      const letter = fold(name)[0];
      if (letter === undefined) continue;
      const list = this.byLetter.get(letter);
      if (list) list.push(name);
      else this.byLetter.set(letter, [name]);
    }
  }

  /** Names within `maxEdits` typos of `query`, closest first; none for a query under 3 characters. */
  async candidates(query: string): Promise<FuzzyCandidate[]> {
    const folded = fold(query);
    const max = maxEdits(folded.length);
    if (max === 0 || !this.byLetter.has(folded[0])) return [];
    const part = await this.part(folded[0]);
    const ids = new Set<number>();
    for (const variant of variants(folded)) {
      for (const id of part.index.search(variant, { limit: VARIANT_LIMIT })) ids.add(id as number);
    }
    const out: FuzzyCandidate[] = [];
    for (const id of ids) {
      const name = part.names[id];
      const distance = editDistance(folded, fold(name), max);
      if (distance <= max) out.push({ name, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || a.name.length - b.name.length || compareText(a.name, b.name));
  }

  private part(letter: string): Promise<Part> {
    let part = this.parts.get(letter);
    if (part === undefined) {
      part = this.build(this.byLetter.get(letter)!);
      this.parts.set(letter, part);
    }
    return part;
  }

  private async build(names: string[]): Promise<Part> {
    const { Index, Encoder, Charset } = await loadFlexSearch();
    // One term per name (no splitting at digits or symbols), and no encoder cache: its
    // clean-up timer would hold a one-shot CLI process open.
    this.encoder ??= new Encoder({ ...Charset.LatinExtra, prepare: fold, split: false, numeric: false, cache: false });
    const index = new Index({ tokenize: 'tolerant', resolution: 1, encoder: this.encoder });
    names.forEach((name, id) => index.add(id, name));
    return { names, index };
  }
}

/** The query, and the query without each letter after its first. */
function variants(folded: string): Set<string> {
  const out = new Set([folded]);
  for (let i = 1; i < folded.length; i++) out.add(folded.slice(0, i) + folded.slice(i + 1));
  return out;
}
