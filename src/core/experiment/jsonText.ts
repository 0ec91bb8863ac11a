/**
 * The experiment file as text: decoding the bytes any editor writes, and the few
 * questions JSON.parse cannot answer (how deep is it? how was this number written?).
 * Everything here scans iteratively, so no input can exhaust the call stack.
 */

/** Deeper than any experiment needs (root → runs → run → schedule → list is 5). */
export const MAX_DEPTH = 64;

/**
 * Bytes to text: UTF-8 with or without a byte-order mark, or UTF-16 with one (what
 * Windows editors write as "Unicode"). Returns null for bytes that are not text in
 * one of these encodings.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  try {
    // TextDecoder drops the byte-order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A leading byte-order mark is not part of the JSON (JSON.parse refuses it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line and column of a UTF-16 offset, for messages. */
export function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Index just past the string literal that opens at `i` (text[i] === '"'). */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++; // backslash: skip the escaped character
    else if (c === 0x22) return j + 1;
  }
  return text.length;
}

/** More items than any list or object in an experiment holds (32 runs; a piecewise schedule's few boundaries). */
export const MAX_ITEMS = 10_000;

/** Where the text's shape goes beyond any experiment: too deep, or a list or object too long. */
export interface ShapeProblem {
  /** Offset of the bracket that opens the offending level or container. */
  offset: number;
  /** Path of that container (for "too deep": of the container nested too deeply). */
  path: (string | number)[];
  /** "deep", or the number of items (a list) / fields (an object) it holds. */
  problem: "deep" | { items: number; kind: "list" | "object" };
}

/**
 * Scans JSON text once, without recursion and before JSON.parse: the first container
 * that nests deeper than `MAX_DEPTH` or holds more than `MAX_ITEMS` items. Parsing such
 * text would only waste time and memory (a 24 MB list takes 360 MB to parse) or, in any
 * recursive walk after it, the call stack. Invalid JSON is left for JSON.parse to report.
 */
export function shapeProblem(text: string, maxDepth = MAX_DEPTH, maxItems = MAX_ITEMS): ShapeProblem | null {
  // One frame per open container: its path key, opening offset, kind and items so far.
  const keys: (string | number)[] = [];
  const opens: number[] = [];
  const isList: boolean[] = [];
  const counts: number[] = [];
  let pendingKey: string | number = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(text, i);
      const top = counts.length - 1;
      if (top >= 0 && counts[top] === 0) counts[top] = 1;
      // A string followed by ':' is the key of the next value.
      if (!isList[isList.length - 1] && text.charCodeAt(skipSpace(text, end)) === 0x3a) {
        try {
          pendingKey = JSON.parse(text.slice(i, end)) as string;
        } catch {
          return null; // not JSON: JSON.parse says where
        }
      }
      i = end - 1;
    } else if (c === 0x7b || c === 0x5b) {
      const top = counts.length - 1;
      if (top >= 0 && counts[top] === 0) counts[top] = 1; // the container's first item
      keys.push(top >= 0 && isList[top] ? counts[top] - 1 : pendingKey);
      opens.push(i);
      isList.push(c === 0x5b);
      counts.push(0);
      if (opens.length > maxDepth) return { offset: i, path: keys.slice(1), problem: "deep" };
    } else if (c === 0x7d || c === 0x5d) {
      keys.pop();
      opens.pop();
      isList.pop();
      counts.pop();
    } else if (c === 0x2c) {
      const top = counts.length - 1;
      if (top >= 0 && ++counts[top] > maxItems) {
        // Count the rest of this container for the message (cheaply: commas at its level).
        const list = isList[top];
        let items = counts[top];
        let depth = 0;
        for (let j = i + 1; j < text.length; j++) {
          const d = text.charCodeAt(j);
          if (d === 0x22) j = skipString(text, j) - 1;
          else if (d === 0x7b || d === 0x5b) depth++;
          else if (d === 0x7d || d === 0x5d) {
            if (depth-- === 0) break;
          } else if (d === 0x2c && depth === 0) items++;
        }
        return { offset: opens[top], path: keys.slice(1), problem: { items, kind: list ? "list" : "object" } };
      }
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x3a) {
      const top = counts.length - 1;
      if (top >= 0 && counts[top] === 0) counts[top] = 1;
    }
  }
  return null;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Index just past the JSON value that starts at `i` (valid JSON assumed). */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) j = skipString(text, j) - 1;
      else if (d === 0x7b || d === 0x5b) depth++;
      else if ((d === 0x7d || d === 0x5d) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
  return j;
}

/**
 * The source text of the value at `path` in valid JSON `text` (the last one when a key
 * repeats, as JSON.parse keeps the last), or undefined when there is none. Used to show
 * a number as the file wrote it: JSON.parse turns 1e400 into Infinity and 1e-400 into 0.
 */
export function sourceAt(text: string, path: readonly PropertyKey[]): string | undefined {
  let i = skipSpace(text, 0);
  for (const key of path) {
    const open = text.charCodeAt(i);
    let found = -1;
    if (open === 0x7b && typeof key === "string") {
      i = skipSpace(text, i + 1);
      while (text.charCodeAt(i) === 0x22) {
        const end = skipString(text, i);
        const name = JSON.parse(text.slice(i, end)) as string;
        i = skipSpace(text, skipSpace(text, end) + 1); // past ':'
        if (name === key) found = i;
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
      }
    } else if (open === 0x5b && typeof key === "number") {
      i = skipSpace(text, i + 1);
      for (let n = 0; text.charCodeAt(i) !== 0x5d && i < text.length; n++) {
        if (n === key) {
          found = i;
          break;
        }
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) === 0x2c) i = skipSpace(text, i + 1);
      }
    }
    if (found < 0) return undefined;
    i = found;
  }
  return text.slice(i, skipValue(text, i));
}
