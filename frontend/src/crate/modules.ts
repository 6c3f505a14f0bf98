// Builds a crate's module tree: follows `mod x;` to x.rs or x/mod.rs (or `#[path]`), the way
// rustc does, reading, lexing and parsing each file once.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildFileTables, type FileEntry } from '../../../schema/src/index.js';
import { lex, tokenText, type Edition, type TokenStream } from '../syntax/lexer.js';
import { TK } from '../syntax/tokens.js';
import { parseFile } from '../syntax/parse.js';
import type { ItemCache } from '../syntax/item-cache.js';
import { parseBodies } from '../syntax/body/parser.js';
import type { Item, ParsedFile } from '../syntax/ast.js';
import { cfgActive, type CfgSet } from './cfg.js';

export interface SourceFile {
  abs: string;
  /** Path relative to the workspace root, `/`-separated. */
  rel: string;
  entry: FileEntry;
  ts: TokenStream;
  parsed: ParsedFile;
}

export interface ModuleNode {
  name: string;
  /** Names from the crate root, e.g. `['shapes', 'circle']`; empty for the root. */
  path: string[];
  file: SourceFile;
  /** The `mod` item in the parent (inline or `mod x;`); absent for the crate root. */
  decl?: Extract<Item, { kind: 'mod' }>;
  /** The declaring file, where `decl` lives. */
  declFile?: SourceFile;
  items: Item[];
  parent?: ModuleNode;
  children: ModuleNode[];
  /** Set when the module or an ancestor is under a false `#[cfg]`. */
  inactive: boolean;
}

export interface LoadedCrate {
  root: ModuleNode;
  files: SourceFile[];
  /** Problems found while walking the tree, e.g. a `mod x;` with no file. */
  problems: Array<{ file: SourceFile; offset: number; message: string }>;
  /** Module files looked for and not found: one appearing changes the module tree. */
  missing: string[];
}

export interface LoadOptions {
  workspaceRoot: string;
  edition: Edition;
  cfg: CfgSet;
}

export interface ReadOptions {
  /** The file's bytes and their sha1 (hex), when the caller has them already. */
  bytes?: Uint8Array;
  hash?: string;
  /** Items of earlier parses: only the items that changed are parsed again. */
  itemCache?: ItemCache;
}

export function readSourceFile(abs: string, workspaceRoot: string, edition: Edition, options: ReadOptions = {}): SourceFile {
  const bytes = options.bytes ?? new Uint8Array(readFileSync(abs));
  const ts = lex(bytes, edition);
  const parsed = parseFile(ts, { cache: options.itemCache });
  parsed.errors.push(...parseBodies(ts, parsed));
  for (const e of ts.errors) parsed.errors.push({ offset: e.offset, message: e.message });
  const rel = relativePath(workspaceRoot, abs);
  return { abs, rel, entry: fileEntryOf(rel, bytes, options.hash), ts, parsed };
}

/** `abs` from `root`, `/`-separated, as dumps name files. */
export function relativePath(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** The dump's entry for a file at `rel` with these bytes (whose sha1 is `hash`, when known). */
export function fileEntryOf(rel: string, bytes: Uint8Array, hash = createHash('sha1').update(bytes).digest('hex')): FileEntry {
  const tables = buildFileTables(bytes);
  return { path: rel, hash, bytes: bytes.length, lines: tables.lines, lineStarts: tables.lineStarts, multibyte: tables.multibyte };
}

/** Reads, lexes and parses one file of a crate (`readSourceFile`, maybe on a worker thread). */
export type SourceReader = (abs: string, edition: Edition) => Promise<SourceFile>;

/**
 * Walks the module tree from `rootFile`. Sibling module files are read concurrently, so with a
 * reader on worker threads the files of a crate (and of every crate loaded at once) parse in
 * parallel.
 */
export async function loadCrate(rootFile: string, opts: LoadOptions, read: SourceReader): Promise<LoadedCrate> {
  const problems: LoadedCrate['problems'] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const rootSource = await read(rootFile, opts.edition);
  seen.add(rootFile);
  const root: ModuleNode = {
    name: '', path: [], file: rootSource, items: rootSource.parsed.items, children: [], inactive: false,
  };
  // Children of the root, of mod.rs files and of `#[path]` files live in the file's directory;
  // children of `foo.rs` live in `foo/`.
  const walk = async (mod: ModuleNode, items: Item[], childDir: string): Promise<void> => {
    const loads: Array<Promise<void>> = [];
    for (const item of items) {
      if (item.kind !== 'mod') continue;
      const inactive = mod.inactive || !cfgActive(item.attrs, mod.file.ts, opts.cfg);
      const child: ModuleNode = {
        name: item.name.text, path: [...mod.path, item.name.text], file: mod.file, decl: item,
        declFile: mod.file, items: [], parent: mod, children: [], inactive,
      };
      mod.children.push(child);
      const explicit = pathAttribute(item, mod.file.ts);
      if (item.items) {
        child.items = item.items;
        loads.push(walk(child, item.items, path.join(childDir, explicit ?? item.name.text)));
        continue;
      }
      if (inactive) continue;
      const candidates = explicit !== undefined
        ? [path.resolve(childDir, explicit)]
        : [path.join(childDir, `${item.name.text}.rs`), path.join(childDir, item.name.text, 'mod.rs')];
      const found = candidates.find((c) => fileExists(c) || (missing.push(c), false));
      if (found === undefined) {
        problems.push({
          file: mod.file, offset: item.name.span[0],
          message: `file not found for module \`${item.name.text}\` (looked for ${candidates.map((c) => path.relative(opts.workspaceRoot, c)).join(', ')})`,
        });
        continue;
      }
      if (seen.has(found)) {
        problems.push({ file: mod.file, offset: item.name.span[0], message: `module file ${path.relative(opts.workspaceRoot, found)} is already loaded` });
        continue;
      }
      seen.add(found);
      loads.push(read(found, opts.edition).then((source) => {
        child.file = source;
        child.items = source.parsed.items;
        const isModRs = path.basename(found) === 'mod.rs' || explicit !== undefined;
        return walk(child, source.parsed.items, isModRs ? path.dirname(found) : path.join(path.dirname(found), item.name.text));
      }));
    }
    await Promise.all(loads);
  };
  await walk(root, root.items, path.dirname(rootFile));
  // Reads finish in any order: files and problems are listed depth-first, as rustc reaches them.
  const files = filesDepthFirst(root);
  const rank = new Map(files.map((f, i) => [f, i]));
  problems.sort((a, b) => rank.get(a.file)! - rank.get(b.file)! || a.offset - b.offset);
  return { root, files, problems, missing: missing.sort() };
}

function filesDepthFirst(root: ModuleNode): SourceFile[] {
  const files: SourceFile[] = [root.file];
  const visit = (mod: ModuleNode) => {
    for (const child of mod.children) {
      if (child.file !== mod.file) files.push(child.file);
      visit(child);
    }
  };
  visit(root);
  return files;
}

function pathAttribute(item: Item, ts: TokenStream): string | undefined {
  for (const a of item.attrs) {
    if (a.path !== 'path') continue;
    for (let t = a.args[0]; t < a.args[1]; t++) {
      if (ts.kinds[t] === TK.Str) return JSON.parse(tokenText(ts, t)) as string;
    }
  }
  return undefined;
}

function fileExists(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}
