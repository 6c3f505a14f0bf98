export { analyzeWorkspace, type AnalyzeOptions, type AnalyzeResult, type FileDiagnostic } from './analyze.js';
export { WorkspaceError, discoverWorkspace } from './workspace/index.js';
export { locateStdSources } from './workspace/std-sources.js';
export { openAnalyzer, type Analyzer } from './analyzer.js';
export { AnalysisSession, type UpdateOptions } from './incremental/session.js';
export { watchSources, isSourcePath, type SourceWatcher } from './watch-sources.js';
