// Reading a little of a value's JSON text without parsing it all: where a string or an array
// ends, to take one field out of a large value (a local's mark in its item's
// record, the owner before a def key's entry).

/** Where the JSON string opening at `open` ends: the first quote after it that no backslash escapes; -1 if none. */
export function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Where the array or object opening at `open` closes, strings skipped; -1 if it does not. */
export function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i = closingQuote(text, i);
      if (i < 0) return -1;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return i;
  }
  return -1;
}
