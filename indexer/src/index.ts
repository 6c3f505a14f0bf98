// The indexer's public API: open a store, load dumps into it, query it.
export * from './errors.js';
export { STORE_FORMAT_VERSION } from './keys.js';
export { openStore, Store, type OpenOptions, type StoreReader } from './store.js';
export { openStoreReader } from './reader.js';
export { serveStore, RemoteStore, RemoteError, type RemoteOps, type StoreServer } from './remote.js';
export { loadDump, removeCrate, type MergeStats } from './merge.js';
export { indexDumps, type DumpFailure, type IndexResult } from './load.js';
export { applyPatches, applyPatch, indexAnalysis, type AnalysisOutput } from './patch.js';
export {
  definitionsAt, symbolsAt, fullDefs, resolveTarget, defById, type DefinitionResult, type SymbolsResult, type DefDetails,
} from './queries.js';
export { references, type RefLocation, type ReferenceOptions } from './references.js';
export type { FoundDef, Location } from './locate.js';
export { implementations, type ImplLocation, type Implementations } from './implementations.js';
export { overridersOf } from './relations.js';
export type { ImplLink } from './keys.js';
export { search, SEARCH_KINDS, type MatchKind, type SearchHit, type SearchOptions } from './search.js';
export { listCrates, stats, type CrateSummary, type StoreStats } from './crates.js';
export { fileOutline, traitName, type OutlineNode } from './symbols.js';
export type { LineRange } from './files.js';
export { callHierarchy, type CallNode, type CallDirection } from './calls.js';
