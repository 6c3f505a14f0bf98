// Printing: result lines on stdout, source excerpts under them, JSON. Text is coloured as
// color.ts decides for the stream it goes to; JSON never is.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { outPaint, type Paint } from './color.js';

export function printLine(text: string): void {
  process.stdout.write(text + '\n');
}

export function printJson(value: unknown): void {
  printLine(JSON.stringify(value));
}

export function warn(text: string): void {
  process.stderr.write(text + '\n');
}

/** `path:line:col: detail`, the shape editors and terminals turn into links. */
export function locationLine(place: { file: string; line: number; col: number }, detail: string, paint: Paint = outPaint()): string {
  return `${paint.path(place.file)}:${paint.pos(place.line)}:${paint.pos(place.col)}: ${detail}`;
}

/** `kind qualname`, as def, search, impls and the call hierarchy name a symbol. */
export function symbolText(kind: string, qualname: string, paint: Paint = outPaint()): string {
  return `${paint.kind(kind)} ${paint.name(qualname)}`;
}

/** Where an identifier is on its line: columns in characters from 1, end exclusive. */
export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/**
 * Source lines of the workspace's files, read on first use. The store holds positions, not
 * text, so excerpts come from the files on disk; a file that is gone yields no excerpt.
 */
export class SourceLines {
  private readonly files = new Map<string, string[] | undefined>();

  constructor(
    private readonly root: string,
    private readonly paint: Paint = outPaint(),
  ) {}

  /** The 1-based line of a root-relative (or absolute) file, untrimmed, or undefined when it cannot be read. */
  private raw(file: string, line: number): string | undefined {
    let lines = this.files.get(file);
    if (!this.files.has(file)) {
      // A file outside every workspace (std's sources, from the cache) is named by absolute path.
      lines = readLines(resolve(this.root, file));
      this.files.set(file, lines);
    }
    return lines?.[line - 1];
  }

  /**
   * The excerpt printed under a location line: the source line, trimmed and indented. With
   * colour, the identifier at `span` (when it lies on that line) is highlighted.
   */
  excerpt(file: string, line: number, span?: Span): string[] {
    const raw = this.raw(file, line);
    const text = raw?.trim();
    if (raw === undefined || text === '') return [];
    if (!this.paint.on || span === undefined || span.line !== line || span.endLine !== line) return [`    ${text}`];
    return [`    ${highlight(raw, span.col, span.endCol, this.paint).trim()}`];
  }
}

/** `raw` with the characters [col, endCol) (1-based, code points, as the store counts) painted as a match. */
function highlight(raw: string, col: number, endCol: number, paint: Paint): string {
  const chars = Array.from(raw);
  if (col < 1 || endCol <= col || endCol - 1 > chars.length) return raw;
  const before = chars.slice(0, col - 1).join('');
  const inside = chars.slice(col - 1, endCol - 1).join('');
  return before + paint.match(inside) + chars.slice(endCol - 1).join('');
}

function readLines(path: string): string[] | undefined {
  try {
    // Lines end at '\n' only, as the store counts them (schema/src/lines.ts).
    return readFileSync(path, 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

/** `1 file`, `2 files`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
