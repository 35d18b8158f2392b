import { parseTerm } from '../codebook/terms.js';
import { parseFrontMatter } from '../corpus/frontmatter.js';
import { BULLET, compileSpeakerPattern, DEFAULT_SPEAKERS, speakerPattern } from '../corpus/segment.js';
import { isSubtitles } from '../corpus/subtitles.js';
import type { Diagnostic, Document, Term } from '../model.js';
import { UserError } from './errors.js';
import { readNotes } from './load.js';

/** A document to count words in or search, with the places of its paragraphs. */
export interface ReadDocument {
  doc: Document;
  text: string;
  /**
   * Where each paragraph (a segment of the paragraph unit, interviewer turns included) stands in
   * `text`, in order, without its speaker label: keyword in context takes its context from the
   * paragraph of the keyword only, not from the heading or the turn before it.
   */
  paragraphs: Array<{ start: number; end: number }>;
}

/**
 * Documents for word counts and keyword in context: the whole text after the front matter,
 * interviewer lines and headings included. The front matter is blanked (not cut), so offsets
 * and line numbers stay those of the file.
 */
export function readDocuments(paths: readonly string[], cwd: string): { documents: ReadDocument[]; diagnostics: Diagnostic[]; failed: string[] } {
  const loaded = readNotes(paths, cwd, { unit: 'paragraph', includeInterviewer: true });
  // A subtitle file's voices (Ola Hansen:) are labels in it, as the segmenter read them.
  const voices = new Map<string, Set<string>>();
  const paragraphs = new Map<string, Array<{ start: number; end: number }>>();
  for (const s of loaded.corpus.segments) {
    if (s.speaker !== undefined) voices.set(s.document, (voices.get(s.document) ?? new Set()).add(s.speaker));
    const list = paragraphs.get(s.document);
    if (list) list.push({ start: s.start, end: s.end });
    else paragraphs.set(s.document, [{ start: s.start, end: s.end }]);
  }
  const documents = loaded.corpus.documents.map((doc) => {
    const { bodyStart } = parseFrontMatter(doc.text, doc.path);
    const labels = isSubtitles(doc.path) ? [...voices.get(doc.id) ?? []] : [];
    const text = blankSpeakerLabels(doc.text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + doc.text.slice(bodyStart), bodyStart, labels);
    return { doc, text, paragraphs: paragraphs.get(doc.id) ?? [] };
  });
  return { documents, diagnostics: loaded.diagnostics, failed: loaded.failed };
}

/** A line split after its list bullet, if any (the segmenter's BULLET: - * + • 1. 2)), from what follows. */
const LIST_LINE = new RegExp(`^(${BULLET.source.slice(1)}|[ \\t]*)([^\\n]*)$`, 'gm');

/**
 * Speaker labels and their time stamps as spaces (`I:`, `[00:01:02] R:`, `- Intervjuer:`,
 * `1. I:`): they are no words anybody said, and `I:` would count as the word «i». Offsets and
 * lines stay put.
 */
export function blankSpeakerLabels(text: string, from: number, voices: readonly string[] = []): string {
  const label = voices.length === 0 ? speakerPattern(DEFAULT_SPEAKERS)
    : compileSpeakerPattern({ interviewer: DEFAULT_SPEAKERS.interviewer, informant: [...DEFAULT_SPEAKERS.informant, ...voices] });
  return text.slice(0, from) + text.slice(from).replace(LIST_LINE, (line: string, bullet: string, rest: string) => {
    if (!rest.includes(':')) return line;
    const m = label.exec(rest);
    return m ? bullet + ' '.repeat(m[0].length) + rest.slice(m[0].length) : line;
  });
}

/** Terms from the command line, with the codebook's syntax (samskap*, "ikke tid", /regex/); all bad ones reported together. */
export function parseTerms(raw: readonly string[], code: string): Term[] {
  const problems: Diagnostic[] = [];
  const terms: Term[] = [];
  for (const r of raw) {
    const parsed = parseTerm(unquoted(r));
    if (parsed.ok) terms.push(parsed.term);
    else problems.push({ severity: 'error', code: parsed.code.replace(/^CODEBOOK_/, `${code}_`), message: parsed.message, hint: parsed.hint });
  }
  if (problems.length) throw new UserError(problems);
  return terms;
}

/** A phrase as the shell may pass it, quotes and all: '"ikke tid"' and «ikke tid» are the phrase ikke tid. */
export function unquoted(term: string): string {
  const m = /^(?:"([^"]*)"|'([^']*)'|«([^«»]*)»|“([^“”]*)”)$/.exec(term.trim());
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]!).trim() : term;
}
