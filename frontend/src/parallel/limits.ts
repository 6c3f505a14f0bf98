import type { ResourceLimits } from 'node:worker_threads';

/**
 * Heap limits of parsing worker threads. Parsing makes many short-lived objects: a young
 * generation larger than V8's default means fewer scavenges. 64 MB made 2 workers on std about
 * 20% faster than the default, and beat 32 and 128 MB (`npm run bench -- parse DIR --workers 2`).
 */
export const PARSE_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 64 };
