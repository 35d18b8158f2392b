import type { CodeUnit, Segment, SpeakerRole } from '../model.js';
import { sentenceRanges } from './sentences.js';
import { nextOfAny } from '../util/next-of.js';

export interface SpeakerLabels {
  interviewer: readonly string[];
  informant: readonly string[];
}

/** Labels in bokmål, nynorsk and English, with the short forms transcribers use (Int:, Inf:). */
export const DEFAULT_SPEAKERS: SpeakerLabels = {
  // Moderator and Fasilitator lead focus groups; INT/RESP is a common pair in transcripts.
  interviewer: ['I', 'Int', 'Intervjuer', 'Intervjuar', 'Interviewer', 'Q', 'Spørsmål', 'Moderator', 'Fasilitator', 'Facilitator'],
  informant: ['R', 'Inf', 'Informant', 'Respondent', 'Resp', 'Deltaker', 'Deltakar', 'Participant', 'A', 'Svar', 'IP'],
};

export interface SegmentOptions {
  unit: CodeUnit;
  speakers: SpeakerLabels;
  includeInterviewer: boolean;
  /**
   * Keep the targets of Markdown links and images in the text. Coding, counting and quoting blank
   * them (no one said them); finding identifiers must read them (`[e-post](mailto:kari@nav.no)`),
   * and a pseudonymised copy must keep them.
   */
  keepLinks?: boolean;
  /**
   * Read a note whose front matter cannot be read (bad YAML, never closed, not key: value pairs)
   * as text without attributes, its errors still reported. Coding leaves such a note out (its id
   * and role are unknown); finding identifiers must search it all the same: the text is readable.
   */
  readBadFrontMatter?: boolean;
}

/** A paragraph or list item, before it is cut into the chosen unit. */
interface Block {
  line: number;
  start: number;
  end: number;
  speaker?: string;
  role: SpeakerRole;
  headings: string[];
  /** Blocks of one speaker turn share a turn number; blocks outside labelled turns get their own. */
  turn: number;
}

/**
 * A question of at most three words that goes on from the one before it: «Og penger?», «Eller
 * kurs?», "And money?", "Or training?" (an answer after it answers both; see questionsAnswered).
 */
const FOLLOW_UP = /^(?:og|eller|samt|and|or)(?:\s+[^\s?]+){0,2}\s*\?$/iu;

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
export const BULLET = /^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+/;

/** A pattern compiled once per set of labels (a run passes the same object for every note), not once per note. */
function perLabels(compile: (speakers: SpeakerLabels) => RegExp): (speakers: SpeakerLabels) => RegExp {
  const compiled = new WeakMap<SpeakerLabels, RegExp>();
  return (speakers) => {
    let pattern = compiled.get(speakers);
    if (!pattern) compiled.set(speakers, (pattern = compile(speakers)));
    return pattern;
  };
}

export const speakerPattern = perLabels(compileSpeakerPattern);

/** A time stamp from a recording, as transcripts carry them: 3:12, 00:03:12, 00:03:12.5. */
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
/**
 * A blank in a speaker line: a space or tab, and what copying from Teams, Outlook or a PDF puts
 * there instead: no-break spaces, zero-width spaces and joiners, a byte order mark mid-file
 * («R\u00a0:», «\u200bR:»). Before, such a line was no speaker line, and the answer under it
 * went to the interviewer's turn before it, uncoded.
 */
const BLANK = String.raw`[\t \u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]`;
/** A time stamp before a speaker line's label, maybe with a dash after it: `[00:04:01] `, `00:04:01 – `. */
const TIME_BEFORE = String.raw`(?:[[(]?${TIME}[\])]?${BLANK}+(?:[-–]${BLANK}+)?)?`;
/** Markdown emphasis around a label or its colon: **I:**, *I*:, __R__:. */
const EMPHASIS = String.raw`(?:\*\*|__|\*|_)?`;

/**
 * A speaker label, maybe numbered (`Informant 3`, `R1`): group 1 as written, group 2 the label it
 * matched. `glued`: a number only right after the label (`R1`, not `I 2`, which in «I 2 – 3 år»
 * is Norwegian for «in»).
 */
function labelGroups(speakers: SpeakerLabels, glued = false): string {
  const labels = [...speakers.interviewer, ...speakers.informant]
    .map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length);
  return String.raw`((${labels.join('|')})(?:${glued ? '' : `${BLANK}*`}\d{1,3})?)`;
}

/**
 * The start of a speaker line: a label (any case), maybe numbered (`Informant 3`, `R1`), then a
 * colon, or a time stamp that ends the line (`Informant   12:51`, as Teams and Otter export). Around them: emphasis, and a time stamp before the line or after the label, as typed
 * transcripts and transcription tools write them (`[00:04:01] Intervjuer:`, `I (00:03:12):`).
 * Group 1 is the label as written, group 2 the label it was matched by.
 */
export function compileSpeakerPattern(speakers: SpeakerLabels): RegExp {
  const b = BLANK;
  const after = String.raw`(?:${b}*[[(]${TIME}[\])])?`;
  const label = labelGroups(speakers);
  // The colon is the label's only if no digit follows it: in «Informant   12:51» it is the time's.
  // A label with a time and nothing else on its line (Teams, Otter: «Informant   12:51», the
  // words on the next line) is a speaker line without a colon.
  const colon = String.raw`${after}${EMPHASIS}${b}*:(?!\d)${EMPHASIS}${b}*`;
  const timeLine = String.raw`${b}+${TIME}${b}*$`;
  return new RegExp(String.raw`^${b}*${TIME_BEFORE}${EMPHASIS}${label}${EMPHASIS}(?:${colon}|${timeLine})`, 'i');
}

/**
 * A speaker line with a dash where the colon goes («I – Har dere tid?», «R - Nei.», «**Q** — …»),
 * as some transcribers type turns, maybe after a time stamp as the colon form («[00:01:10] I – …»;
 * a list bullet before it is read as before a colon line, see blocks). Group 1 is the label as written, group 2 the label matched.
 * Only a note that reads as a dash transcript takes these lines as turns (see DashTurns).
 */
export function compileDashSpeakerPattern(speakers: SpeakerLabels): RegExp {
  const b = BLANK;
  return new RegExp(String.raw`^${b}*${TIME_BEFORE}${EMPHASIS}${labelGroups(speakers, true)}${EMPHASIS}${b}*[-–—](?:${b}+|$)`, 'i');
}

const dashSpeakerPattern = perLabels(compileDashSpeakerPattern);

/**
 * Dash speaker lines in a note. A line such as «A – første punkt» can be a lettered list, and
 * «Q1 – …», «Q2 – …» a plan by quarters, so the dash is taken for a colon only in a note with two
 * or more such lines for each side that change side three times or more (asked, answered, asked,
 * answered): a transcript (see isDashTranscript). `use` is set for the second reading of such a
 * note.
 */
interface DashTurns {
  use: boolean;
  interviewer: number;
  informant: number;
  /** The side of the last dash line, and how often the side changed from one dash line to the next. */
  side?: SpeakerRole;
  changes: number;
}

/** Whether the dash lines counted in a note's first reading make it a transcript (see DashTurns). */
function isDashTranscript(dash: DashTurns): boolean {
  return dash.interviewer >= 2 && dash.informant >= 2 && dash.changes >= 3;
}

/**
 * Whether a line can be a dash speaker line: its first dash (- – —) comes among its first 40
 * characters, after at least one other (cheap, before the pattern). Asked of nearly every line,
 * so the dashes are found with nextOfAny (native scans, each dash's next place kept), which
 * needs `from` to grow from one call to the next, as lines come.
 */
export function dashLines(text: string): (from: number, to: number) => boolean {
  const nextDash = nextOfAny(text, '-\u2013\u2014');
  return (from, to) => {
    const first = nextDash(from);
    return first !== -1 && first < Math.min(to, from + 40) && first > from;
  };
}

/**
 * Cut a note's body into blocks: paragraphs, list items and speaker turns, under their headings.
 *
 * Runs over every line of every note, so each line is tested with cheap character checks first
 * and the patterns only run on lines that can match them: a heading starts with `#`, a speaker
 * line has a `:` (or, for a dash line, a dash among its first 40 characters), a list item starts
 * (after blanks) with a bullet character or a digit.
 */
function blocks(
  text: string, bodyStart: number, speakers: SpeakerLabels, layout: NoteLayout, setext: ReadonlyMap<number, number> | undefined, dash: DashTurns,
): Block[] {
  const speakerLine = speakerPattern(speakers);
  const dashLine = dashSpeakerPattern(speakers);
  const interviewer = new Set(speakers.interviewer.map((l) => l.toLowerCase()));
  const out: Block[] = [];
  const headings: string[] = [];
  const headingLevels: number[] = [];
  /** A copy of `headings`, made when they change: the blocks under one heading share it. */
  let path: string[] = [];
  let current: Block | undefined;
  let turn = 0;
  let inTurn: { speaker: string; role: SpeakerRole } | undefined;
  let line = 1 + countNewlines(text, 0, bodyStart);
  let offset = bodyStart;
  /** The first `:` at or after `offset` (-1: none left), found once and reused until passed. */
  let colon = -2;
  const mayBeDashTurn = dashLines(text);
  const close = () => {
    if (current && current.end > current.start) out.push(current);
    current = undefined;
  };
  /**
   * A dash speaker line from `from` to `lineEnd` (the line begins at `lineStart`), counted in the
   * note's first reading; a turn only in a dash transcript. After a list bullet (`listed`), an
   * interviewer's line must ask (end in «?»): «- Q – kvalitet», «- A – …» is a lettered list of points.
   */
  const dashTurn = (from: number, lineStart: number, lineEnd: number, listed: boolean): RegExpExecArray | null => {
    const dashed = mayBeDashTurn(from, lineEnd) ? dashLine.exec(text.slice(from, lineEnd)) : null;
    if (!dashed) return null;
    const side: SpeakerRole = interviewer.has(dashed[2]!.toLowerCase()) ? 'interviewer' : 'informant';
    if (listed && side === 'interviewer' && text.charCodeAt(trimmedEnd(text, lineStart, lineEnd) - 1) !== 0x3f) return null;
    dash[side]++;
    if (dash.side !== undefined && dash.side !== side) dash.changes++;
    dash.side = side;
    return dash.use ? dashed : null;
  };
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const lineEnd = nl === -1 ? text.length : nl;
    const atx = text.charCodeAt(offset) === 0x23 /* # */ ? HEADING.exec(text.slice(offset, lineEnd)) : null;
    const underlined = setext !== undefined && setext.size > 0 ? setext.get(offset) : undefined;
    const bold = !current && mayBeBold(text, offset) ? boldHeading(text, offset, lineEnd, speakerLine) : undefined;
    const heading = atx ?? (underlined !== undefined ? ['', '#'.repeat(underlined), text.slice(offset, lineEnd)] : null)
      ?? (bold !== undefined ? ['', '#'.repeat(BOLD_LEVEL), bold] : null);
    if (heading) {
      close();
      inTurn = undefined;
      const level = heading[1]!.length;
      while (headingLevels.length && headingLevels[headingLevels.length - 1]! >= level) {
        headingLevels.pop();
        headings.pop();
      }
      headingLevels.push(level);
      headings.push(heading[2]!.trim());
      path = headings.slice();
    } else if (isBlank(text, offset, lineEnd)) {
      close();
    } else {
      if (colon !== -1 && colon < offset) colon = text.indexOf(':', offset);
      const speaker = (colon !== -1 && colon < lineEnd ? speakerLine.exec(text.slice(offset, lineEnd)) : null) ?? dashTurn(offset, offset, lineEnd, false);
      let start = offset;
      let labelled = false;
      if (speaker) {
        close();
        inTurn = { speaker: labelAsWritten(speaker[1]!), role: interviewer.has(speaker[2]!.toLowerCase()) ? 'interviewer' : 'informant' };
        turn++;
        start = offset + speaker[0].length;
        labelled = true;
      } else {
        const bullet = mayBeBullet(text, offset, lineEnd) ? BULLET.exec(text.slice(offset, lineEnd)) : null;
        // A speaker line typed as a list item: "- I: Har dere tid?", «- I – Har dere tid?» are still the interviewer's.
        const listed = bullet ? (colon !== -1 && colon < lineEnd ? speakerLine.exec(text.slice(offset + bullet[0].length, lineEnd)) : null) ?? dashTurn(offset + bullet[0].length, offset, lineEnd, true) : null;
        if (listed) {
          close();
          inTurn = { speaker: labelAsWritten(listed[1]!), role: interviewer.has(listed[2]!.toLowerCase()) ? 'interviewer' : 'informant' };
          turn++;
          start = offset + bullet![0].length + listed[0].length;
          labelled = true;
        } else if (bullet || layout === 'lines') {
          close();
          if (bullet) start = offset + bullet[0].length;
        }
      }
      // A label alone on its line («I:», «Informant   12:51»): the turn's words begin on the next line.
      if (!labelled || !isBlank(text, start, lineEnd)) {
        if (!current) {
          if (!inTurn) turn++;
          while (start < lineEnd && isSpace(text.charCodeAt(start))) start++;
          current = { line, start, end: start, headings: path, turn, role: inTurn?.role ?? 'informant' };
          if (inTurn) current.speaker = inTurn.speaker;
        }
        current.end = trimmedEnd(text, offset, lineEnd);
      }
    }
    if (nl === -1) break;
    offset = nl + 1;
    line++;
  }
  close();
  return out;
}

/**
 * A paragraph of one line that is all bold (`**Del 1 – Innovasjonsbegrepet**`, `__Tema: bolig__`)
 * is a heading, as students type the interview guide's parts in notes: it is deeper than any `#`
 * heading, so it nests under them, and the next bold line takes its place.
 */
const BOLD_LEVEL = 7;
const BOLD_LINE = /^[ \t]*(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1[ \t]*$/;

/** Whether the line can be a bold heading (cheap: its first non-blank characters are ** or __). */
function mayBeBold(text: string, offset: number): boolean {
  while (text.charCodeAt(offset) === 0x20 || text.charCodeAt(offset) === 0x09) offset++;
  const c = text.charCodeAt(offset);
  return (c === 0x2a || c === 0x5f) && text.charCodeAt(offset + 1) === c;
}

/** The heading text of a bold line alone in its paragraph (no line of text right after it), not a speaker line. */
function boldHeading(text: string, offset: number, lineEnd: number, speakerLine: RegExp): string | undefined {
  const line = text.slice(offset, lineEnd);
  const m = BOLD_LINE.exec(line);
  if (!m || m[2]!.length > 120 || speakerLine.test(line)) return undefined;
  const next = lineEnd < text.length ? text.indexOf('\n', lineEnd + 1) : -1;
  const following = lineEnd < text.length ? text.slice(lineEnd + 1, next === -1 ? text.length : next) : '';
  return following.trim() === '' ? m[2]!.trim() : undefined;
}

/**
 * A speaker's label with each run of blanks made one space («Informant\u00a0 3» is «Informant 3»):
 * what `label.replace(/\s+/g, ' ')` gives. Nearly every label (R, I, Informant 3) has nothing to
 * change, and a look at its few characters costs far less than the replace, which ran on every
 * speaker line of every note.
 */
export function labelAsWritten(label: string): string {
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (isSpace(c) && (c !== 0x20 || (i + 1 < label.length && isSpace(label.charCodeAt(i + 1))))) return label.replace(/\s+/g, ' ');
  }
  return label;
}

/** Whitespace as String.prototype.trim and /\s/ see it, from a table for the units above ASCII. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  let k = wideSpace[c]!;
  if (k === 0) wideSpace[c] = k = /\s/.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}
/** Per UTF-16 unit: 1 whitespace, 2 not, 0 not yet known. */
const wideSpace = new Uint8Array(65536);

/** Whether text[from, to) is empty or all whitespace (what `trim() === ''` says of the line). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** End of text[from, to) without its trailing whitespace (what `trimEnd()` keeps). */
function trimmedEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/** Whether a line can be a list item: after spaces and tabs comes - * + • or an ASCII digit (see BULLET). */
function mayBeBullet(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  if (i === to) return false;
  const c = text.charCodeAt(i);
  return c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2022 || (c >= 0x30 && c <= 0x39);
}

/** Number of line breaks in text[from, to). */
function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Offset → 1-based line, for offsets asked in increasing order (as segments come): each call
 * counts only the line breaks since the last one. An offset before the last starts over from
 * the top, so the answer is always that of lineIndex.
 */
function forwardLines(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 1;
    }
    line += countNewlines(text, at, offset);
    at = offset;
    return line;
  };
}

/**
 * How lines make paragraphs: in Markdown, a blank line ends a paragraph; in `lines`, every line is
 * one, as in a .txt file from Word's "Save as plain text", which writes each paragraph on one
 * line with no blank line between (see noteLayout).
 */
export type NoteLayout = 'markdown' | 'lines';

/**
 * `lines` for a .txt note whose body has several lines, no blank line, and lines that end as
 * sentences do (half of them or more): Word's plain text. Otherwise (Markdown, plain text typed
 * with blank lines between paragraphs, hard-wrapped text) `markdown`.
 */
export function noteLayout(path: string, text: string, bodyStart: number): NoteLayout {
  if (!/\.txt$/i.test(path)) return 'markdown';
  const blankLine = /\n[ \t]*\n/g;
  blankLine.lastIndex = bodyStart;
  if (blankLine.test(text)) return 'markdown';
  const lines = text.slice(bodyStart).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return 'markdown';
  // Word's paragraphs end as sentences do; hard-wrapped text breaks lines mid-sentence. Short
  // lines (headings, labels) say little, so the long ones decide when there are some.
  const long = lines.filter((l) => l.length >= 40);
  const judged = long.length >= 2 ? long : lines;
  const ended = judged.filter((l) => /[.!?:;…»"”')\]]$/.test(l)).length;
  return long.length >= 2 ? (ended * 2 >= judged.length ? 'lines' : 'markdown') : (ended * 2 > judged.length ? 'lines' : 'markdown');
}

/** A segment before it has its place in a corpus: `index` is set when the corpus is assembled. */
export type UnplacedSegment = Omit<Segment, 'index'> & { index?: number };

/**
 * Paragraphs that follow an interviewer's label in its turn, in a note where no informant label
 * follows them: typed notes that mark only the questions («Spørsmål: …», then the answer as a
 * paragraph of its own) give the answers to the interviewer, and they go uncoded.
 */
export interface InterviewerTurns {
  /** Paragraphs after the labelled one in interviewer turns. */
  unlabelled: number;
  /** Line of the first interviewer label with such paragraphs after it. */
  line: number;
  /** The label, as written. */
  label: string;
}

/** Segments of one document in the chosen coding unit. Pure: text in, segments out. */
export function segmentDocument(
  documentId: string, text: string, bodyStart: number, options: SegmentOptions, layout: NoteLayout = 'markdown',
  setext?: ReadonlyMap<number, number>, turns?: (found: InterviewerTurns) => void,
): UnplacedSegment[] {
  const dash: DashTurns = { use: false, interviewer: 0, informant: 0, changes: 0 };
  let all = blocks(text, bodyStart, options.speakers, layout, setext, dash);
  if (isDashTranscript(dash)) all = blocks(text, bodyStart, options.speakers, layout, setext, { ...dash, use: true });
  if (turns && !options.includeInterviewer) answersInInterviewerTurns(all, turns);
  const asked = questionsAnswered(text, all);
  const kept = all.filter((b) => options.includeInterviewer || b.role !== 'interviewer');
  const units = options.unit === 'turn' ? mergeTurns(kept) : kept;
  const segments: UnplacedSegment[] = [];
  const lineAt = forwardLines(text);
  // Segments come in text order (blocks do not overlap, sentences of a block run forward), so
  // lines never go back and segments that share a line follow one another: counting on from
  // the previous segment's line numbers them as a count per line would.
  let lastLine = 0;
  let onLine = 0;
  // Ids are made flat by join: `${a}${b}` makes a rope, which becomes two strings as soon as
  // the id is a map key, and every segment's id is kept for the whole run.
  const idPrefix = `${documentId}:`;
  const push = (b: Block, start: number, end: number): void => {
    const line = lineAt(start);
    onLine = line === lastLine ? onLine + 1 : 1;
    lastLine = line;
    const id = onLine === 1 ? [idPrefix, line].join('') : [idPrefix, line, '#', onLine].join('');
    const segmentText = text.slice(start, end);
    // Two literals rather than a spread of an optional part: the same keys in the same order,
    // without a property copy per segment. `index` is left undefined for assembleCorpus to set,
    // but has its slot here: a property added later would need a separate property array in
    // every one of the (millions of) segments.
    segments.push(b.speaker !== undefined
      ? { id, document: documentId, line, start, end, speaker: b.speaker, role: b.role, headings: b.headings, text: segmentText, index: undefined }
      : { id, document: documentId, line, start, end, role: b.role, headings: b.headings, text: segmentText, index: undefined });
  };
  for (const b of units) {
    const question = asked?.get(b.start);
    const before = segments.length;
    if (options.unit !== 'sentence') push(b, b.start, b.end);
    else for (const [s, e] of sentenceRanges(text.slice(b.start, b.end))) push(b, b.start + s, b.start + e);
    // The question goes with the first segment of the answer, when that segment is short.
    const first = segments[before];
    if (question && first && (isShortAnswer(first.text) || isShortAnswer(firstSentence(first.text), SHORT_FIRST_SENTENCE_WORDS))) first.asked = question;
  }
  return segments;
}

/** A text's first sentence, up to and with its first . ! ? or …: «Tida.» of «Tida. Vi har …». */
export function firstSentence(text: string): string {
  return /^[^.!?…]*[.!?…]?/u.exec(text)![0];
}

/** At most this many words make an answer short enough to be read with the question before it. */
export const SHORT_ANSWER_WORDS = 12;
/**
 * At most this many words in its first sentence give a longer answer the question too, for that
 * sentence alone: an answer that opens by naming an obstacle («Det e nok bemanninga. Vi har …»).
 */
export const SHORT_FIRST_SENTENCE_WORDS = 6;

/** Whether a text has at most `limit` words (runs of non-blanks). */
export function isShortAnswer(text: string, limit = SHORT_ANSWER_WORDS): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const blank = isSpace(text.charCodeAt(i));
    if (!blank && !inWord && ++words > limit) return false;
    inWord = !blank;
  }
  return true;
}

/**
 * The interviewer's questions that informant turns answer: for each informant block that begins
 * a turn right after an interviewer's block, keyed by its start, the last sentence of that block
 * when it ends in «?». Undefined when a note has none (most notes: typed notes have no turns).
 */
function questionsAnswered(text: string, list: readonly Block[]): Map<number, { start: number; end: number }> | undefined {
  let out: Map<number, { start: number; end: number }> | undefined;
  for (let i = 1; i < list.length; i++) {
    const b = list[i]!;
    const q = list[i - 1]!;
    if (b.role !== 'informant' || b.speaker === undefined || q.role !== 'interviewer' || q.turn === b.turn) continue;
    if (text.charCodeAt(q.end - 1) !== 0x3f /* ? */) continue;
    const sentences = sentenceRanges(text.slice(q.start, q.end));
    const last = sentences[sentences.length - 1];
    if (!last) continue;
    // «Har dere tid? Og penger? Og kurs?»: short questions that go on from the one before take it along.
    let from = sentences.length - 1;
    while (from > 0 && FOLLOW_UP.test(text.slice(q.start + sentences[from]![0], q.start + sentences[from]![1]))) from--;
    (out ??= new Map()).set(b.start, { start: q.start + sentences[from]![0], end: q.start + last[1] });
  }
  return out;
}

/** Reports (see InterviewerTurns) when interviewer turns run on over paragraphs and no informant label follows. */
function answersInInterviewerTurns(list: readonly Block[], found: (t: InterviewerTurns) => void): void {
  let unlabelled = 0;
  let first: Block | undefined;
  let start: Block | undefined;
  for (let i = 0; i < list.length; i++) {
    const b = list[i]!;
    if (b.role === 'informant' && b.speaker !== undefined) return;
    // Blocks outside labelled turns have a turn each: one that shares the last block's turn goes on a labelled one.
    if (i === 0 || list[i - 1]!.turn !== b.turn) start = b;
    else if (b.role === 'interviewer') {
      unlabelled++;
      first ??= start;
    }
  }
  if (unlabelled >= 2 && first) found({ unlabelled, line: first.line, label: first.speaker ?? '' });
}

function mergeTurns(list: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of list) {
    const last = out[out.length - 1];
    if (last && last.turn === b.turn && b.speaker !== undefined) last.end = b.end;
    else out.push({ ...b });
  }
  return out;
}
