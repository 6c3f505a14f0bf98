// Public shapes of workspace discovery: which crates a Cargo workspace compiles, and how they link.
import type { Edition } from '../syntax/lexer.js';

export type { Edition };

export type CrateKind = 'lib' | 'bin' | 'proc-macro' | 'example' | 'test' | 'bench';

/** Sort order of kinds within one package: what other crates link against comes first. */
export const KIND_ORDER: readonly CrateKind[] = ['lib', 'proc-macro', 'bin', 'example', 'test', 'bench'];

/**
 * Where a crate's package comes from. A `registry` package NAME-VERSION never changes once
 * published, so its crates can be indexed once and shared by every workspace that uses it.
 */
export type CrateSource = 'workspace' | 'path' | 'registry' | 'git';

export interface CrateTarget {
  /** crate name as rustc sees it (package name with '-' → '_', or the [lib]/[[bin]] name) */
  name: string;
  /** package name */
  package: string;
  /** package version */
  version: string;
  edition: Edition;
  kind: CrateKind;
  /** absolute path of the root file (src/lib.rs, src/main.rs, src/bin/x.rs, [lib] path = ...) */
  rootFile: string;
  /** absolute */
  packageDir: string;
  /** extern name → key of another CrateTarget in this result; includes the package's own lib for bins/tests/examples */
  dependencies: Record<string, string>;
  /** enabled features: `default` expanded transitively through the [features] table */
  features: string[];
  /** unique key: `${package} ${version} ${kind} ${name}` */
  key: string;
  /** true for crates that are workspace members; false for dependencies outside the workspace */
  member: boolean;
  /**
   * `workspace` exactly when `member`; `path`, `registry` (including vendored copies) or `git`
   * otherwise. Discovery always sets it; optional only because the resolver's virtual std crates
   * (resolve/std.ts) are built without it.
   */
  source?: CrateSource;
}

export interface Workspace {
  root: string;
  crates: CrateTarget[];
  warnings: string[];
}

export interface DiscoverOptions {
  /** 'auto' (default): try `cargo metadata`, fall back to reading Cargo.toml files; true: require cargo; false: never run it. */
  useCargo?: boolean | 'auto';
  /** Also produce example/test/bench targets of members, which see [dev-dependencies]. */
  includeDevTargets?: boolean;
}

/** Discovery cannot produce any workspace at all; the message is one line. */
export class WorkspaceError extends Error {
  override name = 'WorkspaceError';
}
