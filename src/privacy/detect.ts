import { stopwordsFor } from '../text/stopwords.js';
import { allMatches } from '../util/regex.js';
import { nextOfAny } from '../util/next-of.js';
import { Ranges } from '../util/ranges.js';
import { ALLOWED } from './allow.js';
import { idNumberKind } from './fnr.js';
import { AMBIGUOUS, FIRST_NAMES, SURNAMES_SET } from './names.js';

export type IdentifierKind = 'fodselsnummer' | 'd-nummer' | 'phone' | 'email' | 'address' | 'name';

/** A likely personal identifier in a text. Offsets are UTF-16 code units, end exclusive. */
export interface Finding {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
}

export const KINDS: readonly IdentifierKind[] = ['fodselsnummer', 'd-nummer', 'phone', 'email', 'address', 'name'];

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/gu;
const ID_NUMBER = /(?<![\d.,/-])(\d{6})[ \u00a0-]?(\d{5})(?![\d]|[.,/-]\d)/g;
// Norwegian numbers are 8 digits, written 3-2-3, 2-2-2-2 (spaces or dashes), 4-4 or in one run;
// +47 or 0047 may lead.
const NO_PHONE = /(?<![\p{L}\p{N}+.,/-])(?:(?:\+|00)47[ \u00a0]?)?(?:\d{3}([ \u00a0-])\d{2}\1\d{3}|\d{2}([ \u00a0-])\d{2}\2\d{2}\2\d{2}|\d{4}[ \u00a0]\d{4}|\d{8})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const INTL_PHONE = /(?<![\p{L}\p{N}])(?:\+|00)[1-9]\d{0,2}(?:[ \u00a0.-]?\(?\d{1,4}\)?){2,6}(?![\p{L}\p{N}])/gu;
// British and Irish numbers as dialled at home: a trunk 0, an area or mobile code, and the number
// in one or two groups (07700 900123, 020 7946 0958, 0161 496 0754, 087 123 4567, 01 234 5678).
// The leading 0 and the groups keep years, sums and counts (2019 2020, 12 500) out.
const TRUNK_PHONE = /(?<![\p{L}\p{N}+.,/-])0\d{1,4}(?:(?:[ \u00a0-]\d{3,4}){1,2}|[ \u00a0-]\d{6})(?![\p{L}\p{N}]|[.,/:-]\d)/gu;
// North American numbers: (617) 555-0123, 617-555-0123, 617.555.0123.
const NANP_PHONE = /(?<![\p{L}\p{N}+.,/(-])(?:\([2-9]\d{2}\)[ \u00a0]?[2-9]\d{2}[-. \u00a0]|[2-9]\d{2}([-.])[2-9]\d{2}\1)\d{4}(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const PHONE_CONTEXT = /(?:tlf|tel|telefon|telefonnummer|mobil|mobilnummer|mob|ring|ringe|phone|mobile|call|sms|nr)[.:]?\s*$/i;
const STREET_SUFFIX = 'veien|vegen|vei|veg|gata|gaten|gate|stien|stig|plassen|plass|allé|alléen|alle|torget|torg|brygge|brygga|svingen|terrasse';
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}'’.-]*?(?:${STREET_SUFFIX}|gt\\.)|(?:\\p{Lu}[\\p{L}'’.-]*[ ]){1,3}(?:${STREET_SUFFIX}|gt\\.?))` +
  `[ ]\\d{1,4}(?:[ ]?[A-Za-z](?![\\p{L}\\p{N}]))?(?:,?[ ]\\d{4}[ ]\\p{Lu}[\\p{L}-]+)?(?![\\p{N}])`, 'gu');
// British, Irish and American addresses put the number first: 14 Station Road, 221B Baker Street,
// 1600 Pennsylvania Avenue, with the town and postcode after a comma or not.
const EN_STREET = 'Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Close|Way|Place|Pl|Square|Sq|Terrace|Crescent|Court|Ct|Gardens|Grove|Hill|Row|Parade|Boulevard|Blvd|Park|Mews|Walk|Green|Quay|Highway';
/** A UK postcode (LS1 4DY, SW1A 1AA) or an Irish Eircode (D02 X285, H91 E2K3: its last four hold a letter). */
const POSTCODE = '(?:[A-Z]{1,2}\\d[A-Z\\d]?[ ]\\d[A-Z]{2}|[AC-FHKNPRTV-Y]\\d{2}[ ](?=[\\dAC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[\\dAC-FHKNPRTV-Y]{4})';
const EN_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}.,/-])\\d{1,5}[A-Za-z]?[ ](?:\\p{Lu}[\\p{L}'’-]*[ ]){1,3}(?:${EN_STREET})(?![\\p{L}\\p{N}])` +
  `(?:,?[ ](?:\\p{Lu}\\p{Ll}+,?[ ])?${POSTCODE}(?![\\p{L}\\p{N}]))?`, 'gu');
const POSTCODE_ALONE = new RegExp(`(?<![\\p{L}\\p{N}])${POSTCODE}(?![\\p{L}\\p{N}])`, 'gu');
const AT = /@/g;
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}-]*(?![\p{L}\p{N}])/gu;
const STREET_NUMBER = new RegExp(`(?:${STREET_SUFFIX}|gt\\.?)[ ]\\d`);
/**
 * A capitalised word (Kari, Anne-Lise) or one in capitals (KARI, ANNE-LISE); see capitalisedWords.
 * Irish and Scottish surnames carry a capital inside: O'Brien, O’Connor (either apostrophe),
 * McDonald, MacLeod; without their prefix the rest was glued to a letter or an apostrophe and
 * made no name at all.
 */
export const CAP_WORD = /(?:(?:\p{Lu}['’]|Ma?c)(?=\p{Lu}\p{Ll}))?\p{Lu}(?:\p{Ll}+(?:-\p{Lu}\p{Ll}+)*|\p{Lu}+(?:-\p{Lu}{2,})*)/gu;
/** Endings of Norwegian common nouns and job titles, which surnames hardly ever have. */
const COMMON_ENDING = /(?:sjon|het|else|skap|ment|tiltak|analyse|plan|prosess|modell|verktøy|kompetanse|ledelse|arbeid|utvikling|ering|ing|ning|mål|møte|sak|dato|rapport|program|prosjekt|strategi|system|direktør|leder|sjef|koordinator|rådgiver|konsulent|professor|utvalget|administrasjonen|seminar|konferansen|fortegnelse)$/;
/** A capital after O' or O’, Mc or Mac, then a lower-case letter. */
const GAELIC_SURNAME = /^(?:\p{Lu}['’]|Ma?c)\p{Lu}\p{Ll}/u;

/** Endings of English abstract and plural nouns (Relations, Partnership, Wellness, Sociology), not of names. */
const EN_COMMON_ENDING = /.{3,}(?:tion|sion|ness|ship|ology|ism|ices|urces|ities)$/;
const NO_STOP = stopwordsFor('nb');
const EN_STOP = stopwordsFor('en');

/** A project's own word lists: names that must always be found, and phrases that are never names. */
export interface NameLists {
  known: readonly string[];
  notNames: readonly string[];
}

/**
 * The name lists for one document: a subtitle file's voices are names wherever they stand (the
 * label «ola.hansen:», the text «som ola.hansen sa»), as if listed in --names. The same lists
 * object for a document without voices, so compiled patterns are shared.
 */
export function listsFor(document: { voices?: readonly string[] }, lists?: NameLists): NameLists | undefined {
  if (!document.voices?.length) return lists;
  return { known: [...(lists?.known ?? []), ...document.voices], notNames: lists?.notNames ?? [] };
}

/** Every likely personal identifier in `text`, in text order, without overlaps. Pure. */
export function findIdentifiers(text: string, lists?: NameLists): Finding[] {
  const found: Finding[] = [];
  const taken = new Ranges(text.length);
  const add = (kind: IdentifierKind, start: number, end: number): boolean => {
    if (end <= start || taken.overlaps(start, end)) return false;
    found.push({ kind, start, end, text: text.slice(start, end) });
    taken.add(start, end);
    return true;
  };
  // Each cheap check below skips patterns that cannot match: an e-mail needs an @, and every
  // number pattern (identity numbers, phones, street numbers) needs an ASCII digit, which most
  // lines of interview notes lack.
  if (text.includes('@')) for (const [start, end] of around(text, AT, EMAIL)) add('email', start, end);
  // And each number pattern runs only on the lines whose digits it can match (see digitShape).
  const numbered = linesWithDigits(text);
  for (const line of numbered) {
    if (!NEEDS.idNumber(line.shape)) continue;
    for (const m of allMatches(ID_NUMBER, line.text)) {
      const kind = idNumberKind(m[1]! + m[2]!);
      const at = line.start + m.index;
      if (kind) add(kind, at, at + m[0].length);
    }
  }
  for (const line of numbered) {
    if (!NEEDS.noPhone(line.shape)) continue;
    for (const m of allMatches(NO_PHONE, line.text)) {
      const at = line.start + m.index;
      const digits = m[0].replace(/\D/g, '').replace(/^(?:00)?47(?=\d{8}$)/, '');
      const plain = /^\d{8}$/.test(m[0]);
      // A bare 8-digit run or two groups of four (also years: "2013 2025") is a phone number only
      // if it looks like a mobile or is labelled as one.
      if (!/^[2-9]/.test(digits)) continue;
      const pairs = /^\d{4}[ \u00a0]\d{4}$/.test(m[0]);
      if (pairs && /^(?:19|20)\d\d[ \u00a0](?:19|20)\d\d$/.test(m[0])) continue;
      // The label may stand on the line before, so it is looked for in the whole text.
      if ((plain || pairs) && !/^[49]/.test(digits) && !PHONE_CONTEXT.test(text.slice(Math.max(0, at - 20), at))) continue;
      add('phone', at, at + m[0].length);
    }
  }
  for (const line of numbered) {
    if (NEEDS.trunkPhone(line.shape)) {
      for (const m of allMatches(TRUNK_PHONE, line.text)) {
        const digits = m[0].replace(/\D/g, '').length;
        if (digits >= 9 && digits <= 11) add('phone', line.start + m.index, line.start + m.index + m[0].length);
      }
    }
    if (NEEDS.nanpPhone(line.shape)) for (const m of allMatches(NANP_PHONE, line.text)) add('phone', line.start + m.index, line.start + m.index + m[0].length);
  }
  for (const line of numbered) {
    if (!NEEDS.intlPhone(line.shape)) continue;
    for (const m of allMatches(INTL_PHONE, line.text)) {
      const at = line.start + m.index;
      const digits = m[0].replace(/\D/g, '').length;
      if (digits >= 8 && digits <= 15) add('phone', at, at + m[0].trimEnd().length);
    }
  }
  // An address needs a street word and a number (STREET_NUMBER) in its line; the full pattern is
  // slow, so it runs only on those lines.
  for (const line of numbered) {
    if (!NEEDS.streetNumber(line.shape) || !STREET_NUMBER.test(line.text)) continue;
    for (const m of allMatches(ADDRESS, line.text)) add('address', line.start + m.index, line.start + m.index + m[0].length);
  }
  for (const line of numbered) {
    if (NEEDS.enAddress(line.shape)) for (const m of allMatches(EN_ADDRESS, line.text)) add('address', line.start + m.index, line.start + m.index + m[0].length);
    if (NEEDS.postcode(line.shape)) for (const m of allMatches(POSTCODE_ALONE, line.text)) add('address', line.start + m.index, line.start + m.index + m[0].length);
  }
  if (lists) for (const [start, end] of occurrences(text, lists.known)) add('name', start, end);
  const shielded = new Ranges(text.length);
  if (lists) for (const [start, end] of occurrences(text, lists.notNames)) shielded.add(start, end);
  const full: string[] = [];
  for (const [start, end] of names(text)) {
    if (shielded.overlaps(start, end)) continue;
    // A run inside an address (14 Station Road) is no name, and its parts are nobody's.
    if (add('name', start, end) && /\s/.test(text.slice(start, end))) full.push(text.slice(start, end));
  }
  // A part of a full name found in this note is a name wherever else the note writes it alone:
  // "Sigrid Hålien sa … Hålien var enig", "Priya Patel … Later Patel agreed". Alone, an unknown
  // surname is not a name by the rules.
  for (const [start, end] of partsAlone(text, full)) {
    if (!shielded.overlaps(start, end)) add('name', start, end);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Whole-word occurrences (also with a genitive s) of the parts of full names that the rules alone
 * would not take for names. The surname of a name with a listed first name counts anywhere
 * («Sigrid Hålien» … «Hålien var enig»). The parts of a name of unknown words only ("Priya Patel",
 * but also "Frivillig Sentral") count only in the middle of a sentence, where the capital says
 * something: "Later Patel agreed", "we asked Priya", not «Frivillig innsats er viktig».
 */
function partsAlone(text: string, full: readonly string[]): Array<[number, number]> {
  if (full.length === 0) return [];
  const parts = new Map<string, boolean>();
  const usable = (w: string) => w.length >= 3 && roleOf(w) !== 'allow' && listedRole(w.toLowerCase()) !== 'weak';
  for (const name of full) {
    const words = name.split(/\s+/);
    const last = words[words.length - 1]!;
    const firstName = words.slice(0, -1).some((w) => listedRole(w.toLowerCase()) !== undefined);
    if (firstName) {
      if (usable(last)) parts.set(last, true);
    } else {
      for (const w of words) if (usable(w) && !parts.has(w)) parts.set(w, false);
    }
  }
  if (parts.size === 0) return [];
  // One pass over the note for all the parts, longest first.
  const alternatives = [...parts.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}@._'’])(${alternatives.join('|')})s?(?![\\p{L}\\p{N}@])`, 'gu'))) {
    if (parts.get(m[1]!) || !sentenceInitial(text, m.index)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/**
 * Matches of `full` only in the lines where the cheap `anchor` occurs: the full pattern is slow
 * to try at every position of a long text, and an e-mail needs an @.
 */
function around(text: string, anchor: RegExp, full: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let doneUntil = -1;
  for (const a of allMatches(anchor, text)) {
    if (a.index < doneUntil) continue;
    const lineStart = text.lastIndexOf('\n', a.index) + 1;
    const nl = text.indexOf('\n', a.index);
    const lineEnd = nl === -1 ? text.length : nl;
    for (const m of allMatches(full, text.slice(lineStart, lineEnd))) out.push([lineStart + m.index, lineStart + m.index + m[0].length]);
    doneUntil = lineEnd;
  }
  return out;
}

interface Line {
  start: number;
  text: string;
  shape: DigitShape;
}

/** What the digits of a line look like: enough to tell which number patterns cannot match in it. */
export interface DigitShape {
  /** The longest run of ASCII digits. */
  longestRun: number;
  /** A + anywhere (an international number may start with one). */
  plus: boolean;
  /** A space then a digit, after a unit a street word ends with (Storgata 5, Kirkeveien 12, gt. 3). */
  streetNumber: boolean;
  /** A digit then a space, or one ASCII letter and a space (14 Station Road, 221B Baker Street). */
  numberFirst: boolean;
  /** A capital A–Z right before a digit (LS1 4DY, D02 X285). */
  capitalDigit: boolean;
}

/**
 * What each number pattern needs in a line to match in it at all. Most lines with a digit hold
 * a lone number (a year, a count, «Del 2»), where no identity number, phone or address fits;
 * telling that from the line's digits (digitShape, one pass over the line) spares trying each
 * pattern on it. Each test holds wherever its pattern matches: ID_NUMBER has six digits in a
 * row; NO_PHONE two (22 33 44 55); TRUNK_PHONE three; NANP_PHONE four; INTL_PHONE a + or 00 and a digit;
 * STREET_NUMBER a street word, a space and a digit; EN_ADDRESS a number, maybe a letter, and a
 * space; POSTCODE_ALONE a capital and a digit.
 */
const NEEDS = {
  idNumber: (s: DigitShape) => s.longestRun >= 6,
  noPhone: (s: DigitShape) => s.longestRun >= 2,
  trunkPhone: (s: DigitShape) => s.longestRun >= 3,
  nanpPhone: (s: DigitShape) => s.longestRun >= 4,
  intlPhone: (s: DigitShape) => s.plus || s.longestRun >= 3,
  streetNumber: (s: DigitShape) => s.streetNumber,
  enAddress: (s: DigitShape) => s.numberFirst,
  postcode: (s: DigitShape) => s.capitalDigit,
};

/** Each number pattern with what it needs in a line (NEEDS), for the tests that hold them to it. */
export const NUMBER_PATTERN_NEEDS: ReadonlyMap<RegExp, (shape: DigitShape) => boolean> = new Map([
  [ID_NUMBER, NEEDS.idNumber],
  [NO_PHONE, NEEDS.noPhone],
  [TRUNK_PHONE, NEEDS.trunkPhone],
  [NANP_PHONE, NEEDS.nanpPhone],
  [INTL_PHONE, NEEDS.intlPhone],
  [STREET_NUMBER, NEEDS.streetNumber],
  [EN_ADDRESS, NEEDS.enAddress],
  [POSTCODE_ALONE, NEEDS.postcode],
]);

const SPACE = 0x20;
/** The last unit of each street word of STREET_NUMBER: veien, gata, gate, allé, gt, gt. ... */
const STREET_ENDS = new Set([...STREET_SUFFIX.split('|'), 'gt', 'gt.'].map((w) => w.charCodeAt(w.length - 1)));

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The shape of a line's digits (see DigitShape), in one pass over its units. */
export function digitShape(line: string): DigitShape {
  const shape: DigitShape = { longestRun: 0, plus: false, streetNumber: false, numberFirst: false, capitalDigit: false };
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isAsciiDigit(c)) {
      run = 0;
      if (c === 0x2b) shape.plus = true;
      continue;
    }
    if (++run > shape.longestRun) shape.longestRun = run;
    // charCodeAt gives NaN before the start and past the end, which no test below accepts.
    const before = line.charCodeAt(i - 1);
    if (before === SPACE && STREET_ENDS.has(line.charCodeAt(i - 2))) shape.streetNumber = true;
    if (before >= 0x41 && before <= 0x5a) shape.capitalDigit = true;
    const after = line.charCodeAt(i + 1);
    if (after === SPACE || (isAsciiLetter(after) && line.charCodeAt(i + 2) === SPACE)) shape.numberFirst = true;
  }
  return shape;
}

/**
 * The lines (between \n) that hold an ASCII digit, in text order. The number patterns neither
 * match nor look across a line break, and see a line break before or after a match the same
 * as the edge of a slice, so matching them in these lines alone finds exactly what matching the
 * whole text finds, and none of them can match without a digit.
 */
function linesWithDigits(text: string): Line[] {
  const lines: Line[] = [];
  const nextDigit = digitFinder(text);
  for (let d = nextDigit(0); d !== -1; ) {
    const start = text.lastIndexOf('\n', d) + 1;
    const nl = text.indexOf('\n', d);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end);
    lines.push({ start, text: line, shape: digitShape(line) });
    d = nextDigit(end);
  }
  return lines;
}

/**
 * A function giving the place of the first ASCII digit at or after `from` in `text`, or -1, for
 * `from`s asked in text order (see nextOfAny). Interview notes have few digits, far apart, and a
 * regular expression for [0-9] tried every place of a long note in turn: this is some four times faster.
 */
export function digitFinder(text: string): (from: number) => number {
  return nextOfAny(text, '0123456789');
}

/** Whole-word occurrences of each phrase, longest phrases first. */
function occurrences(text: string, phrases: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const pattern of phrasePatterns(phrases)) for (const m of text.matchAll(pattern)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Compiled once per list (a run passes the same lists for every note), not once per note. */
const compiledPhrases = new WeakMap<readonly string[], RegExp[]>();

/** A pattern per phrase, longest phrases first. */
function phrasePatterns(phrases: readonly string[]): RegExp[] {
  let patterns = compiledPhrases.get(phrases);
  if (patterns) return patterns;
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '[ \\t\\u00a0]+');
  patterns = [];
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    if (phrase === '') continue;
    // In any case: a name list says "Torunn Bekkelund", a note may say TORUNN BEKKELUND or
    // kvalheim. But a one-word entry that is also an ordinary word (Per, Liv, Dag, Berg) only as
    // written or in capitals: «en gang per uke» is no name.
    const ordinary = !/\s/.test(phrase.trim()) && roleOf(phrase.trim()) !== 'cap' && listedRole(phrase.trim().toLowerCase()) !== 'name';
    const pattern = ordinary ? `(?:${escape(phrase)}|${escape(phrase.toUpperCase())})` : escape(phrase);
    patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}s?(?![\\p{L}\\p{N}])`, ordinary ? 'gu' : 'giu'));
  }
  compiledPhrases.set(phrases, patterns);
  return patterns;
}

/** Read a names file: one name per line; `!` before a phrase that is never a name; `#` comments. */
export function parseNameLists(text: string): NameLists {
  const known: string[] = [];
  const notNames: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('!')) {
      if (line.slice(1).trim()) notNames.push(line.slice(1).trim());
    } else known.push(line);
  }
  return { known, notNames };
}

type Role = 'name' | 'weak' | 'cap' | 'allow';

interface Span {
  start: number;
  end: number;
}

interface Word extends Span {
  role: Role;
}

/**
 * Every form listed() accepts: each listed first name and surname, and its genitive with s when
 * that is longer than three letters ("Karis", not "Ols"), as the part's own s is dropped only then.
 * One set, so that a word is looked up once, not up to four times with a copy made for the last two.
 */
const LISTED_FORMS: ReadonlySet<string> = new Set([...FIRST_NAMES, ...SURNAMES_SET].flatMap((n) => (n.length + 1 > 3 ? [n, `${n}s`] : [n])));
/** No listed form is longer: a longer word (most words are) is not looked up at all. */
const LONGEST_LISTED_FORM = Math.max(...[...LISTED_FORMS].map((f) => f.length));

/** A name, or a name with a genitive s ("Karis"). */
export function listed(part: string): boolean {
  return part.length <= LONGEST_LISTED_FORM && LISTED_FORMS.has(part);
}

/** 'name' or 'weak' (also an ordinary word) when every part of a lower-cased word is a listed name. */
export function listedRole(lower: string): 'name' | 'weak' | undefined {
  if (!(lower.includes('-') ? lower.split('-').every(listed) : listed(lower))) return undefined;
  // The genitive of a name that is also a word is as much a word: Marks, Pers.
  const base = lower.length > 3 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
  const weak = !lower.includes('-') && (AMBIGUOUS.has(lower) || AMBIGUOUS.has(base) || ALLOWED.has(lower) || NO_STOP.has(lower) || EN_STOP.has(lower));
  return weak ? 'weak' : 'name';
}

/**
 * listedRole of a word as written. A word longer than any listed form and without a hyphen (whose
 * parts are looked up one by one) has none, and is not lower-cased to find out: lower-casing never
 * makes a word shorter, nor puts a hyphen in it.
 */
export function listedRoleOf(word: string): 'name' | 'weak' | undefined {
  if (word.length > LONGEST_LISTED_FORM && !word.includes('-')) return undefined;
  return listedRole(word.toLowerCase());
}

function roleOf(word: string): Role {
  const lower = word.toLowerCase();
  const named = listedRole(lower);
  if (named) return named;
  const base = lower.length > 3 && lower.endsWith('s') ? lower.slice(0, -1) : lower;
  if (ALLOWED.has(lower) || NO_STOP.has(lower) || EN_STOP.has(lower) || ALLOWED.has(base)) return 'allow';
  // O'Brien, O’Dwyer, McAllister, MacInnes: the shape of an Irish or Scottish surname, never of a word.
  if (GAELIC_SURNAME.test(word)) return 'name';
  if (COMMON_ENDING.test(lower) || EN_COMMON_ENDING.test(lower)) return 'allow';
  return 'cap';
}

const LETTER = 1;
const NUMBER = 2;
const KNOWN = 4;
/** A capital letter, \p{Lu} (see capitalAt). */
const CAPITAL = 8;
/**
 * \p{L} / \p{N} class of each UTF-16 unit, and whether it is a capital, filled on first sight.
 * The unit is classed on its own, as the old per-character `/[\p{L}\p{N}]/u.test(text[i])` did:
 * half of a surrogate pair is neither a letter nor a number.
 */
const unitClasses = new Uint8Array(65536);
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const IS_CAPITAL = /^\p{Lu}$/u;

function unitClass(c: number): number {
  let k = unitClasses[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN | (IS_LETTER.test(ch) ? LETTER : 0) | (IS_NUMBER.test(ch) ? NUMBER : 0) | (IS_CAPITAL.test(ch) ? CAPITAL : 0);
    unitClasses[c] = k;
  }
  return k;
}

const AT_SIGN = 0x40;
const FULL_STOP = 0x2e;
const LOW_LINE = 0x5f;

/**
 * A capitalised word at `at` is part of a longer token (iPhone, ola.Hansen, ola_Hansen, e-post
 * addresses) when the unit before it joins it. A `_` joins only inside a token: at the start of
 * one it is Markdown's emphasis (_Reidun Skarsbakken_).
 */
function joinsBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c === LOW_LINE) return at >= 2 && (unitClass(text.charCodeAt(at - 2)) & (LETTER | NUMBER)) !== 0;
  return (unitClass(c) & (LETTER | NUMBER)) !== 0 || c === AT_SIGN || c === FULL_STOP;
}

/** A capitalised word followed by this unit is part of a longer token. */
function joinsAfter(c: number): boolean {
  return (unitClass(c) & (LETTER | NUMBER)) !== 0 || c === AT_SIGN;
}

/** Two words stand together in a run when they touch as the parts of a name do (see touching). */
function adjacent(text: string, a: Span, b: Span): boolean {
  return touching(text, a.end, b.start);
}

/** Longest gap between two words of one name: two spaces, or a line break with one blank beside it. */
const MAX_GAP = 2;

/**
 * Whether a word that starts at `start` follows one that ends at `end` as the parts of a name do:
 * one or two spaces (or no-break spaces) on one line, or blanks around one line break
 * («Reidun» at the end of a line and «Skarsbakken» at the start of the next). A blank line ends
 * a paragraph, and a name with it.
 */
function touching(text: string, end: number, start: number): boolean {
  if (start <= end || start - end > MAX_GAP) return false;
  let breaks = 0;
  let tabs = 0;
  for (let i = end; i < start; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (++breaks > 1) return false;
    } else if (c === 0x09) tabs++;
    else if (c !== 0x20 && c !== 0xa0) return false;
  }
  // On one line, one space or two (MAX_GAP): a wider gap or a tab separates the cells of a
  // table, not the parts of a name.
  if (breaks === 0) return tabs === 0;
  // Across a line break, only as prose is wrapped: at most one blank beside the break, and
  // neither word alone on its line (a list of one item a line, a column of a table).
  return !aloneOnLine(text, end, start);
}

/** Whether the word ending at `end` starts its line, or the word starting at `start` ends its line. */
function aloneOnLine(text: string, end: number, start: number): boolean {
  let i = end - 1;
  while (i >= 0 && text.charCodeAt(i) !== 0x0a && !isBlankUnit(text.charCodeAt(i))) i--;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i--;
  const firstOnLine = i < 0 || text.charCodeAt(i) === 0x0a;
  let j = start;
  while (j < text.length && text.charCodeAt(j) !== 0x0a && !isBlankUnit(text.charCodeAt(j))) j++;
  while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  const lastOnLine = j >= text.length || text.charCodeAt(j) === 0x0a;
  return firstOnLine || lastOnLine;
}

const SENTENCE_MARKS = '.!?:;«»"“”(*#>•–—-…';

/** Where a sentence starts, a capital letter says nothing. */
function sentenceInitial(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u00a0')) i--;
  if (i < 0 || text[i] === '\n') return true;
  const c = text.charCodeAt(i);
  return SENTENCE_MARKS.includes(text[i]!) || (c >= 0x30 && c <= 0x39);
}

function inHeading(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*#/.test(text.slice(lineStart, lineStart + 8));
}

/** CAP_WORD, tried at one place (see capWordMatches). */
const CAP_WORD_AT = new RegExp(CAP_WORD.source, 'uy');
/**
 * The units a match of CAP_WORD can start with, which is a capital: A–Z, the capitals of
 * Latin-1 (À–Þ but ×), and every unit past Latin-1 (where capitals and other letters mix, and
 * a capital outside the BMP starts with a lead surrogate).
 */
const CAP_WORD_START = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\uffff]/g;
/** A unit past Latin-1: V8 then keeps the text two bytes a unit. */
const BEYOND_LATIN1 = /[^\x00-\xff]/;
const CAPITAL_START = /^\p{Lu}/u;

/**
 * Every match of CAP_WORD in `text`, as allMatches(CAP_WORD, text) gives them. In a text of
 * Latin-1 units V8 runs CAP_WORD fast, but in one with a unit past Latin-1 (’, –, “, an emoji,
 * as many notes have) each \p{Lu} is looked up in Unicode's tables at every place, about
 * fourteen times slower. There the places where a match can start are found with a plain class
 * of units (CAP_WORD_START), and CAP_WORD is tried only at those that hold a capital: about
 * five times faster. (The test for such a unit costs nothing on a Latin-1 text: V8 knows it
 * cannot match there.)
 */
export function capWordMatches(text: string): RegExpExecArray[] {
  if (!BEYOND_LATIN1.test(text)) return allMatches(CAP_WORD, text);
  const out: RegExpExecArray[] = [];
  CAP_WORD_START.lastIndex = 0;
  for (let s = CAP_WORD_START.exec(text); s !== null; s = CAP_WORD_START.exec(text)) {
    if (!capitalAt(text, s.index)) continue;
    CAP_WORD_AT.lastIndex = s.index;
    const m = CAP_WORD_AT.exec(text);
    if (m === null) continue;
    out.push(m);
    CAP_WORD_START.lastIndex = s.index + m[0].length;
  }
  CAP_WORD_START.lastIndex = 0;
  return out;
}

/** Whether the character at `at`, a unit of CAP_WORD_START, is a capital (\p{Lu}). */
function capitalAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x100) return true;
  if ((c & 0xfc00) === 0xd800) return CAPITAL_START.test(text.slice(at, at + 2));
  return (unitClass(c) & CAPITAL) !== 0;
}

/**
 * The capitalised words of a text that stand alone (not inside a longer token), with their roles.
 * A word with no capitalised neighbour is a name only if it is listed, so for such a word only
 * that is checked, and an unlisted one is left out: on its own it makes no name, and no other
 * word stands next to it. That spares most sentence-initial words the full roleOf and an object.
 */
function capitalisedWords(text: string): Word[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  for (const m of capWordMatches(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && joinsBefore(text, start)) continue;
    if (end < text.length && joinsAfter(text.charCodeAt(end))) continue;
    starts.push(start);
    ends.push(end);
    texts.push(m[0]);
  }
  const words: Word[] = [];
  const n = starts.length;
  for (let i = 0; i < n; i++) {
    const word = texts[i]!;
    let role: Role | undefined;
    if (word.length > 1 && isUpper(word.charCodeAt(1))) {
      // In capitals (KARI NORDMANN) only a listed name, not one that is also a word (PER, LIV),
      // and only beside another word in capitals: alone, capitals are mostly acronyms (NAV, KS,
      // NINA, ODA) and shouted headings.
      const capsAt = (j: number) => j >= 0 && j < n && texts[j]!.length > 1 && isUpper(texts[j]!.charCodeAt(1));
      const inCapsRun = (capsAt(i - 1) && touching(text, ends[i - 1]!, starts[i]!)) || (capsAt(i + 1) && touching(text, ends[i]!, starts[i + 1]!));
      role = inCapsRun && listedRole(word.toLowerCase()) === 'name' ? 'name' : undefined;
    } else {
      const alone = !(i > 0 && touching(text, ends[i - 1]!, starts[i]!)) && !(i + 1 < n && touching(text, ends[i]!, starts[i + 1]!));
      role = alone ? listedRoleOf(word) ?? aloneRole(text, starts[i]!, word) : roleOf(word);
    }
    if (role !== undefined) words.push({ start: starts[i]!, end: ends[i]!, role });
  }
  return words;
}

/**
 * A capitalised word that also occurs in lower case in the same text is an ordinary word
 * (a heading, a table cell, a sentence start), not a surname nobody writes in lower case: such
 * unknown ('cap') words become 'allow'. Only words in a run of two or more are looked up, since a
 * lone unknown word is no name whether it is 'cap' or 'allow'; most texts have none, and then the
 * text is not scanned for lower-case words at all.
 */
function demoteCommonWords(text: string, words: Word[]): void {
  const wanted = new Map<string, Word[]>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.role !== 'cap') continue;
    const inRun = (i > 0 && adjacent(text, words[i - 1]!, w)) || (i + 1 < words.length && adjacent(text, w, words[i + 1]!));
    if (!inRun) continue;
    const key = text.slice(w.start, w.end).toLowerCase();
    const same = wanted.get(key);
    if (same) same.push(w);
    else wanted.set(key, [w]);
  }
  if (wanted.size === 0) return;
  for (const m of allMatches(LOWER_WORD, text)) {
    const same = wanted.get(m[0]);
    if (!same) continue;
    // An e-mail address or a web address is written in lower case whatever it holds:
    // reidun.skarsbakken@kommune.no says nothing about the name Skarsbakken.
    if (inAddressToken(text, m.index, m.index + m[0].length)) continue;
    for (const w of same) w.role = 'allow';
    wanted.delete(m[0]);
    if (wanted.size === 0) return;
  }
}

/** Whether the blank-delimited token around [start, end) is an e-mail or web address. */
function inAddressToken(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !isBlankUnit(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isBlankUnit(text.charCodeAt(to))) to++;
  return /@|:\/\/|www\.|\.\p{L}{2,}/u.test(text.slice(from, to));
}

function isBlankUnit(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0;
}

function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * Person names: runs of capitalised words joined by single spaces, split at allowed words. A run
 * is a name when it holds a listed name (alone only if unambiguous, or mid-sentence), or when two
 * or more unknown capitalised words stand together outside a heading.
 */
function names(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const words = capitalisedWords(text);
  demoteCommonWords(text, words);
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j + 1 < words.length && adjacent(text, words[j]!, words[j + 1]!)) j++;
    const run = words.slice(i, j + 1);
    let k = 0;
    while (k < run.length) {
      if (run[k]!.role === 'allow') {
        k++;
        continue;
      }
      let e = k;
      while (e + 1 < run.length && run[e + 1]!.role !== 'allow') e++;
      const span = run.slice(k, e + 1);
      if (isName(text, span)) out.push([span[0]!.start, span[span.length - 1]!.end]);
      k = e + 1;
    }
    i = j + 1;
  }
  return out;
}

function isName(text: string, span: Word[]): boolean {
  const strong = span.filter((w) => w.role === 'name').length;
  const weak = span.filter((w) => w.role === 'weak').length;
  const first = span[0]!;
  if (span.length === 1) {
    // A given name that names a place or a thing: Angus Council, Victoria station, St Mary's, the Bill.
    if (strong + weak === 1 && (beforePlaceWord(text, first.end) || afterSaint(text, first.start) || afterThe(text, first.start))) return false;
    return strong === 1 || (weak === 1 && (!sentenceInitial(text, first.start) || saysNext(text, first.start, first.end)))
      || (first.role === 'cap' && afterTitle(text, first.start));
  }
  if (strong + weak > 0) return true;
  // Unknown words only: two or three together, as names are; longer runs are titles and tables.
  // After "the" they name an office or an organisation: the Red Cross, the Town Hall.
  return span.length <= 3 && !inHeading(text, first.start) && !afterThe(text, first.start);
}

/**
 * A verb of saying or thinking right after the word, as after the subject of a sentence: «Mark
 * said that …», "Jo told me", «Per sa at …». A name that is also a word (Mark, Jo, Per, Hope) at
 * the start of a sentence counts then, where the word could not stand: "mark" as a verb or noun
 * has no "said" after it, nor the particle «jo» («Jo, sa han» has a comma; «Jo sa han det» a
 * pronoun after the verb, which is what makes «jo» the first word rather than the subject).
 * Not after "Even", which starts English sentences as an adverb ("Even said aloud, …").
 */
const SAYS_EN = /^[ \u00a0](?:said|says|told|tells|asked|asks|thinks|thought|felt|feels|explained|explains|mentioned|mentions|replied|replies|answered|added|agreed|wrote|writes|suggested|suggests|believes|believed|recalled|described|claimed|argued)\b/u;
const SAYS_NO = /^[ \u00a0](?:sa|sier|mente|mener|fortalte|forteller|spurte|spør|syntes|synes|tenkte|tenker|svarte|svarer|skrev|skriver|forklarte|forklarer|meinte|meiner|fortalde|seier|spurde|svara|tykte|tykkjer)(?![\p{L}\p{N}])(?![ \u00a0]+(?:han|hun|ho|jeg|eg|vi|me|de|dei|du|dere|det|den)(?![\p{L}\p{N}]))/u;

function saysNext(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 30);
  if (SAYS_NO.test(after)) return true;
  return SAYS_EN.test(after) && text.slice(start, end).toLowerCase() !== 'even';
}

/** Whether the word before `at`, in the same line, is the English article "the". */
function afterThe(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 5), at);
  return /(?:^|[^\p{L}\p{N}])[Tt]he[ \t]+$/u.test(before);
}

/**
 * English words that make the name before them a place, a body or a thing: Angus Council,
 * Victoria station, Heather ward, Mark Lane, Daisy chain, Grace period.
 */
const PLACE_WORD_AFTER = /^[ \u00a0]+(?:Council|County|Borough|[Ss]tation|[Ww]ard|Street|Road|Avenue|Lane|Square|Park|Church|School|Hospital|College|University|House|Centre|Center|Hall|chain|period|service|[Tt]eam)\b/u;

function beforePlaceWord(text: string, end: number): boolean {
  return PLACE_WORD_AFTER.test(text.slice(end, end + 14));
}

/** Whether "St" or "Saint" stands right before `at`: St Mary's, Saint Patrick. */
function afterSaint(text: string, at: number): boolean {
  return /(?:^|[^\p{L}\p{N}])(?:St|Saint)\.?[ \u00a0]+$/u.test(text.slice(Math.max(0, at - 8), at));
}

/** A courtesy or office title, with or without a full stop, right before a surname: Dr. Patel, Mr Khan, Cllr Doe. */
const TITLE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Cllr|Councillor|Sir|Dame|Rev)\.?[ \u00a0]+$/u;

/** Whether a title stands right before `at`: then a single unknown capitalised word is a surname. */
function afterTitle(text: string, at: number): boolean {
  return TITLE_BEFORE.test(text.slice(Math.max(0, at - 13), at));
}

/**
 * The role of an unlisted word with no capitalised neighbour: 'name' for the shape of a Gaelic
 * surname (O'Shea), 'cap' after a title ("Dr. Patel", a name by itself in isName), else none.
 */
function aloneRole(text: string, at: number, word: string): Role | undefined {
  if (!GAELIC_SURNAME.test(word) && !afterTitle(text, at)) return undefined;
  const role = roleOf(word);
  return role === 'name' || role === 'cap' ? role : undefined;
}
