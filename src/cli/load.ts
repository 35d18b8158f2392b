import { fileURLToPath } from 'node:url';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadCodebook } from '../codebook/load.js';
import { decode } from '../corpus/decode.js';
import { DEFAULT_SPEAKERS, loadCorpus, type LoadedCorpus, type SegmentOptions } from '../corpus/index.js';
import type { Codebook, CodeUnit, Diagnostic } from '../model.js';
import { packageRoot } from '../version.js';
import { readUpTo } from '../util/read.js';
import { EXIT, UserError } from './errors.js';

/** The codebooks `themes code` uses when none is given: Norwegian, and English for English notes. */
export const DEFAULT_CODEBOOKS = ['codebooks/innovasjon.yaml', 'codebooks/innovation-en.yaml'];

/** Larger codebooks are refused before reading: a YAML parse of a huge file would take minutes. */
export const MAX_CODEBOOK_BYTES = 5 * 1024 * 1024;

export function defaultCodebookPaths(): string[] {
  return DEFAULT_CODEBOOKS.map((p) => fileURLToPath(new URL(p, packageRoot)));
}

/**
 * The language of labels and headings when --lang is not given: the first codebook's, or, with
 * the default codebooks (one of each language), English when every note is English, as the
 * English codebook codes them.
 */
export function outputLang(primary: Codebook, documents: ReadonlyArray<{ lang: string }>, defaultCodebooks: boolean): 'nb' | 'en' {
  if (defaultCodebooks && documents.length > 0 && documents.every((d) => d.lang === 'en')) return 'en';
  return primary.language === 'en' ? 'en' : 'nb';
}

/**
 * A codebook's path as outputs show it: relative to the working folder; a codebook shipped with
 * themes, run from another folder (a research project with themes installed in it), as
 * `themes:codebooks/…`, so that no home folder shows in a report someone shares, and run.json is
 * the same on every machine.
 */
function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (!rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  const own = relative(fileURLToPath(packageRoot), path);
  if (!own.startsWith('..') && !isAbsolute(own)) return `themes:${own.split(sep).join('/')}`;
  return path.split(sep).join('/');
}

/** CODEBOOK_TOO_LARGE for a codebook of `size` bytes (Infinity: a pipe or device that went on past the limit). */
export function codebookTooLarge(name: string, size: number): UserError {
  return new UserError([{
    severity: 'error', code: 'CODEBOOK_TOO_LARGE', file: name,
    message: Number.isFinite(size)
      ? `is ${Math.round(size / 1048576)} MB, over the limit of ${MAX_CODEBOOK_BYTES / 1048576} MB for a codebook`
      : `goes on past the limit of ${MAX_CODEBOOK_BYTES / 1048576} MB for a codebook`,
    hint: 'A codebook is a few hundred kB at most; check the path given to --codebook.',
  }]);
}

/** Read and validate codebooks; errors stop the run, warnings are returned (fatal with --strict). */
export function readCodebooks(paths: readonly string[], cwd: string): { codebooks: Codebook[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const codebooks: Codebook[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    const name = shown(cwd, full);
    let bytes: Buffer;
    try {
      // A file over the limit is not read; a pipe or device (-c /dev/stdin works) is read up to it.
      const read = readUpTo(full, MAX_CODEBOOK_BYTES);
      if (typeof read === 'number') throw codebookTooLarge(name, read);
      bytes = read;
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new UserError([{
        severity: 'error', code: 'CODEBOOK_NOT_FOUND', file: name, message: 'cannot be read',
        hint: 'Check the path to the codebook (--codebook FILE).',
      }]);
    }
    const loaded = loadCodebook(codebookText(bytes, name), name, bytes);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.codebook) codebooks.push(loaded.codebook);
  }
  if (diagnostics.some((d) => d.severity === 'error')) throw new UserError(diagnostics);
  diagnostics.push(...compareCodebookSet(codebooks));
  return { codebooks, diagnostics };
}

/**
 * A codebook file's text: codebooks saved by Windows editors may be UTF-16 or Windows-1252, read
 * as notes are; an image or a zip is refused. Every command that reads codebooks reads them so.
 */
export function codebookText(bytes: Uint8Array, name: string): string {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    throw new UserError([{
      severity: 'error', code: 'CODEBOOK_NOT_TEXT', file: name, message: 'is not a text file (it contains binary data)',
      hint: 'A codebook is a YAML text file; check the path you gave.',
    }]);
  }
  return decoded.text;
}

/** Codebooks used together (one per language) must name the same codes, or tables would mix. */
function compareCodebookSet(codebooks: Codebook[]): Diagnostic[] {
  const [first, ...rest] = codebooks;
  if (!first) return [];
  const ids = first.codes.map((c) => c.id).join(',');
  return rest.filter((cb) => cb.codes.map((c) => c.id).join(',') !== ids).map((cb) => ({
    severity: 'warning' as const, code: 'CODEBOOK_SET_MISMATCH', file: cb.source.path,
    message: `does not have the same codes as ${first.source.path}; tables follow ${first.source.path}`,
    hint: 'Codebooks given together are translations of one another: keep their theme and code ids the same.',
  }));
}

export interface NotesOptions {
  unit: CodeUnit;
  includeInterviewer: boolean;
  interviewerLabels?: string[];
  informantLabels?: string[];
  /** Keep the targets of Markdown links and images (check and anonymize read them: an e-mail in a mailto: link). */
  keepLinks?: boolean;
  /** Read a note whose front matter has errors as text without attributes (check reads it so). */
  readBadFrontMatter?: boolean;
}

export function readNotes(paths: readonly string[], cwd: string, options: NotesOptions): LoadedCorpus {
  return someNotes(loadCorpus(paths, cwd, segmentOptions(options)), paths);
}

export function segmentOptions(options: NotesOptions): SegmentOptions {
  checkSpeakerLabels(options);
  return {
    unit: options.unit,
    includeInterviewer: options.includeInterviewer,
    speakers: {
      interviewer: options.interviewerLabels ?? DEFAULT_SPEAKERS.interviewer,
      informant: options.informantLabels ?? DEFAULT_SPEAKERS.informant,
    },
    ...(options.keepLinks ? { keepLinks: true } : {}),
    ...(options.readBadFrontMatter ? { readBadFrontMatter: true } : {}),
  };
}

/** The notes as read, or a usage error (with every file's problem) when not one note could be used. */
export function someNotes<L extends LoadedCorpus>(loaded: L, paths: readonly string[]): L {
  if (loaded.corpus.documents.length === 0) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    throw new UserError([...loaded.diagnostics, ...(errors.length ? [] : [{
      severity: 'error' as const, code: 'NOTES_NONE', message: `no notes found in ${paths.join(', ')}`,
      hint: 'Give files or folders with .md, .markdown, .txt or .docx notes, or .vtt/.srt transcripts.',
    }])], EXIT.usage);
  }
  return loaded;
}

/**
 * A label given to both --interviewer-labels and --informant-labels (labels are matched without
 * regard to case) marks no side: its lines went to one of them without a word. A usage error.
 */
export function checkSpeakerLabels(options: Pick<NotesOptions, 'interviewerLabels' | 'informantLabels'>): void {
  if (!options.interviewerLabels || !options.informantLabels) return;
  const informant = new Set(options.informantLabels.map((l) => l.toLowerCase()));
  const both = options.interviewerLabels.filter((l) => informant.has(l.toLowerCase()));
  if (both.length === 0) return;
  throw new UserError([{
    severity: 'error', code: 'SPEAKER_LABEL_BOTH_SIDES',
    message: `${both.map((l) => `"${l}"`).join(', ')} ${both.length === 1 ? 'is' : 'are'} given to both --interviewer-labels and --informant-labels; a label marks one side`,
    hint: `Leave ${both.length === 1 ? 'it' : 'them'} out of one of the two lists, e.g. --interviewer-labels I,Intervjuer --informant-labels R,Informant.`,
  }], EXIT.usage);
}
