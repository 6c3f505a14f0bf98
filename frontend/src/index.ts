export { analyzeWorkspace, type AnalyzeOptions, type AnalyzeResult, type FileDiagnostic } from './analyze.js';
export { WorkspaceError } from './workspace/index.js';
