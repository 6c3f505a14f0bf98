// Which directories `[workspace] members` and `exclude` name. Members may be glob patterns
// (`*`, `?`, `[a-z]`, `**`), matched against directories only; exclude entries are literal
// path prefixes, as in cargo.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { WorkspaceSection } from './manifest.js';

const hasMagic = (pattern: string) => /[*?[]/.test(pattern);

export const isWithin = (dir: string, ancestor: string) => dir === ancestor || dir.startsWith(ancestor.endsWith(sep) ? ancestor : ancestor + sep);

const isDirectory = (p: string) => existsSync(p) && statSync(p).isDirectory();

function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[' && segment.indexOf(']', i + 2) > 0) {
      const end = segment.indexOf(']', i + 2);
      const body = segment.slice(i + 1, end);
      source += body.startsWith('!') ? `[^${body.slice(1).replace(/\\/g, '\\\\')}]` : `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else source += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort();
}

function descendants(dir: string): string[] {
  return [dir, ...subdirectories(dir).flatMap(descendants)];
}

function expandPattern(root: string, pattern: string): string[] {
  let current = [root];
  for (const segment of pattern.split(/[\\/]/).filter((s) => s !== '' && s !== '.')) {
    if (segment === '**') current = current.flatMap(descendants);
    else if (hasMagic(segment)) {
      const re = segmentRegExp(segment);
      current = current.flatMap((d) => subdirectories(d).filter((s) => re.test(s.slice(d.length + 1))));
    } else current = current.map((d) => resolve(d, segment)).filter(isDirectory);
  }
  return current;
}

export interface MemberDirs {
  dirs: string[];
  problems: string[];
}

/** Member directories named by `members`, excluded ones removed; sorted, without duplicates. */
export function memberDirs(ws: WorkspaceSection): MemberDirs {
  const dirs = new Set<string>();
  const problems: string[] = [];
  for (const pattern of ws.members) {
    if (!hasMagic(pattern)) {
      // A literal member that does not exist is reported when its Cargo.toml cannot be read.
      dirs.add(resolve(ws.dir, pattern));
      continue;
    }
    const matched = expandPattern(ws.dir, pattern);
    if (matched.length === 0) problems.push(`${ws.dir}/Cargo.toml: workspace member pattern \`${pattern}\` matches no directory`);
    for (const dir of matched) if (!isExcluded(ws, dir)) dirs.add(dir);
  }
  return { dirs: [...dirs].sort(), problems };
}

/** Cargo's rule: excluded when under an `exclude` entry, unless also under a literal `members` entry. */
export function isExcluded(ws: WorkspaceSection, dir: string): boolean {
  const under = (entries: string[]) => entries.some((e) => isWithin(dir, resolve(ws.dir, e)));
  return under(ws.exclude) && !under(ws.members.filter((m) => !hasMagic(m)));
}
