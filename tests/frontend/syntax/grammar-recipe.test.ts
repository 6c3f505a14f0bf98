import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  grammarFromRecipe, grammarFromText, grammarText, recipeOf, textHash, type RecipeFile,
} from '../../../frontend/src/syntax/grammar.js';
import { lex } from '../../../frontend/src/syntax/lexer.js';
import { matchDelimiters, splitItems } from '../../../frontend/src/syntax/split.js';
import { condenseItem } from '../../../frontend/src/syntax/condense.js';
import { cstOf } from '../../../frontend/src/syntax/cst.js';

const SAMPLE = `
use std::fmt::{self, Display};
pub struct Circle { pub r: f64 }
impl<T: Display> Trait for Vec<T> where T: Clone { fn f(&self) -> Option<&T> { None } }
pub(crate) enum E { A = 1, B(u8), C { x: i32 } }
`;

/** The condensed text of each top-level item of `source`, as the item parser matches it. */
function condensedItems(source: string): string[] {
  const ts = lex(new TextEncoder().encode(source));
  const { partner } = matchDelimiters(ts, 0, ts.count);
  return splitItems(ts, partner, 0, ts.count).items.map((s) => condenseItem(ts, partner, s.first, s.end).text);
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n + 1 }, (_, i) => i);
}

const text = grammarText();
const fromText = grammarFromText(text);
const dir = mkdtempSync(path.join(tmpdir(), 'xref-recipe-'));

function recipeFile(saved: RecipeFile): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(saved));
  return file;
}

describe('the item grammar recipe', () => {
  it('loads back the grammar it was made from', () => {
    const file = recipeFile({ textHash: textHash(text), recipe: recipeOf(fromText) });
    const loaded = grammarFromRecipe(text, file);
    expect(loaded).toBeDefined();
    expect(recipeOf(loaded!)).toBe(recipeOf(fromText));
    const items = condensedItems(SAMPLE);
    expect(items.length).toBeGreaterThan(3);
    for (const condensed of items) {
      const [a, b] = [fromText, loaded!].map((g) => g.match(condensed, 'item'));
      expect(a.succeeded()).toBe(true);
      expect(cstOf(b, identity(condensed.length))).toEqual(cstOf(a, identity(condensed.length)));
    }
  });

  it('is ignored when the grammar text changed since it was written', () => {
    const file = recipeFile({ textHash: textHash(`${text}\n// edited`), recipe: recipeOf(fromText) });
    expect(grammarFromRecipe(text, file)).toBeUndefined();
  });

  it('is ignored when missing or unreadable', () => {
    expect(grammarFromRecipe(text, path.join(dir, 'absent.json'))).toBeUndefined();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"textHash": "');
    expect(grammarFromRecipe(text, broken)).toBeUndefined();
  });

  it('is written by the build for the current grammar', () => {
    // `npm test` builds first, and the build writes the recipe into dist/.
    const built = path.resolve(import.meta.dirname, '../../../dist/frontend/src/syntax/items.recipe.json');
    const saved = JSON.parse(readFileSync(built, 'utf8')) as RecipeFile;
    expect(saved.textHash).toBe(textHash(text));
  });
});
