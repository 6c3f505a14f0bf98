// The parts of cargo's configuration that decide where registry sources lie: $CARGO_HOME, and
// `[source.crates-io] replace-with` pointing to a `directory` source (what `cargo vendor` sets up).
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ManifestError, readManifest, type TomlTable } from './manifest.js';

export function cargoHome(): string {
  return resolve(process.env.CARGO_HOME || join(homedir(), '.cargo'));
}

interface ConfigFile {
  /** Config paths are relative to the directory that holds the `.cargo` directory (or $CARGO_HOME). */
  base: string;
  sources: Record<string, TomlTable>;
}

const isTable = (v: unknown): v is TomlTable => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

/** `.cargo/config.toml` (or legacy `.cargo/config`) in `dir` and its ancestors, nearest first, then $CARGO_HOME's. */
function configFiles(dir: string, home: string): string[] {
  const candidates: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    candidates.push(join(d, '.cargo', 'config.toml'), join(d, '.cargo', 'config'));
    if (dirname(d) === d) break;
  }
  candidates.push(join(home, 'config.toml'), join(home, 'config'));
  // Cargo reads $CARGO_HOME's file once even when it is also an ancestor's `.cargo`.
  return [...new Set(candidates)].filter(isFile);
}

function readConfigs(dir: string, home: string, problems: string[]): ConfigFile[] {
  const configs: ConfigFile[] = [];
  for (const file of configFiles(dir, home)) {
    try {
      const source = readManifest(file).source;
      configs.push({ base: dirname(dirname(file)), sources: isTable(source) ? source as Record<string, TomlTable> : {} });
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      problems.push(e.message);
    }
  }
  return configs;
}

/**
 * The directory that replaces crates.io, when the configuration seen from `dir` names one;
 * nearer config files win, as in cargo.
 */
export function replacementDirectory(dir: string, home: string, problems: string[]): string | undefined {
  const configs = readConfigs(dir, home, problems);
  const setting = (source: string, key: string) => {
    for (const c of configs) {
      const value = c.sources[source]?.[key];
      if (typeof value === 'string') return { value, base: c.base };
    }
    return undefined;
  };
  const visited = new Set<string>();
  for (let name = 'crates-io'; !visited.has(name);) {
    visited.add(name);
    const directory = setting(name, 'directory');
    if (directory && name !== 'crates-io') return resolve(directory.base, directory.value);
    const next = setting(name, 'replace-with');
    if (!next) return undefined;
    name = next.value;
  }
  problems.push(`source replacement of crates-io loops through ${[...visited].join(', ')}`);
  return undefined;
}
