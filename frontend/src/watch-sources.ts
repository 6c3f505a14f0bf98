// Watches a workspace for edits that change its analysis: Rust files and Cargo manifests. Editors
// save in bursts (write, rename, touch), so changes are gathered until the tree has been quiet for
// `debounceMs`, then reported together.
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { isSkippedDir } from './rust-files.js';

export interface SourceWatcher {
  close(): void;
}

export function isSourcePath(rel: string): boolean {
  const parts = rel.split(/[\\/]/);
  if (parts.slice(0, -1).some(isSkippedDir)) return false;
  const name = parts[parts.length - 1];
  return name.endsWith('.rs') || name === 'Cargo.toml' || name === 'Cargo.lock';
}

export function watchSources(root: string, onChange: (paths: string[]) => void, debounceMs = 150): SourceWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, file) => {
    if (file === null || !isSourcePath(file.toString())) return;
    pending.add(path.join(root, file.toString()));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, debounceMs);
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
