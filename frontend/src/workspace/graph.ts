// The package graph both readers (Cargo.toml files, `cargo metadata`) produce. Turning it into
// crates happens in one place (assemble.ts), so the two readers cannot drift apart there.
import type { CrateKind, CrateSource, Edition } from './types.js';

export interface TargetSpec {
  kind: CrateKind;
  /** Name as cargo reports it: bins keep their '-'. */
  name: string;
  edition: Edition;
  /** Absolute, normalized. */
  rootFile: string;
}

export type DepKind = 'normal' | 'dev' | 'build';

export interface DepEdge {
  /** Name of the package depended on. */
  package: string;
  /** The dependency's key when it differs from the package name (`foo = { package = "bar" }`). */
  rename?: string;
  kind: DepKind;
  optional: boolean;
  /** `PackageNode.id` of the package it resolved to; absent when it is not on disk. */
  target?: string;
  /** Why `target` is absent, as a warning to show when the edge is used. */
  unavailable?: string;
}

export interface PackageNode {
  /** Unique within the graph; only used to link edges. */
  id: string;
  name: string;
  version: string;
  /** Absolute directory of the package's Cargo.toml. */
  dir: string;
  member: boolean;
  source: CrateSource;
  /** Every target, including examples/tests/benches. */
  targets: TargetSpec[];
  /** The [features] table, plus the implicit feature of each optional dependency. */
  featureTable: Record<string, string[]>;
  deps: DepEdge[];
}

export interface PackageGraph {
  root: string;
  packages: PackageNode[];
  warnings: string[];
}
