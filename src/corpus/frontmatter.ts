import type { Attributes, Diagnostic } from '../model.js';
import { parseYaml, isMap, isScalar } from '../util/yaml.js';

export interface FrontMatter {
  attributes: Attributes;
  /** Offset in the text where the body starts (after the closing `---`). */
  bodyStart: number;
  diagnostics: Diagnostic[];
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** YAML front matter between `---` lines at the top of a note gives the document's attributes. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const none: FrontMatter = { attributes: {}, bodyStart: 0, diagnostics: [] };
  const open = OPEN.exec(text);
  if (!open) return none;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      ...none,
      diagnostics: [{
        severity: 'error', code: 'NOTE_FRONTMATTER_UNCLOSED', file, line: 1, column: 1,
        message: 'front matter starts with --- but is never closed',
        hint: 'Add a line with --- after the attributes, or remove the first --- line.',
      }],
    };
  }
  // A no-break space from a word processor («id:\u00a0inf-8») is a space to YAML's reader too;
  // YAML itself reads it as part of a key and refused the line with a message about something else.
  const yamlText = rest.slice(0, close.index).replace(/\u00a0/g, ' ');
  const bodyStart = Math.min(text.length, open[0].length + close.index + close[0].length + 1);
  const simple = simpleAttributes(yamlText);
  if (simple !== undefined) return { attributes: simple, bodyStart, diagnostics: [] };
  const { attributes, diagnostics } = yamlAttributes(yamlText, file);
  return { attributes, bodyStart, diagnostics };
}

/** Attributes of the front matter's YAML (without the `---` lines) through the yaml package; lines count from the file's line 2. */
export function yamlAttributes(yamlText: string, file: string): Pick<FrontMatter, 'attributes' | 'diagnostics'> {
  const { doc, place, diagnostics } = parseYaml(yamlText, file, 'NOTE_FRONTMATTER_SYNTAX', 1);
  if (diagnostics.some((d) => d.severity === 'error')) return { attributes: {}, diagnostics };
  const attributes: Attributes = {};
  if (doc.contents !== null && !isMap(doc.contents)) {
    diagnostics.push({
      severity: 'error', code: 'NOTE_FRONTMATTER_NOT_A_MAPPING', file, ...place(doc.contents),
      message: 'front matter must be key: value pairs',
      hint: 'Write one attribute per line, e.g. "role: tillitsvalgt".',
    });
    return { attributes, diagnostics };
  }
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const value = pair.value;
    if (key === 'id' && isScalar(value) && typeof value.value === 'number' && typeof value.source === 'string') {
      // An id is a name, kept as written (both paths): `id: 01` is "01", not the number 1, which
      // would make 01 and 1, or 007 and 7, the same informant.
      attributes[key] = value.source;
    } else if (isScalar(value) && ['string', 'number', 'boolean'].includes(typeof value.value)) {
      attributes[key] = value.value as string | number | boolean;
    } else if (isScalar(value) && value.value === null) {
      // «id:» with nothing after it is a blank id (parseNote warns and uses the file name).
      if (key === 'id') attributes[key] = '';
      continue;
    } else {
      diagnostics.push({
        severity: 'warning', code: 'NOTE_FRONTMATTER_VALUE', file, ...place(value as never),
        message: `attribute "${key}" is not a single value and is ignored`,
        hint: 'Attributes are single values: text, a number or true/false.',
      });
    }
  }
  return { attributes, diagnostics };
}

// The fast path. Nearly every note's front matter is a few `key: value` lines such as
// `id: informant-07`, `role: leder`, `structure: 3`; the yaml package spends ~150 µs on each
// (a full CST with positions), which adds up to half a second for a few thousand notes. The
// lines below are read directly only when the answer is certain to be the one the yaml core
// schema gives; anything else (quotes, comments, lists, nesting, tabs, blank lines, repeated
// keys, null/true/false, numbers that are not plain decimal integers, …) returns undefined and
// goes through the yaml package, so values and diagnostics never differ.

/** Longest key read directly; YAML limits implicit keys to 1024 characters, this stays far below. */
const MAX_SIMPLE_KEY = 64;
/** Plain decimal integers up to this many digits are exact as numbers (parseInt gives the same). */
const MAX_SIMPLE_INT_DIGITS = 15;
/** Words the core schema reads as null or a boolean when they are a key or a value. */
const SPECIAL_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * Attributes of front matter made only of `key: value` lines that the yaml core schema certainly
 * reads as string or integer values, or undefined when the yaml package has to decide.
 */
export function simpleAttributes(yamlText: string): Attributes | undefined {
  const attributes: Attributes = {};
  let at = 0;
  while (at < yamlText.length) {
    const nl = yamlText.indexOf('\n', at);
    const end = nl === -1 ? yamlText.length : nl;
    const colon = simpleKeyEnd(yamlText, at, end);
    if (colon < 0) return undefined;
    const key = yamlText.slice(at, colon);
    if (SPECIAL_WORDS.has(key) || Object.hasOwn(attributes, key)) return undefined;
    let valueStart = colon + 1;
    while (valueStart < end && yamlText.charCodeAt(valueStart) === 0x20) valueStart++;
    // `key:value` is one plain scalar, not a pair: the separator needs a space.
    if (valueStart === colon + 1) return undefined;
    const text = yamlText.slice(valueStart, end);
    const value = simpleValue(text);
    if (value === undefined) return undefined;
    attributes[key] = key === 'id' ? text : value;
    at = end + 1;
  }
  return attributes;
}

/** Offset of the `:` after a plain ASCII key that starts the line (letter, then letters, digits, _ and -), or -1. */
function simpleKeyEnd(text: string, start: number, end: number): number {
  if (!isAsciiLetter(text.charCodeAt(start))) return -1;
  const last = Math.min(end, start + MAX_SIMPLE_KEY);
  for (let i = start + 1; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return i;
    if (!(isAsciiLetter(c) || isDigit(c) || c === 0x5f || c === 0x2d)) return -1;
  }
  return -1;
}

/**
 * The value of a plain scalar made of letters, digits, single inner spaces and harmless
 * punctuation, as the core schema reads it, or undefined when it might read otherwise.
 */
function simpleValue(value: string): string | number | undefined {
  if (value.length === 0 || !isPlainValueText(value)) return undefined;
  const first = value.charCodeAt(0);
  if (!isDigit(first)) {
    // A letter first: only null, true and false (in their spellings) are not strings.
    return isAsciiLetter(first) || first >= 0x80 ? (SPECIAL_WORDS.has(value) ? undefined : value) : undefined;
  }
  if (isPlainInteger(value)) return parseInt(value, 10);
  return cannotBeNumber(value) ? value : undefined;
}

/** `0` or 1-15 digits without a leading zero: the core schema's int, exact in a double. */
function isPlainInteger(value: string): boolean {
  if (value.length > MAX_SIMPLE_INT_DIGITS || (value.length > 1 && value.charCodeAt(0) === 0x30)) return false;
  for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return false;
  return true;
}

/**
 * True when a value that starts with a digit matches none of the core schema's number forms
 * (int, 0x hex, 0o octal, float, exponent): those use only digits, a-f, x, o, `.`, `+` and `-`,
 * and `-` only as the first character, so any other character, or a `-` later on (a date
 * such as 2026-03-14), rules them out.
 */
function cannotBeNumber(value: string): boolean {
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i) | 0x20; // ASCII lower case
    const numeric = isDigit(c) || (c >= 0x61 && c <= 0x66) || c === 0x78 || c === 0x6f || c === 0x2e || c === 0x2b;
    if (!numeric) return true; // includes '-' after the first character
  }
  return false;
}

/** Safe punctuation inside a plain scalar: none starts a comment, a mapping, a quote or a flow collection here. */
const PLAIN_PUNCTUATION = new Set([...'-_./,()'].map((c) => c.charCodeAt(0)));
/** Per UTF-16 unit from 0x80: 1 when it is a letter (\p{L}), 2 when not, 0 = not yet known. */
const nonAsciiLetter = new Uint8Array(65536);
const LETTER = /^\p{L}$/u;

/** Letters, digits, safe punctuation and single spaces between them; nothing YAML could read as syntax. */
function isPlainValueText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetter(c) || isDigit(c) || PLAIN_PUNCTUATION.has(c)) continue;
      // A space only between two other characters: trailing or doubled spaces go the slow way.
      if (c === 0x20 && i + 1 < value.length && value.charCodeAt(i + 1) !== 0x20) continue;
      return false;
    }
    if (c >= 0xd800 && c <= 0xdfff) return false;
    let k = nonAsciiLetter[c]!;
    if (k === 0) nonAsciiLetter[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    if (k !== 1) return false;
  }
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
