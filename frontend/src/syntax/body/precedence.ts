// Rust's binary operators, their precedence and associativity. The lexer keeps `<`, `>`, `&`,
// `|` and `=` single (for types like `Vec<Vec<u8>>` and `&&T`), so the operators `<<`, `>=`,
// `&&`, `|=`, `>>=`… are recognized here from tokens that touch.
import { TK } from '../tokens.js';
import type { AssignOp, BinaryOp } from './ast.js';
import { touching, type Cursor } from './cursor.js';

/** Binding power, loosest first. */
export enum Prec {
  Assign = 1, Range, Or, And, Compare, BitOr, BitXor, BitAnd, Shift, Sum, Product, Cast, Unary,
}

type InfixKind = 'binary' | 'assign' | 'range' | 'cast';

interface Infix {
  kind: InfixKind;
  op: BinaryOp | AssignOp | '..' | '..=' | 'as';
  prec: Prec;
  /** Tokens the operator spans. */
  len: number;
}

const infix = (kind: InfixKind, op: Infix['op'], prec: Prec, len = 1): Infix => ({ kind, op, prec, len });

const SINGLE = new Map<number, Infix>([
  [TK['+'], infix('binary', '+', Prec.Sum)], [TK['-'], infix('binary', '-', Prec.Sum)],
  [TK['*'], infix('binary', '*', Prec.Product)], [TK['/'], infix('binary', '/', Prec.Product)],
  [TK['%'], infix('binary', '%', Prec.Product)], [TK['^'], infix('binary', '^', Prec.BitXor)],
  [TK['=='], infix('binary', '==', Prec.Compare)], [TK['!='], infix('binary', '!=', Prec.Compare)],
  [TK['='], infix('assign', '=', Prec.Assign)], [TK['+='], infix('assign', '+=', Prec.Assign)],
  [TK['-='], infix('assign', '-=', Prec.Assign)], [TK['*='], infix('assign', '*=', Prec.Assign)],
  [TK['/='], infix('assign', '/=', Prec.Assign)], [TK['%='], infix('assign', '%=', Prec.Assign)],
  [TK['^='], infix('assign', '^=', Prec.Assign)],
  [TK['..'], infix('range', '..', Prec.Range)], [TK['..='], infix('range', '..=', Prec.Range)],
  [TK.as, infix('cast', 'as', Prec.Cast)],
]);

const LT = infix('binary', '<', Prec.Compare);
const LE = infix('binary', '<=', Prec.Compare, 2);
const SHL = infix('binary', '<<', Prec.Shift, 2);
const SHL_EQ = infix('assign', '<<=', Prec.Assign, 3);
const GT = infix('binary', '>', Prec.Compare);
const GE = infix('binary', '>=', Prec.Compare, 2);
const SHR = infix('binary', '>>', Prec.Shift, 2);
const SHR_EQ = infix('assign', '>>=', Prec.Assign, 3);
const AND = infix('binary', '&', Prec.BitAnd);
const AND_AND = infix('binary', '&&', Prec.And, 2);
const AND_EQ = infix('assign', '&=', Prec.Assign, 2);
const OR = infix('binary', '|', Prec.BitOr);
const OR_OR = infix('binary', '||', Prec.Or, 2);
const OR_EQ = infix('assign', '|=', Prec.Assign, 2);

/** The infix operator at `p.pos`, or undefined. */
export function infixAt(p: Cursor): Infix | undefined {
  const t = p.pos;
  if (t >= p.limit) return undefined;
  const k = p.kinds[t];
  const single = SINGLE.get(k);
  if (single) return single;
  const next = touching(p, t) ? p.kinds[t + 1] : -1;
  switch (k) {
    case TK['<']:
      if (next === TK['=']) return LE;
      if (next !== TK['<']) return LT;
      return touching(p, t + 1) && p.kinds[t + 2] === TK['='] ? SHL_EQ : SHL;
    case TK['>']:
      if (next === TK['=']) return GE;
      if (next !== TK['>']) return GT;
      return touching(p, t + 1) && p.kinds[t + 2] === TK['='] ? SHR_EQ : SHR;
    case TK['&']: return next === TK['&'] ? AND_AND : next === TK['='] ? AND_EQ : AND;
    case TK['|']: return next === TK['|'] ? OR_OR : next === TK['='] ? OR_EQ : OR;
    default: return undefined;
  }
}
