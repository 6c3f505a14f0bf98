// FILE:LINE:COL arguments. LINE is 1-based and COL counts characters from 1, as in rustc's
// messages and editors; FILE is relative to the current directory (or absolute) and becomes
// the workspace-root-relative, '/'-separated path the store uses.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { usageFailure } from './failure.js';

export interface Position {
  file: string;
  line: number;
  col: number;
}

const POSITION = /^(.+):(\d+):(\d+)$/;

/** Whether a refs TARGET is meant as a position: a Rust path has no lone ':' outside '::'. */
export function looksLikePosition(text: string): boolean {
  return text.replaceAll('::', '').includes(':');
}

/** Checks the syntax only; FILE stays as written. Throws a usage failure. */
export function parsePosition(text: string): Position {
  const m = POSITION.exec(text.trim());
  const line = m ? Number(m[2]) : 0;
  const col = m ? Number(m[3]) : 0;
  if (!m || line < 1 || col < 1) {
    throw usageFailure(`bad position '${text}': expected FILE:LINE:COL with LINE and COL counted from 1`);
  }
  return { file: m[1], line, col };
}

/** The position with FILE made relative to the workspace root, as the store has it. */
export function inWorkspace(position: Position, cwd: string, root: string): Position {
  return { ...position, file: rootRelative(position.file, cwd, root) };
}

/** A FILE given on the command line as the index names it: relative to the workspace root, `/`-separated. */
export function rootRelative(file: string, cwd: string, root: string): string {
  const absolute = isAbsolute(file) ? file : resolve(cwd, file);
  return relative(root, absolute).split(sep).join('/');
}
