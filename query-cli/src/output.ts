// Printing: result lines on stdout, source excerpts under them, JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
export function locationLine(place: { file: string; line: number; col: number }, detail: string): string {
  return `${place.file}:${place.line}:${place.col}: ${detail}`;
}

/**
 * Source lines of the workspace's files, read on first use. The store holds positions, not
 * text, so excerpts come from the files on disk; a file that is gone yields no excerpt.
 */
export class SourceLines {
  private readonly files = new Map<string, string[] | undefined>();

  constructor(private readonly root: string) {}

  /** The 1-based line of a root-relative file, trimmed, or undefined when it cannot be read. */
  line(file: string, line: number): string | undefined {
    let lines = this.files.get(file);
    if (!this.files.has(file)) {
      lines = readLines(join(this.root, file));
      this.files.set(file, lines);
    }
    return lines?.[line - 1]?.trim();
  }

  /** The excerpt printed under a location line: the source line, indented. */
  excerpt(file: string, line: number): string[] {
    const text = this.line(file, line);
    return text === undefined || text === '' ? [] : [`    ${text}`];
  }
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
