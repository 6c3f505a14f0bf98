export * from './types.js';
export * from './version.js';
export * from './symbol.js';
export * from './validate.js';
export { ITEM_KINDS, DEF_KINDS, REF_ROLES, RELATION_KINDS, SEVERITIES, EDITIONS } from './kinds.js';
export * from './jsonl.js';
export * from './lines.js';
export * from './dump-file.js';
