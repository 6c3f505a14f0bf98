export * from './types.js';
export * from './version.js';
export * from './symbol.js';
export * from './validate.js';
export * from './jsonl.js';
export * from './lines.js';
export * from './dump-file.js';
