// `cargo metadata` takes 60-70 ms, most of a resumed `xref index` that took a body edit. Its
// answer is kept, with the modification times of what it depends on in the workspace: the
// manifests and lock file, the directories whose files make targets (src, src/bin, examples,
// tests, benches) or packages (those up to the root, where member globs look), and cargo's
// config. While none of them changed, the kept answer is the answer. Registry packages do not
// change under a version.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DiscoverOptions, Workspace } from './types.js';

const FORMAT = 1;
/** Filesystems keep mtimes to a second or coarser on some systems; within it, an mtime proves nothing. */
const MTIME_GRANULARITY_MS = 2000;

interface KeptDiscovery {
  format: number;
  /** The directory and options discovery ran with. */
  key: string;
  writtenAtMs: number;
  stamps: Array<[path: string, mtimeMs: number]>;
  workspace: Workspace;
}

/** The discovery kept in `file` for `dir` and `opts`, when nothing it depends on changed since. */
export function keptDiscovery(file: string, dir: string, opts: DiscoverOptions): Workspace | undefined {
  let kept: KeptDiscovery;
  try {
    kept = JSON.parse(readFileSync(file, 'utf8')) as KeptDiscovery;
  } catch {
    return undefined;
  }
  if (kept.format !== FORMAT || kept.key !== keyOf(dir, opts)) return undefined;
  const trusted = kept.writtenAtMs - MTIME_GRANULARITY_MS;
  return kept.stamps.every(([p, mtime]) => mtime < trusted && mtimeOf(p) === mtime) ? kept.workspace : undefined;
}

/** Keeps `workspace`, which discovery found for `dir` and `opts` by asking cargo, in `file`. */
export function keepDiscovery(file: string, dir: string, opts: DiscoverOptions, workspace: Workspace): void {
  const writtenAtMs = Date.now();
  const kept: KeptDiscovery = { format: FORMAT, key: keyOf(dir, opts), writtenAtMs, stamps: [...inputsOf(dir, workspace)].map((p) => [p, mtimeOf(p)]), workspace };
  try {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(kept));
    renameSync(temp, file);
  } catch {
    // Not kept: the next run asks cargo again.
  }
}

function keyOf(dir: string, opts: DiscoverOptions): string {
  return JSON.stringify([path.resolve(dir), opts.useCargo ?? 'auto', opts.includeDevTargets ?? false]);
}

/** What cargo's answer depends on in the workspace: files, and directories whose entries it lists. */
function inputsOf(dir: string, ws: Workspace): Set<string> {
  const out = new Set<string>();
  const upTo = (from: string, root: string) => {
    for (let d = from; ; d = path.dirname(d)) {
      out.add(d);
      if (d === root || path.dirname(d) === d || !d.startsWith(root)) break;
    }
  };
  for (const name of ['Cargo.toml', 'Cargo.lock', '.cargo', '.cargo/config.toml', '.cargo/config']) out.add(path.join(ws.root, name));
  upTo(path.resolve(dir), ws.root);
  for (const t of ws.crates) {
    if (t.source === 'registry') continue;
    upTo(t.packageDir, ws.root);
    for (const name of ['Cargo.toml', 'src', 'src/bin', 'examples', 'tests', 'benches']) out.add(path.join(t.packageDir, name));
  }
  return out;
}

/** -1 for a path that is not there. */
function mtimeOf(p: string): number {
  return statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}
