import { LineCounter, parseDocument, visit, isMap, isScalar, isSeq, type Node, type Document as YamlDocument, type YAMLError } from 'yaml';
import type { Diagnostic, SourcePlace } from '../model.js';

/** A parsed YAML text that can turn node positions into line and column. */
export interface YamlSource {
  doc: YamlDocument.Parsed;
  place(node: Node | null | undefined): SourcePlace;
  diagnostics: Diagnostic[];
}

/**
 * Parse YAML keeping positions. `lineOffset` shifts lines for YAML embedded in a larger file
 * (front matter). Syntax errors (tabs, duplicate keys, bad indentation) become diagnostics.
 */
export function parseYaml(text: string, file: string, errorCode: string, lineOffset = 0, fits?: KeyFits): YamlSource {
  const read = (source: string) => {
    const lineCounter = new LineCounter();
    // The core schema keeps dates as strings: a note dated 2026-03-14 stays "2026-03-14".
    return { source, lineCounter, doc: parseDocument(source, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false }) };
  };
  const parsed = read(text);
  const { doc, lineCounter } = parsed;
  const place = (node: Node | null | undefined): SourcePlace => {
    const pos = linePosition(parsed, node?.range?.[0] ?? 0);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  // A line indented differently from its neighbours makes the parser report errors elsewhere (at
  // the line before, or at lines after it that are right): find the line, say so in words, and
  // report the parser's errors only for what is left once it is put right.
  const { fixes, after } = indentationFixes(parsed, read, fits, lineOffset);
  const diagnostics: Diagnostic[] = fixes.map((fix) => ({
    severity: 'error' as const, code: errorCode, message: fix.message, hint: fix.hint, file, line: fix.line + lineOffset, column: fix.column,
  }));
  const moved = new Map(fixes.map((f) => [f.line, f.shift]));
  for (const err of [...after.doc.errors, ...after.doc.warnings]) {
    // A value read on into the next line gives both errors at one place: one mistake, one error.
    if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && after.doc.errors.some((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === err.pos[0])) continue;
    const d = yamlDiagnostic(err, after, file, errorCode, lineOffset);
    // A line put right is shifted in `after`: its columns are given as written.
    const shift = moved.get(d.line! - lineOffset);
    if (shift !== undefined) d.column = Math.max(1, d.column! - shift);
    diagnostics.push(d);
  }
  if (fixes.length > 0) diagnostics.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
  return { doc, place, diagnostics };
}

interface Parsed {
  source: string;
  lineCounter: LineCounter;
  doc: YamlDocument.Parsed;
}

/**
 * 1-based line and column of an offset, the column in characters (code points) as in every
 * message: the parser's own counts UTF-16 units, so an emoji before the place counted two.
 */
function linePosition({ source, lineCounter }: Parsed, offset: number): { line: number; col: number } {
  const pos = lineCounter.linePos(offset);
  let col = 1;
  for (let i = offset - (pos.col - 1); i < offset; i++) {
    const c = source.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) col++;
  }
  return { line: pos.line, col };
}

/** One parser error or warning as a diagnostic, in words where the parser's own are obscure. */
function yamlDiagnostic(err: YAMLError, parsed: Parsed, file: string, errorCode: string, lineOffset: number): Diagnostic {
  const { source: text, lineCounter, doc } = parsed;
  const opened = err.code === 'MISSING_CHAR' && /closing .?quote/i.test(err.message) ? openingQuote(doc, err.pos[0]) : undefined;
  // A [ or { never closed: the parser names the line where the collection stops, with a word of
  // indentation, as if that line were wrong; the mistake is the bracket that was opened.
  const bracket = opened === undefined && err.code === 'BAD_INDENT' && /^Flow (?:sequence|map) in block collection/.test(err.message)
    ? openingBracket(doc, text, err.pos[0]) : undefined;
  const pos = linePosition(parsed, opened ?? bracket ?? err.pos[0]);
  const open = bracket === undefined ? undefined : text[bracket] as '[' | '{';
  const written = err.code === 'DUPLICATE_KEY' ? /^("[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]+?)[ \t]*:(?:\s|$)/.exec(text.slice(err.pos[0], err.pos[0] + 200))?.[1] : undefined;
  const key = written === undefined ? '' : /^(["']).*\1$/.test(written) ? written.slice(1, -1) : written;
  return {
    severity: doc.errors.includes(err as never) ? 'error' : 'warning',
    code: err.code === 'DUPLICATE_KEY' ? `${errorCode}_DUPLICATE_KEY` : errorCode,
    message: err.code === 'DUPLICATE_KEY' && key
      ? `the key "${key.length > 40 ? `${key.slice(0, 40)}…` : key}" is given twice in one mapping`
      : err.code === 'MULTIPLE_DOCS'
        ? 'holds more than one YAML document (a line --- or ... after the first part)'
        : /call stack/i.test(err.message) ? 'is nested too deeply to be read'
          : opened !== undefined ? `has a quote here that is never closed (the value runs on to line ${lineCounter.linePos(Math.min(err.pos[0], text.trimEnd().length - 1)).line + lineOffset})`
            : open !== undefined ? `has a ${open} here that is never closed with ${open === '[' ? ']' : '}'}`
              : yamlMessage(err.message),
    hint: err.code === 'TAB_AS_INDENT' || /tab/i.test(err.message)
      ? 'YAML does not allow tabs for indentation: indent with spaces.'
      : err.code === 'DUPLICATE_KEY'
        ? 'Each key may appear once per mapping: remove or rename the repeated key.'
        : err.code === 'MULTIPLE_DOCS'
          ? 'Keep one codebook per file: remove the second --- line, or split the file in two.'
          : /call stack/i.test(err.message)
            ? 'Nest themes a few levels deep at most; a codebook needs no more.'
            : opened !== undefined
              ? `Close the quote with ${text[opened]} at the end of the value, or write a ${text[opened]} inside it as ${text[opened] === '"' ? '\\"' : "''"}.`
              : open !== undefined
                ? (open === '['
                  ? 'Close the list with ] at the end of its last item, or write the items on lines of their own, each after "- ".'
                  : 'Close the mapping with } at the end of its last value, or write its keys on lines of their own.')
                : err.code === 'BAD_INDENT' || err.code === 'MISSING_CHAR' && /without - indicator/.test(err.message)
                  ? 'This line is indented differently from the lines above it: keys of one mapping start in the same column, and the "-" of the items of one list too.'
                  : err.code === 'MULTILINE_IMPLICIT_KEY'
                    ? 'The text here runs on into the next line as if it were one key: check for a missing ": " after a key here, and that the next line is indented as the keys above it.'
                    : 'Check the YAML syntax at this place (indentation, quotes, a missing colon).',
    file,
    line: pos.line + lineOffset,
    column: pos.col,
  };
}

/**
 * The parser's errors that a line indented differently from its neighbours gives: the line itself
 * (BAD_INDENT: «All mapping items must start at the same column»; MISSING_CHAR: «Sequence item
 * without - indicator», a key one space short of its neighbours), or, for a key indented further
 * than the keys above it, the value on the line before read on into it as one multi-line key
 * (BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY, reported at the line before).
 */
function indentationError(err: YAMLError): boolean {
  return err.code === 'BAD_INDENT' || err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY'
    || (err.code === 'MISSING_CHAR' && /without - indicator/.test(err.message));
}

/** A line as block YAML lays it out: where it starts, its list dash and its key, if any. */
interface Shape {
  indent: number;
  /** Column (0-based) of a leading "- ". */
  dash?: number;
  /** Column (0-based) of the key, after any "- ". */
  keyColumn?: number;
  key?: string;
  value?: string;
}

function shapeOf(line: string): Shape | undefined {
  const m = /^( *)((?:-(?: +|$))*)([\s\S]*)$/.exec(line.replace(/\r$/, ''))!;
  const rest = m[3]!;
  if (m[2] === '' && (rest.trim() === '' || rest.startsWith('#'))) return undefined;
  const indent = m[1]!.length;
  const shape: Shape = { indent };
  if (m[2] !== '') shape.dash = indent;
  const key = /^("[^"]*"|'[^']*'|[^\s#'"{[\]},:][^:#]*?)[ \t]*:(?:[ \t]+(.*)|$)/.exec(rest);
  if (key) {
    shape.key = key[1]!.replace(/^(["'])(.*)\1$/, '$2');
    shape.keyColumn = indent + m[2]!.length;
    shape.value = (key[2] ?? '').replace(/\s+#.*$/, '').trim();
  }
  return shape;
}

interface IndentFix {
  /** 1-based line of the text as given, and the column where it starts. */
  line: number;
  column: number;
  /** Spaces added to the line to put it right (negative: removed). */
  shift: number;
  message: string;
  hint: string;
}

/** At most this many mistakes are looked for, and this many trial parses made, in one text. */
const MAX_FIXES = 5;
const MAX_TRIALS = 150;

/**
 * The lines indented differently from the lines around them, found by trying: a line with a key
 * or a list dash near the first indentation error is moved to a column where other lines of the
 * text start, and the text read again. A move counts only if it takes away the error looked at
 * and makes no new one; the one that leaves the fewest errors names the line. It is kept, and the
 * next error looked at; the first error no move explains ends the search. Errors a move takes away
 * were consequences of that one line. `after` is the text with every such line put right.
 */
function indentationFixes(first: Parsed, read: (text: string) => Parsed, fits: KeyFits = () => undefined, lineOffset = 0): { fixes: IndentFix[]; after: Parsed } {
  const fixes: IndentFix[] = [];
  let current = first;
  if (!first.doc.errors.some(indentationError) || first.source.length > 256 * 1024) return { fixes, after: current };
  const lines = first.source.split('\n');
  const shapes = lines.map(shapeOf);
  const columns = [...new Set(shapes.flatMap((s) => (s === undefined ? [] : [s.indent, ...(s.keyColumn !== undefined ? [s.keyColumn] : [])])))];
  const done = new Set<number>();
  let trials = 0;
  while (fixes.length < MAX_FIXES && trials < MAX_TRIALS) {
    const errors = current.doc.errors;
    const err = errors.find((e) => indentationError(e) && !done.has(current.lineCounter.linePos(e.pos[0]).line));
    if (!err) break;
    const from = current.lineCounter.linePos(err.pos[0]).line;
    const lineOf = (e: YAMLError) => current.lineCounter.linePos(e.pos[0]).line;
    // The lines the errors that begin on this line span: a key read on into the next line names both.
    const to = Math.max(...errors.filter((e) => lineOf(e) === from).map((e) => current.lineCounter.linePos(Math.max(e.pos[0], e.pos[1] - 1)).line));
    let best: { line: number; column: number; parsed: Parsed; rank: number[] } | undefined;
    const had = errors.map((e) => `${lineOf(e)} ${e.code}`);
    const named = errors.filter((e) => lineOf(e) === from).map((e) => `${from} ${e.code}`);
    // Two lines up as well: a list item moved left («- Digital_Kompetanse» among the codes) reads
    // as a plain text that runs on into the next, deeper line, and the parser names the line after.
    for (let n = Math.max(1, from - 2); n <= Math.min(lines.length, to + 1); n++) {
      const shape = shapes[n - 1];
      if (!shape || done.has(n) || (shape.key === undefined && shape.dash === undefined)) continue;
      const candidates = columns.filter((c) => c !== shape.indent).sort((a, b) => Math.abs(a - shape.indent) - Math.abs(b - shape.indent)).slice(0, 6);
      for (const column of candidates) {
        if (trials++ >= MAX_TRIALS) break;
        const moved = current.source.split('\n');
        moved[n - 1] = ' '.repeat(column) + moved[n - 1]!.trimStart();
        const parsed = read(moved.join('\n'));
        const left = parsed.doc.errors;
        // A move must take away the error looked at (one that only quiets its consequences explains
        // nothing), leave fewer errors, and make no new one: that would be a guess.
        const keys = left.map((e) => `${parsed.lineCounter.linePos(e.pos[0]).line} ${e.code}`);
        if (left.length >= errors.length || keys.some((k) => named.includes(k) || !had.includes(k))) continue;
        // A key put where it does not belong last; then fewest errors left; then a line the errors
        // name; then a key put where it belongs; then the later line (the lines above are taken
        // to be right); then the smaller move; then the column of the nearest line above.
        const parentKey = shape.dash !== undefined ? listAt(shapes, n, column) : column === 0 ? '' : mappingAt(shapes, n, column).parent?.key;
        // A list item fits by its first key, or as a plain item ("-"): a term is no code.
        const itemKey = shape.dash !== undefined ? shape.key ?? '-' : shape.key;
        const fit = itemKey !== undefined && parentKey !== undefined ? fits(itemKey, parentKey) : undefined;
        const rank = [fit === false ? 1 : 0, left.length, n >= from && n <= to ? 0 : 1, fit === true ? 0 : 1, -n, Math.abs(column - shape.indent), siblingDistance(shapes, n, column, shape.dash !== undefined)];
        if (!best || less(rank, best.rank)) best = { line: n, column, parsed, rank };
      }
    }
    // An error no move explains: what follows it may be its consequence, not worth a guess.
    if (!best) break;
    const shape = shapes[best.line - 1]!;
    fixes.push({ line: best.line, column: shape.indent + 1, shift: best.column - shape.indent, ...indentWords(shapes, best.line, best.column, lineOffset) });
    shapes[best.line - 1] = shapeOf(' '.repeat(best.column) + lines[best.line - 1]!.trimStart());
    done.add(best.line);
    current = best.parsed;
    if (current.doc.errors.length === 0) break;
  }
  return { fixes, after: fixes.length > 0 ? current : first };
}

/**
 * Whether a key belongs in a mapping, told by the key above it ('' for the top level, "codes" for
 * an item of a list under codes:); undefined when the caller cannot tell. Among moves that put
 * the text right alike, one that puts a key where it belongs is taken. A list item is asked with
 * its first key, or with "-" when it is a plain value (`- tid`), and the key that holds the list.
 */
export type KeyFits = (key: string, parent: string) => boolean | undefined;

/**
 * The mapping that a key in `column` on line `line` (1-based) would belong to: the list item that
 * opens it ("- id: x" with its key in that column), if any, and the key above that holds it.
 */
function mappingAt(shapes: (Shape | undefined)[], line: number, column: number): { opener?: number; parent?: Shape } {
  let opener: number | undefined;
  for (let n = line - 2; n >= 0; n--) {
    const s = shapes[n];
    if (!s) continue;
    if (s.dash !== undefined && s.keyColumn === column) {
      opener = n + 1;
      break;
    }
    if (s.indent < column) {
      // A key with nothing after it holds the mapping below it (label:, then nb: and en:).
      return s.keyColumn !== undefined && s.keyColumn < column && s.value === '' ? { parent: s } : {};
    }
  }
  if (opener === undefined) return {};
  const open = shapes[opener - 1]!;
  for (let n = opener - 2; n >= 0; n--) {
    const s = shapes[n];
    if (s && (s.indent < open.indent || (s.indent === open.indent && s.dash === undefined))) return { opener, parent: s };
  }
  return { opener };
}

/** The key that holds the list a "-" in `column` on line `line` (1-based) would be an item of, if any. */
function listAt(shapes: (Shape | undefined)[], line: number, column: number): string | undefined {
  for (let n = line - 2; n >= 0; n--) {
    const s = shapes[n];
    if (!s || s.indent > column || (s.dash === column)) continue;
    return s.keyColumn !== undefined && s.keyColumn <= column && s.value === '' ? s.key : undefined;
  }
  return undefined;
}

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** How many lines up the nearest line starts its key (or its list dash) in `column`; far when none does. */
function siblingDistance(shapes: (Shape | undefined)[], line: number, column: number, dash: boolean): number {
  for (let n = line - 2; n >= 0; n--) {
    const s = shapes[n];
    if (s && (dash ? s.dash : s.keyColumn) === column) return line - 1 - n;
  }
  return Number.MAX_SAFE_INTEGER;
}

/** What is wrong with line `line` (1-based), which belongs in column `column` (0-based), and what to do. */
function indentWords(shapes: (Shape | undefined)[], line: number, column: number, lineOffset: number): { message: string; hint: string } {
  // Lines as the reader counts them (front matter starts on line 2 of its note).
  const shown = (n: number) => n + lineOffset;
  const shape = shapes[line - 1]!;
  const shift = column - shape.indent;
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
  const move = shift > 0 ? `add ${spaces(shift)} before it` : `remove ${spaces(-shift)} before it`;
  const at = (s: Shape) => (shape.dash !== undefined ? s.dash : s.keyColumn);
  // The nearest line of the same mapping (or list): above it, else below it.
  const sibling = (step: number): number | undefined => {
    for (let n = line - 1 + step; n >= 0 && n < shapes.length; n += step) {
      const s = shapes[n];
      if (!s) continue;
      if (at(s) === column) return n + 1;
      // A line further left ends the mapping; above, a line that opens it ("- id: x") is one of it.
      if (s.indent < column && !(step < 0 && s.keyColumn === column)) return undefined;
    }
    return undefined;
  };
  const above = sibling(-1);
  const other = above ?? sibling(1);
  const side = above !== undefined ? 'above' : 'below';
  if (shape.dash !== undefined) {
    return {
      message: `line ${shown(line)} is indented differently from the list items ${other !== undefined ? side : 'around'} it: its "-" is in column ${shape.indent + 1}${other !== undefined ? `, the "-" on line ${shown(other!)} in column ${column + 1}` : `, not ${column + 1}`}`,
      hint: `The items of one list start in the same column: ${move} (the "-" in column ${column + 1}).`,
    };
  }
  const key = shape.key;
  const ref = other !== undefined ? shapes[other - 1]! : undefined;
  const message = `line ${shown(line)} is indented differently from the keys ${other !== undefined ? side : 'around'} it: "${key}" starts in column ${shape.indent + 1}`
    + (ref?.key !== undefined ? `, "${ref.key}" on line ${shown(other!)} in column ${column + 1}` : `, not ${column + 1}`);
  if (column === 0) return { message, hint: `Top-level keys start at the beginning of the line: ${move}.` };
  // The list item the key belongs to, as "- id: tidsmangel" under codes: is a code.
  const { opener, parent } = mappingAt(shapes, line, column);
  const open = opener !== undefined ? shapes[opener - 1]! : undefined;
  const what = open?.key === 'id' && open.value && (parent?.key === 'codes' || parent?.key === 'themes')
    ? `The keys of ${parent.key === 'codes' ? 'code' : 'theme'} ${open.value} (line ${shown(opener!)}) must line up under its "id"`
    : open?.key !== undefined
      ? `The keys of the list item on line ${shown(opener!)} must line up under its first key, "${open.key}"`
      : 'Keys of one mapping must start in the same column';
  return { message, hint: `${what}: ${move}, so that it starts in column ${column + 1}.` };
}

/**
 * Where the quoted value that an unclosed quote runs on from begins. The parser reports the
 * error where the text ends, often the end of the file, far from the quote a writer must close.
 */
function openingQuote(doc: YamlDocument.Parsed, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= end - 1 && node.range[0] < end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** The offset of the [ or { of a flow collection that runs on to `end` without its closing bracket. */
function openingBracket(doc: YamlDocument.Parsed, text: string, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Collection(_key, node) {
      const at = node.range?.[0];
      if (!node.flow || at === undefined || node.range![1] !== end) return undefined;
      const close = text[at] === '[' ? ']' : text[at] === '{' ? '}' : undefined;
      if (close === undefined || text.slice(at, end).trimEnd().endsWith(close)) return undefined;
      // The innermost wins: visit goes from the outside in.
      start = at;
      return undefined;
    },
  });
  return start;
}

/** The first line of a yaml error message, without the code frame. */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export { isMap, isScalar, isSeq };
