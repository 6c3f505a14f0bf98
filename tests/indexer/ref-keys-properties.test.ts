// Random crates whose fns refer to each other's (resolved, or through candidate lists), loaded,
// changed and removed at random: after each step the store must be what a clean build of the
// current crates writes, and find-references must list exactly the model's refs. Two fns of
// crate a have ids sharing a hash (target-refs.ts, itemHash), so their rows are told apart by
// their numbers, and crates refer across each other, so targets' list keys name crates. What
// comes before each use is two bytes of four kinds: a fn's body may keep its bytes' length and
// its record while its uses move to other lines or columns (item-places.ts).
import { describe, expect, it } from 'vitest';
import { loadDump, references, removeCrate } from '../../indexer/src/index.js';
import { itemHash } from '../../indexer/src/target-refs.js';
import type { Dump, Span } from '../../schema/src/index.js';
import { prng } from '../support/random.js';
import { freshSnapshot, makeDump, makeItem, snapshot, Source, storeEachTest } from './fixture.js';

const current = storeEachTest();

const CRATES = ['a', 'b', 'c'];
const idOf = (crate: string, fn: string) => `cargo ${crate} 0.1.0 ${fn}().`;

/** Two fn names whose ids in crate a share a hash, found by trying names. */
const [CLASH_A, CLASH_B] = (() => {
  const seen = new Map<number, string>();
  for (let n = 10000; ; n++) {
    const hash = itemHash(idOf('a', `f${n}`));
    const other = seen.get(hash);
    if (other !== undefined) return [other, `f${n}`];
    seen.set(hash, `f${n}`);
  }
})();

/** A use in a fn's body: of one fn (resolved), or of one of several (candidates). */
type Use = { target: string } | { candidates: string[] };

interface Fn {
  name: string;
  uses: Use[];
  /** What comes before each use: two bytes, a line break or a two-byte character among them. */
  gaps: string[];
}

const GAPS = ['  ', '\n ', ' \n', 'é'];

type Model = Map<string, Fn[]>;

function dumpOf(crate: string, fns: Fn[]): { dump: Dump; source: Source } {
  const texts = fns.map(({ name, gaps }) => `fn ${name}() {${gaps.map((gap) => `${gap}X;`).join('')} }`);
  const source = new Source(`${crate}/src/lib.rs`, texts.map((text) => `${text}\n`).join(''));
  const items = fns.map(({ name, uses }, f) => {
    const at = source.find(`fn ${name}()`);
    const whole: Span = [at[0], at[0] + Buffer.byteLength(texts[f])];
    return makeItem(idOf(crate, name), 'fn', source, whole, [], uses.map((use, i) => ({ at: source.find('X', i, at[0]), role: 'call' as const, ...use })));
  });
  return { dump: makeDump(crate, [source], items), source };
}

/** The refs find-references should give for `target`, as [file, line, col, candidate, item]. */
function expectedRefs(model: Model, target: string): Array<[string, number, number, boolean, string]> {
  const out: Array<[string, number, number, boolean, string]> = [];
  for (const [crate, fns] of [...model].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const { source } = dumpOf(crate, fns);
    for (const { name, uses } of fns) {
      const at = source.find(`fn ${name}()`);
      uses.forEach((use, i) => {
        const candidate = !('target' in use);
        if (candidate ? !use.candidates.includes(target) : use.target !== target) return;
        const { line, col } = source.position(source.find('X', i, at[0]));
        out.push([source.path, line, col, candidate, idOf(crate, name)]);
      });
    }
  }
  return out;
}

describe('ref keys (property)', () => {
  it('hold what a clean build writes, and answer the model, through random loads, changes and removals', async () => {
    const random = prng(2026_11_22);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
    const names = [CLASH_A, CLASH_B, 'g', 'h', 'k', 'm'];
    const allTargets = CRATES.flatMap((crate) => names.map((name) => idOf(crate, name)));
    const randomUses = (): Use[] => Array.from({ length: Math.floor(random() * 4) }, () => {
      if (random() < 0.7) return { target: pick(allTargets) };
      return { candidates: [...new Set(Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(allTargets)))].sort() };
    });
    const randomGaps = (uses: Use[]) => uses.map(() => pick(GAPS));
    const randomFns = (crate: string, before: Fn[] = []): Fn[] => {
      // Crate a always has the two clashing fns, often with the same body; a fn keeps its uses
      // from one version of its crate to the next half the time, as most items of an edit do,
      // and then its gaps half the time.
      const kept = new Map(before.map((f) => [f.name, f]));
      const fns = names.filter((name) => (crate === 'a' && (name === CLASH_A || name === CLASH_B)) || random() < 0.5)
        .map((name): Fn => {
          const old = kept.get(name);
          if (old === undefined || random() < 0.5) {
            const uses = randomUses();
            return { name, uses, gaps: randomGaps(uses) };
          }
          return { name, uses: old.uses, gaps: random() < 0.5 ? old.gaps : randomGaps(old.uses) };
        });
      if (crate === 'a' && random() < 0.3) {
        const [a, b] = [CLASH_A, CLASH_B].map((name) => fns.find((f) => f.name === name)!);
        b.uses = a.uses;
        b.gaps = a.gaps;
      }
      // Items come in any order in their file.
      return fns.sort(() => random() - 0.5);
    };
    const model: Model = new Map();
    for (let step = 0; step < 40; step++) {
      const crate = pick(CRATES);
      if (model.has(crate) && random() < 0.15) {
        await removeCrate(current.store, `cargo ${crate} 0.1.0`);
        model.delete(crate);
      } else {
        const fns = randomFns(crate, model.get(crate));
        model.set(crate, fns);
        await loadDump(current.store, dumpOf(crate, fns).dump);
      }
      const dumps = [...model].map(([name, fns]) => dumpOf(name, fns).dump);
      expect(await snapshot(current.store), `step ${step}`).toEqual(await freshSnapshot(...dumps.reverse()));
      const only = pick(CRATES);
      for (const target of allTargets) {
        const found = (await references(current.store, target)).map((r) => [r.file, r.line, r.col, r.candidate, r.item]);
        expect(found, `step ${step}, refs of ${target}`).toEqual(expectedRefs(model, target));
        // With --crate, the refs in that crate's items alone.
        const inOne = (await references(current.store, target, { crates: [`cargo ${only} 0.1.0`] })).map((r) => [r.file, r.line, r.col, r.candidate, r.item]);
        expect(inOne, `step ${step}, refs of ${target} in ${only}`).toEqual(expectedRefs(model, target).filter(([file]) => file.startsWith(`${only}/`)));
      }
    }
  });
});
