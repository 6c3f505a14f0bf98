import { callHierarchyCommand } from '../call-hierarchy.js';

export default callHierarchyCommand('callees', 'List what a function or method calls.');
