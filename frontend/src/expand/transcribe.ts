// Writes a rule's transcriber out with the bindings of a match: the tokens of the expansion.
// Tokens of the transcriber keep the place they have in the macro's body, substituted fragments
// the place they have in the invocation.
import { flatten, type Tok } from './tokens.js';
import type { Binding, Bindings } from './matcher.js';
import type { Node } from './rules.js';

export class TranscribeError extends Error {}

/** The tokens of `nodes` under `env`; throws TranscribeError past `limit` tokens or on a bad repetition. */
export function transcribe(nodes: Node[], env: Bindings, limit: number): Tok[] {
  const out: Tok[] = [];
  write(nodes, env, [], out, limit);
  return out;
}

/** The binding of `name` in the rounds `at` of the enclosing repetitions. */
function lookup(env: Bindings, name: string, at: number[]): Binding | undefined {
  let b = env.get(name);
  for (const i of at) {
    if (b === undefined || b.kind !== 'seq') break;
    b = b.items[i];
  }
  return b;
}

function write(nodes: Node[], env: Bindings, at: number[], out: Tok[], limit: number): void {
  for (const node of nodes) {
    if (out.length > limit) throw new TranscribeError('expansion too large');
    switch (node.kind) {
      case 'tok':
        out.push(node.tok);
        break;
      case 'group':
        out.push(node.open);
        write(node.nodes, env, at, out, limit);
        out.push(node.close);
        break;
      case 'var': {
        const b = lookup(env, node.name, at);
        if (b === undefined) {
          // Not a metavariable of this rule: the tokens themselves (a nested macro's `$x`).
          out.push(node.dollar, node.nameTok);
        } else if (b.kind === 'trees') flatten(b.trees, out);
        else throw new TranscribeError(`variable '${node.name}' is still repeating at this depth`);
        break;
      }
      case 'rep': {
        let rounds: number | undefined;
        for (const v of node.vars) {
          const b = lookup(env, v, at);
          if (b?.kind !== 'seq') continue;
          if (rounds !== undefined && rounds !== b.items.length) throw new TranscribeError('meta-variable repeats differently');
          rounds = b.items.length;
        }
        if (rounds === undefined) throw new TranscribeError('repetition without a repeating variable');
        for (let r = 0; r < rounds; r++) {
          if (r > 0 && node.sep) out.push(node.sep);
          write(node.nodes, env, [...at, r], out, limit);
        }
        break;
      }
    }
  }
}
