// One file of `parsePaths`: read, lex, parse items and bodies, and report only what the caller
// needs (sizes and syntax errors with their line and column), so a worker's answer is cheap to
// send back.
import { readFileSync } from 'node:fs';
import { buildFileTables, LineIndex } from '../../../schema/src/index.js';
import { lex } from '../syntax/lexer.js';
import { parseFile } from '../syntax/parse.js';
import { parseBodies } from '../syntax/body/parser.js';
import type { FileDiagnostic } from '../analyze.js';

export interface ParseJob {
  abs: string;
  /** The path printed in the report. */
  file: string;
}

export interface FileParseReport {
  bytes: number;
  /** Top-level items. */
  items: number;
  syntaxErrors: FileDiagnostic[];
}

export function parseOneFile({ abs, file }: ParseJob): FileParseReport {
  const bytes = new Uint8Array(readFileSync(abs));
  let tables;
  try {
    tables = buildFileTables(bytes);
  } catch (error) {
    // rustc rejects such a file before parsing; so does this.
    return { bytes: bytes.length, items: 0, syntaxErrors: [{ file, line: 1, col: 1, message: `not UTF-8: ${(error as Error).message}` }] };
  }
  const ts = lex(bytes);
  const parsed = parseFile(ts);
  const errors = [...ts.errors, ...parsed.errors, ...parseBodies(ts, parsed, { keepTrees: false })].sort((a, b) => a.offset - b.offset);
  const lines = new LineIndex({ ...tables, bytes: bytes.length });
  const syntaxErrors = errors.map((e) => ({ file, ...lines.position(Math.min(e.offset, bytes.length)), message: e.message }));
  return { bytes: bytes.length, items: parsed.items.length, syntaxErrors };
}
