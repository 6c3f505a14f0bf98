// The command table oclif loads (package.json: oclif.commands, strategy "explicit").
import Callees from './commands/callees.js';
import Callers from './commands/callers.js';
import Def from './commands/def.js';
import Hover from './commands/hover.js';
import Impls from './commands/impls.js';
import Index from './commands/index.js';
import Parse from './commands/parse.js';
import Refs from './commands/refs.js';
import Search from './commands/search.js';
import Stats from './commands/stats.js';
import Symbols from './commands/symbols.js';
import Watch from './commands/watch.js';

export const COMMANDS = {
  index: Index,
  def: Def,
  refs: Refs,
  hover: Hover,
  callers: Callers,
  callees: Callees,
  search: Search,
  impls: Impls,
  stats: Stats,
  symbols: Symbols,
  parse: Parse,
  watch: Watch,
};
