import { createHash } from 'node:crypto';
import type { Attributes, Diagnostic, Document, Lang, Segment } from '../model.js';
import { detectLang, isLang, langOfCounts, markerCounts } from '../text/lang.js';
import { linePositions } from '../text/lines.js';
import { blankComments, blankMarkup } from './comments.js';
import { decode } from './decode.js';
import { parseFrontMatter } from './frontmatter.js';
import { extractMarks } from './marks.js';
import { DEFAULT_SPEAKERS, noteLayout, segmentDocument, speakerPattern, type SegmentOptions } from './segment.js';
import { subtitlesToText } from './subtitles.js';

export interface ParsedNote {
  document?: Document;
  segments: Omit<Segment, 'index'>[];
  diagnostics: Diagnostic[];
}

/**
 * Bytes of one note in, document and segments out. Pure. A Word file arrives already converted
 * to text (`converted`, see docx.ts); `bytes` are still the file's, for the hash. A subtitle file
 * (`subtitles`) is decoded as text is, then converted (see subtitles.ts); its voices are speaker
 * labels in it.
 */
export function parseNote(path: string, bytes: Uint8Array, options: SegmentOptions, converted?: string, subtitles = false): ParsedNote {
  const decoded = converted !== undefined ? { ok: true as const, text: converted, encoding: 'docx' as const } : decode(bytes);
  if (!decoded.ok) {
    return {
      segments: [],
      diagnostics: [{
        severity: 'error', code: 'NOTE_BINARY', file: path,
        message: 'is not a text file (it contains binary data)',
        hint: 'Notes must be .md, .txt, .docx, .vtt or .srt text; save the file as text, or move it out of the notes folder.',
      }],
    };
  }
  const { encoding } = decoded;
  const sub = subtitles ? subtitlesToText(decoded.text) : undefined;
  const noInterviewer = sub !== undefined && !options.includeInterviewer && sub.voices.length >= 2 && !anyInterviewer(sub.voices, options.speakers);
  if (sub) options = withVoices(options, sub.voices);
  const composed = composedText(sub ? sub.text : decoded.text);
  const front = parseFrontMatter(composed, path);
  if (front.diagnostics.some((d) => d.severity === 'error') && options.readBadFrontMatter !== true) return { segments: [], diagnostics: front.diagnostics };
  const uncommented = blankComments(composed, front.bodyStart, path);
  const setext = new Map<number, number>();
  const { text, marks, invalid } = extractMarks(blankMarkup(uncommented.text, front.bodyStart, setext, options.keepLinks === true), front.bodyStart);
  const attributes = front.attributes;
  // Composed like the text: macOS writes file names decomposed (A + ring for Å).
  const fileId = path.replace(/^.*\//, '').replace(/\.[^.]+$/, '').normalize('NFC');
  const blankId = attributes.id !== undefined && String(attributes.id).trim() === '';
  const id = attributes.id !== undefined && !blankId ? String(attributes.id) : fileId;
  const diagnostics = [...front.diagnostics, ...uncommented.diagnostics];
  for (const bad of invalid) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_MARK_INVALID', file: path, line: bad.line, column: bad.column,
      message: `${bad.text} looks like a code mark, but a code id is written with a-z, 0-9 and - only, right after #; it is read as no mark`,
      hint: 'Write the code id as in the codebook, e.g. {#lack-of-time} or {#idea-box #mdi-general}.',
    });
  }
  if (noInterviewer) {
    diagnostics.push({
      severity: 'warning', code: 'SUBTITLES_NO_INTERVIEWER', file: path,
      message: `names ${sub!.voices.length} voices (${sub!.voices.slice(0, 4).join(', ')}${sub!.voices.length > 4 ? ', …' : ''}) and none is an interviewer label, so every voice is coded as an informant's`,
      hint: `Name the interviewer's voice with --interviewer-labels (it replaces the default labels), e.g. --interviewer-labels "${sub!.voices[0]},I,Intervjuer".`,
    });
  }
  const swallowed = swallowedText(composed, front.bodyStart, attributes, options.speakers);
  if (swallowed) diagnostics.push({ severity: 'warning', code: 'NOTE_FRONTMATTER_SWALLOWS_TEXT', file: path, line: 1, column: 1, ...swallowed });
  if (blankId) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_FRONTMATTER_VALUE', file: path, line: frontMatterLine(composed, 'id'), column: 1,
      message: `id is blank; the file name "${fileId}" is used instead`,
      hint: 'Give the informant an id, e.g. id: informant-07, or remove the id line.',
    });
  }
  // A subtitle file's text is made here: its bytes' places are in the file as it was.
  const placeOf = (offset: number) => { const at = linePositions(decoded.text); return { line: at.line(offset), column: at.column(offset) }; };
  if (decoded.stray !== undefined) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_CONTROL_CHARACTERS', file: path, ...placeOf(decoded.stray),
      message: 'holds control characters that are no text (a NUL byte, as a damaged save leaves); they are read as spaces',
      hint: 'Check the text around this place; save the file once more as plain text to clean it.',
    });
  }
  if (encoding === 'mixed') {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_MIXED_ENCODING', file: path, ...(decoded.mixedAt !== undefined ? placeOf(decoded.mixedAt) : {}),
      message: 'mixes UTF-8 and Windows-1252 text (the first Windows-1252 character is here); each character was decoded by its own bytes',
      hint: 'Check æ, ø and å in the quotes; save the file once more as UTF-8 to make it uniform.',
    });
  }
  let lang: Lang;
  // In any case, and with a region as word processors and Pandoc write it: en-GB, en_US, nb-NO.
  const givenLang = typeof attributes.lang === 'string' ? attributes.lang.trim().toLowerCase().replace(/^(nb|nn|en)[-_][a-z]{2}$/, '$1') : attributes.lang;
  if (givenLang === undefined) {
    const counts = markerCounts(text, front.bodyStart);
    lang = langOfCounts(counts);
    // A terse note («A: Time. Money. Staff.») has none of the function words the guess counts:
    // read as bokmål without a word, an English note was coded with the bokmål codebook and made
    // every label and heading of the run Norwegian.
    if (counts.nb + counts.nn + counts.en === 0 && /\p{L}{2}/u.test(text.slice(front.bodyStart))) {
      diagnostics.push({
        severity: 'warning', code: 'NOTE_LANG_GUESSED', file: path,
        message: 'has none of the common words that tell bokmål, nynorsk and English apart, so it is read as bokmål',
        hint: 'Give its language in the front matter: lang: en (or lang: nb, lang: nn).',
      });
    }
  } else if (isLang(givenLang)) lang = givenLang;
  else {
    lang = detectLang(text, front.bodyStart);
    diagnostics.push({
      severity: 'warning', code: 'NOTE_UNKNOWN_LANG', file: path, line: frontMatterLine(composed, 'lang'), column: 1,
      message: `lang "${String(attributes.lang)}" is not one of nb, nn, en; detected ${lang}`,
      hint: 'Write lang: nb, lang: nn or lang: en in the front matter.',
    });
  }
  // Read from the text as written: a rule line (-----) is blanked by now and would look like a blank line.
  const layout = converted === undefined ? noteLayout(path, composed, front.bodyStart) : 'markdown';
  const segments = segmentDocument(id, text, front.bodyStart, options, layout, setext, (t) => diagnostics.push({
    severity: 'warning', code: 'NOTE_ANSWERS_IN_INTERVIEWER_TURNS', file: path, line: t.line, column: 1,
    message: `${t.unlabelled} paragraph(s) follow the interviewer's label ${t.label}: and no informant label comes after them, so they are read as the interviewer's and not coded`,
    hint: `If they are the informant's answers, begin each with an informant label (R: …), or code every turn with --include-interviewer.`,
  }));
  if (text.trim() === '' || (segments.length === 0 && front.bodyStart >= text.trim().length)) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_EMPTY', file: path,
      message: 'has no text to code',
      hint: 'Check that the file is the note you meant: it is kept, with nothing to code, and counts among the informants. Fill it in, or move it out of the notes folder.',
    });
  }
  const unknown = unknownSpeakers(text, front.bodyStart, options.speakers);
  if (unknown) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_UNKNOWN_SPEAKER_LABEL', file: path, line: unknown.line, column: 1,
      message: `${unknown.labels.map((l) => `«${l.label}:» begins ${l.count} lines`).join(', ')}, but ${unknown.labels.length === 1 ? 'is no speaker label' : 'these are no speaker labels'}: those lines are read as the turn before them, or as an informant's`,
      hint: unknown.labels.length === 1
        ? `If it is a speaker, name it: --interviewer-labels "${unknown.labels[0]!.label},I,Intervjuer" or --informant-labels "${unknown.labels[0]!.label},R,Informant" (each replaces its default list).`
        : `If they are speakers, name them, e.g. --interviewer-labels "${unknown.labels[0]!.label},I,Intervjuer" --informant-labels "${unknown.labels[1]!.label},R,Informant" (each replaces its default list).`,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const people = sub ? sub.voices.filter((v) => !isGenericVoice(v)) : [];
  const document: Document = { id, path, text, attributes, lang, encoding, sha256, ...(marks.length ? { marks } : {}), ...(people.length ? { voices: people } : {}) };
  return { document, segments, diagnostics };
}

/** A line that looks like a speaker's: a name of up to three words, a colon, then three words or more. */
const LABELLED_LINE = /^[ \t]*(\p{Lu}[\p{L}\p{N}.'’-]*(?: [\p{L}\p{N}.'’-]+){0,2})[ \t]*:[ \t]+\S+\s+\S+\s+\S/gmu;
/** LABELLED_LINE tried at one place only (sticky): at the start of a line that has a colon, see labelledLines. */
const LABELLED_LINE_AT = new RegExp(LABELLED_LINE.source, 'ymu');

/**
 * The matches of LABELLED_LINE in `text` from `from` on (its label and where it starts), as a
 * global search finds them. The search ran over every place of every note, 80 ms or more on
 * 10M words; here only the lines that have a colon are tried, each at its start: a match's
 * label and colon lie on the line where it starts (they hold no line break), and no label
 * holds a colon, so that line is the one with the first colon after where the search goes on.
 * A match may end on a later line (\s crosses line breaks), and the search goes on from its end,
 * as the global one does. ^ also follows \r, \u2028 and \u2029, which `\n` alone does not
 * find: a text that holds one (decode makes \r\n into \n, so hardly any does) is searched the
 * general way.
 */
export function labelledLines(text: string, from: number): Array<{ label: string; at: number }> {
  const found: Array<{ label: string; at: number }> = [];
  if (text.indexOf('\r') !== -1 || text.indexOf('\u2028') !== -1 || text.indexOf('\u2029') !== -1) {
    LABELLED_LINE.lastIndex = from;
    for (let m = LABELLED_LINE.exec(text); m !== null; m = LABELLED_LINE.exec(text)) found.push({ label: m[1]!, at: m.index });
    return found;
  }
  let at = from;
  for (let colon = text.indexOf(':', at); colon !== -1; colon = text.indexOf(':', at)) {
    const lineStart = text.lastIndexOf('\n', colon) + 1;
    // A line that began before `at` is past: the search goes on after the end of the last match.
    const m = lineStart >= at ? ((LABELLED_LINE_AT.lastIndex = lineStart), LABELLED_LINE_AT.exec(text)) : null;
    if (m !== null) {
      found.push({ label: m[1]!, at: lineStart });
      at = LABELLED_LINE_AT.lastIndex;
    } else {
      const nl = text.indexOf('\n', colon);
      if (nl === -1) break;
      at = nl + 1;
    }
  }
  return found;
}

/**
 * Labels a transcript uses for its speakers that are not speaker labels here («Forsker:», «Ola:»):
 * their lines go on the turn before them, so a researcher's questions were coded as answers,
 * without a word. Told from note keys («Tema: bolig») by the words after the colon and by
 * recurring: three lines or more with three words or more after it.
 */
function unknownSpeakers(text: string, bodyStart: number, speakers: SegmentOptions['speakers']): { line: number; labels: Array<{ label: string; count: number }> } | undefined {
  const known = speakerPattern(speakers);
  const counts = new Map<string, { count: number; first: number }>();
  for (const { label, at } of labelledLines(text, bodyStart)) {
    const seen = counts.get(label);
    if (seen) seen.count++;
    else if (!known.test(`${label}: x`)) counts.set(label, { count: 1, first: at });
  }
  const labels = [...counts].filter(([, c]) => c.count >= 3).sort((a, b) => a[1].first - b[1].first);
  if (labels.length === 0) return undefined;
  return { line: text.slice(0, labels[0]![1].first).split('\n').length, labels: labels.slice(0, 3).map(([label, c]) => ({ label, count: c.count })) };
}

/** Whether one of a subtitle file's voices is an interviewer label. */
function anyInterviewer(voices: readonly string[], speakers: SegmentOptions['speakers']): boolean {
  const interviewers = new Set(speakers.interviewer.map((l) => l.toLowerCase()));
  return voices.some((v) => interviewers.has(v.toLowerCase()));
}

/** A voice that names no one: WhisperX's SPEAKER_00, «Speaker 2», «Taler 1», or a default speaker label. */
function isGenericVoice(voice: string): boolean {
  return /^(?:speaker|taler|talar|unknown|ukjent)[ _]?\d*$/i.test(voice) || speakerPattern(DEFAULT_SPEAKERS).exec(`${voice}: x`)?.[0].trim() === `${voice}:`;
}

/**
 * The options with a subtitle file's voices as speaker labels: informants, unless the user named
 * one as an interviewer (--interviewer-labels "Kari Nordmann").
 */
function withVoices(options: SegmentOptions, voices: readonly string[]): SegmentOptions {
  if (voices.length === 0) return options;
  const known = new Set([...options.speakers.interviewer, ...options.speakers.informant].map((l) => l.toLowerCase()));
  const added = voices.filter((v) => !known.has(v.toLowerCase()));
  return added.length === 0 ? options : { ...options, speakers: { interviewer: options.speakers.interviewer, informant: [...options.speakers.informant, ...added] } };
}

/** The informant a document belongs to: `informant` attribute, else the document id. */
export function informantOf(doc: Document): string {
  return doc.attributes.informant !== undefined ? String(doc.attributes.informant) : doc.id;
}

/** The line of a top-level key in the front matter (1-based in the file), or 1 when it is not found. */
function frontMatterLine(text: string, key: string): number {
  const at = new RegExp(`^${key}[ \t]*:`, 'm').exec(text);
  return at ? text.slice(0, at.index).split('\n').length : 1;
}

/** Combining marks: text pasted from macOS or a PDF may write å as a + ring (NFD). */
const COMBINING_RANGES = '\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f';
/**
 * Characters no reader sees that split a word: a soft hyphen (Word's optional hyphen,
 * «sam\u00adskaping», below), a zero-width space, a word joiner, a byte order mark inside the text
 * (two marks at the start, or one pasted in); and the ligatures a PDF copy leaves (ﬁ, ﬂ).
 */
const INVISIBLE_WIDE = '\u200b\u2060\ufeff';
const LIGATURE_RANGE = '\ufb00-\ufb06';
const COMBINING = new RegExp(`[${COMBINING_RANGES}]`);
const INVISIBLE = new RegExp(`[\u00ad${INVISIBLE_WIDE}]`, 'g');
const LIGATURES = new RegExp(`[${LIGATURE_RANGE}]`, 'g');
/**
 * Any of the above but the soft hyphen: characters past U+00FF, which V8 knows a one-byte string
 * (most Norwegian text: æøå are below U+0100) cannot hold, so the test costs nothing there. The
 * soft hyphen, U+00AD, is looked for with indexOf, which is native: a character class with it in
 * scanned every note, 35 ms or more on 10M words.
 */
const UNUSUAL_WIDE = new RegExp(`[${INVISIBLE_WIDE}${LIGATURE_RANGE}${COMBINING_RANGES}]`);

/**
 * The text as a reader sees it: letters composed (NFC), so that «Løvås» typed on macOS is the
 * «Løvås» of the codebook and the name lists; invisible characters inside words taken out, and
 * ligatures written as their letters, so that «sam\u00adskaping» and «ﬁnansiering» are words the
 * codebook knows. Offsets count this text. Most notes have none of these, and the test costs
 * little on them.
 */
function composedText(text: string): string {
  if (text.indexOf('\u00ad') === -1 && !UNUSUAL_WIDE.test(text)) return text;
  const visible = text.replace(INVISIBLE, '').replace(LIGATURES, (l) => l.normalize('NFKC'));
  return COMBINING.test(visible) ? visible.normalize('NFC') : visible;
}

/**
 * Front matter whose closing --- was left out runs on to the next --- line (a rule further down),
 * and the note's first lines become attributes that are never coded. Two signs give it away: a
 * speaker label among the keys (R: Vi har ikke tid.), or a blank line right before the closing
 * --- (a rule stands between paragraphs; attributes do not).
 */
function swallowedText(text: string, bodyStart: number, attributes: Attributes, speakers: SegmentOptions['speakers']): Pick<Diagnostic, 'message' | 'hint'> | undefined {
  if (bodyStart === 0) return undefined;
  // A key that reads as a speaker label, numbered ones too (R1:, Informant 3:).
  const speakerLine = speakerPattern(speakers);
  // Only with something said after it (three words or more): «informant: kari» is an attribute.
  const said = (v: unknown) => typeof v === 'string' && v.trim().split(/\s+/).length >= 3;
  const speakerKey = Object.keys(attributes).find((k) => { const m = speakerLine.exec(`${k}: `); return m !== null && m[1]!.length === k.length && said(attributes[k]); });
  const closing = text.lastIndexOf('---', bodyStart);
  const blankBefore = /\n[ \t]*\n[ \t]*$/.test(text.slice(0, closing));
  if (speakerKey === undefined && !blankBefore) return undefined;
  const endLine = text.slice(0, closing).split('\n').length;
  return {
    message: `the front matter runs to line ${endLine}${speakerKey !== undefined ? ` and holds the speaker line "${speakerKey}: ${String(attributes[speakerKey])}"` : ', past a blank line'}; its lines are read as attributes and not coded`,
    hint: 'Close the front matter with a --- line right after the attributes (id, role, ...), or begin the note with something other than ---.',
  };
}
