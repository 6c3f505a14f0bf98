import { callHierarchyCommand } from '../call-hierarchy.js';

export default callHierarchyCommand('callers', 'List what calls a function or method: the fns holding its calls.');
