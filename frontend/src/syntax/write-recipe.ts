// `npm run build` step: writes the item grammar as an ohm recipe next to the compiled grammar.js,
// so that each process loads it in milliseconds instead of building it from items.ohm (grammar.ts).
import { writeFileSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { grammarFromText, grammarText, recipeOf, textHash, type RecipeFile } from './grammar.js';

const text = grammarText();
const saved: RecipeFile = { textHash: textHash(text), recipe: recipeOf(grammarFromText(text)) };
const target = fileURLToPath(new URL('./items.recipe.json', import.meta.url));
// Through a temporary file: a parse worker starting meanwhile must never read half a recipe.
writeFileSync(`${target}.tmp`, JSON.stringify(saved));
renameSync(`${target}.tmp`, target);
