import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Corpus, Diagnostic, Document, Lang } from '../model.js';
import { maskCorpus } from '../privacy/corpus.js';
import { findIdentifiers, KINDS, parseNameLists, type Finding, type NameLists } from '../privacy/detect.js';
import { countByKind, maskText } from '../privacy/mask.js';
import { detectLang } from '../text/lang.js';
import type { Context } from './context.js';
import { UserError, userError } from './errors.js';

/** Mask identifiers in a corpus and say on stderr how many, by kind. */
export function maskCorpusReported(corpus: Corpus, ctx: Context, lists?: NameLists): Corpus {
  const masked = maskCorpus(corpus, lists);
  tell(masked.findings, ctx, notesRead(corpus.documents.length));
  return masked.corpus;
}

/**
 * Mask the text of units that are shown one by one (agreement reports, kwic). The labels follow
 * the unit's language: its note's `lang` when it has one, else the language of its own text.
 */
export function maskUnits<U extends { text: string; lang?: Lang }>(
  units: readonly U[], ctx: Context, lists?: NameLists,
  /** What else of a unit changes with its text: offsets into it, moved by `offset` (original to masked). */
  shift?: (unit: U, offset: (original: number, side: 'start' | 'end') => number) => Partial<U>,
  /** What the units are, for the message: «the 3 notes read», «the 40 units compared». */
  where: string = notesRead(units.length),
): U[] {
  const findings: Finding[] = [];
  const out = units.map((u) => {
    const found = findIdentifiers(u.text, lists);
    findings.push(...found);
    if (!found.length) return u;
    const m = maskText(u.text, found, undefined, u.lang ?? detectLang(u.text));
    return { ...u, text: m.text, ...shift?.(u, m.offset) };
  });
  tell(findings, ctx, where);
  return out;
}

/**
 * Say on stderr how many identifiers were masked, by kind, and in what (nothing when none were).
 * The count is of the whole text masked (`where`): for notes, every turn and heading, coded or not,
 * as themes check counts them. It said «in outputs», which a run that leaves the interviewer's
 * turns uncoded (the default) does not show, so the count was more than the outputs held.
 */
export function tell(findings: readonly Finding[], ctx: Context, where: string): void {
  if (findings.length === 0) return;
  const counts = countByKind(findings);
  const parts = KINDS.filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  ctx.info(`masked ${findings.length} personal identifier(s) in ${where} (${parts.join(', ')}); run themes check to see where, --allow-identifiers to keep them`);
}

/** «the note read», «the 12 notes read»: what masking a corpus covered. */
export function notesRead(n: number): string {
  return n === 1 ? 'the note read' : `the ${n} notes read`;
}

/** The longest line a names file may have: longer than any name or phrase. */
const MAX_NAME_LINE = 200;

/** The --names file: names that must always be masked, and `!phrases` that are never names. */
export function readNameLists(path: string | undefined, cwd: string): NameLists | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    throw userError('NAMES_NOT_FOUND', `--names ${path} cannot be read`, 'Give a text file with one name per line (and !phrase for words that are not names).', path);
  }
  // Each line becomes a regular expression; one of tens of thousands of characters overflows the
  // engine's stack. No name or phrase is that long: the file is likely not a name list.
  const lines = text.split('\n');
  const long = lines.findIndex((l) => l.trim().length > MAX_NAME_LINE);
  if (long !== -1) {
    throw new UserError([{
      severity: 'error', code: 'NAMES_LINE_TOO_LONG', file: path, line: long + 1, column: 1,
      message: `has a line of ${lines[long]!.trim().length} characters; a name or phrase is at most ${MAX_NAME_LINE}`,
      hint: 'Give a text file with one name per line (and !phrase for words that are not names).',
    }]);
  }
  return parseNameLists(text.replace(/^\uFEFF/, ''));
}

/**
 * The identifiers in a note's id: an id from a file name such as «Intervju Kari Nordmann.md» is
 * shown in every table and quote, and masking (which works on the text) does not change ids.
 * Underscores, hyphens and dots count as spaces, as file names use them.
 */
export function identifiersInId(id: string, lists?: NameLists): Finding[] {
  return findIdentifiers(id.replace(/[-_.]+/g, ' '), lists);
}

/** A warning for each note whose id holds an identifier (NOTE_ID_IDENTIFIER). */
export function idWarnings(documents: readonly Document[], lists?: NameLists): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of documents) {
    const found = identifiersInId(d.id, lists);
    if (found.length === 0) continue;
    out.push({
      severity: 'warning', code: 'NOTE_ID_IDENTIFIER', file: d.path,
      message: `the id "${d.id}" holds what looks like ${found.map((f) => `a ${f.kind === 'email' ? 'e-mail address' : f.kind} (${f.text})`).join(', ')}; ids are shown in every output and are not masked`,
      hint: 'Give the note an id in its front matter (id: informant-07), or rename the file.',
    });
  }
  return out;
}
