// The inputs of `themes agree`: each file or folder becomes one coder (a project may hold several).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { AgreeUnit, Coder } from '../../../analysis/agree.js';
import { codingsFromCsv, codingsFromMarks, parseHumanCsv, unmarkedNotes } from '../../../coding/human.js';
import { DEFAULT_SPEAKERS, type SegmentOptions } from '../../../corpus/index.js';
import { parseNote } from '../../../corpus/document.js';
import { sentenceRanges } from '../../../corpus/sentences.js';
import { NOTE_EXTENSIONS } from '../../../corpus/files.js';
import type { Diagnostic, Segment } from '../../../model.js';
import { readProject } from '../../../refi/read-project.js';
import { readNotes, type NotesOptions } from '../../load.js';

export interface LoadedCoder extends Coder {
  /** Units this input defines (with their text), to build the list of units. */
  units: AgreeUnit[];
}

export interface PendingCsv {
  name: string;
  file: string;
  rows: ReturnType<typeof parseHumanCsv>['rows'];
  /** The user "themes" of an imported project is the automatic coding; every other CSV coder is human. */
  kind?: Coder['kind'];
}

export interface LoadedInputs {
  coders: Array<LoadedCoder | PendingCsv>;
  diagnostics: Diagnostic[];
  failed: string[];
}

/**
 * The users (coders) of an input that records several: a REFI-QDA project's users, or the coder
 * column of a CSV (which themes import qdpx writes). Each becomes a coder of its own, named
 * `input:user`: read as one, their codings were pooled, and a code that either user gave counted as
 * the input's, which lowered agreement with the others without a word. `--user` keeps only those
 * named. Pure.
 */
export function pickUsers(found: readonly string[], wanted: readonly string[] | undefined): string[] {
  return wanted === undefined || found.length <= 1 ? [...found] : found.filter((u) => wanted.includes(u));
}

/** `themes export qdpx` writes the automatic coding as the user "themes"; every other user is a human coder. */
function userKind(user: string | undefined): Coder['kind'] {
  return user === 'themes' ? 'auto' : 'human';
}

/** The rows of a CSV by the coder column's value, in the order of the users' names; one group when the column is absent or holds one value. */
function rowsByUser(rows: PendingCsv['rows']): Map<string, PendingCsv['rows']> {
  const groups = new Map<string, PendingCsv['rows']>();
  for (const r of rows) {
    const user = r.coder === undefined || r.coder === '' ? 'unknown' : r.coder;
    const list = groups.get(user);
    if (list) list.push(r);
    else groups.set(user, [r]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

type Kind = 'jsonl' | 'notes' | 'csv' | 'project' | 'imported';

function shown(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? path : rel.startsWith('..') ? path : rel).split(sep).join('/');
}

/** `anna=coding.csv` names a coder; a path that exists as typed is never split. */
export function splitName(arg: string, cwd: string): { name?: string; path: string } {
  const eq = arg.indexOf('=');
  if (eq > 0 && !existsSync(resolve(cwd, arg)) && !arg.slice(0, eq).includes('/')) return { name: arg.slice(0, eq), path: arg.slice(eq + 1) };
  return { path: arg };
}

function classify(full: string): Kind | undefined {
  const st = statSync(full);
  if (st.isDirectory()) {
    if (existsSync(join(full, 'segments.jsonl'))) return 'jsonl';
    // What `themes import qdpx` writes: notes/ and codings.csv.
    if (existsSync(join(full, 'codings.csv')) && existsSync(join(full, 'notes'))) return 'imported';
    return 'notes';
  }
  const lower = full.toLowerCase();
  if (lower.endsWith('.jsonl')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.qdpx') || lower.endsWith('.qde')) return 'project';
  if (NOTE_EXTENSIONS.some((e) => lower.endsWith(e))) return 'notes';
  return undefined;
}

export async function loadInputs(args: readonly string[], cwd: string, notes: NotesOptions, wanted?: readonly string[]): Promise<LoadedInputs & { users: Map<string, string[]> }> {
  const coders: Array<LoadedCoder | PendingCsv> = [];
  const diagnostics: Diagnostic[] = [];
  const failed: string[] = [];
  // The users of each input that has several: for --user's check and its hint.
  const users = new Map<string, string[]>();
  const split = (file: string, found: string[]): string[] => {
    if (found.length <= 1) return found;
    users.set(file, found);
    const picked = pickUsers(found, wanted);
    if (picked.length === 0) {
      diagnostics.push({
        severity: 'warning', code: 'AGREE_USER_NOT_IN_INPUT', file,
        message: `has none of the users --user names (${wanted!.join(', ')}); its users are ${found.join(', ')}, and it is left out`,
        hint: 'Name a user of each input coded by several users (repeat --user), or leave out --user to compare every user.',
      });
    }
    return picked;
  };
  const fail = (file: string, code: string, message: string, hint: string) => {
    diagnostics.push({ severity: 'error', code, file, message, hint });
    failed.push(file);
  };
  for (const arg of args) {
    const { name, path } = splitName(arg, cwd);
    const full = resolve(cwd, path);
    const file = shown(cwd, full);
    if (!existsSync(full)) {
      fail(path, 'INPUT_NOT_FOUND', 'does not exist', 'Give segments.jsonl files, `themes code --out` folders, notes with marks, CSV codings or .qdpx projects.');
      continue;
    }
    const kind = classify(full);
    const coderName = name ?? defaultName(full);
    if (kind === undefined) {
      fail(file, 'AGREE_UNKNOWN_INPUT', 'is not a coding themes can read', 'Give a segments.jsonl, a folder from `themes code --out`, notes (.md, .txt, .docx) with {#code} marks, a document,line,code CSV, or a .qdpx project.');
      continue;
    }
    if (kind === 'jsonl') {
      const loaded = readJsonl(full, file, coderName, notes.unit);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.coder) coders.push(loaded.coder);
      else failed.push(file);
    } else if (kind === 'notes') {
      const corpus = readNotes([path], cwd, notes);
      diagnostics.push(...corpus.diagnostics);
      failed.push(...corpus.failed);
      const marks = codingsFromMarks(corpus.corpus, coderName);
      diagnostics.push(...marks.diagnostics);
      if (corpus.corpus.documents.every((d) => !d.marks?.length)) {
        diagnostics.push({ severity: 'warning', code: 'AGREE_NO_MARKS', file, message: 'has no {#code} marks; read as a coder who coded nothing', hint: 'Mark codes at the end of paragraphs: {#lack-of-time #idea-box}.' });
      } else {
        // Some notes marked, others not (a copy of all the notes with a few coded): the others are
        // read as coded with nothing, which lowers agreement wherever another coder found a code.
        const { notes: unmarked, shown: listed } = unmarkedNotes(corpus.corpus);
        if (unmarked.length > 0) {
          diagnostics.push({
            severity: 'warning', code: 'AGREE_NO_MARKS', file,
            message: `${unmarked.length} of ${corpus.corpus.documents.length} notes have no {#code} marks; each is read as coded with nothing (${listed})`,
            hint: 'Mark them too, or give only the notes this coder coded (the files, or a folder of them).',
          });
        }
      }
      const pathOf = new Map(corpus.corpus.documents.map((d) => [d.id, d.path]));
      coders.push(coderFrom(coderName, 'human', corpus.corpus.segments, (d) => pathOf.get(d) ?? d, marks.codings));
    } else if (kind === 'imported') {
      const corpus = readNotes([join(path, 'notes')], cwd, notes);
      diagnostics.push(...corpus.diagnostics);
      failed.push(...corpus.failed);
      const pathOf = new Map(corpus.corpus.documents.map((d) => [d.id, d.path]));
      const units = corpus.corpus.segments.map((s) => ({ id: s.id, document: s.document, file: pathOf.get(s.document) ?? s.document, line: s.line, text: s.text }));
      const csvFile = `${file}/codings.csv`;
      const parsed = parseHumanCsv(readFileSync(join(full, 'codings.csv'), 'utf8'), csvFile);
      diagnostics.push(...parsed.diagnostics);
      // One coder per user of the project it came from, each of whom saw every unit of its notes.
      const groups = rowsByUser(parsed.rows);
      const several = groups.size > 1;
      for (const user of split(file, [...groups.keys()])) {
        const resolved = resolveCsv({ name: several ? `${coderName}:${user}` : coderName, file: csvFile, rows: groups.get(user)!, kind: userKind(user) }, units);
        diagnostics.push(...resolved.diagnostics);
        coders.push({ ...resolved.coder, units, seen: new Set(units.map((u) => u.id)) });
      }
      if (groups.size === 0) coders.push({ name: coderName, kind: 'human', units, seen: new Set(units.map((u) => u.id)), codes: new Map() });
    } else if (kind === 'csv') {
      const parsed = parseHumanCsv(readFileSync(full, 'utf8'), file);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.diagnostics.some((d) => d.code === 'HUMAN_CSV_HEADER')) failed.push(file);
      else {
        if (parsed.rows.length === 0 && parsed.diagnostics.length === 0) {
          diagnostics.push({ severity: 'warning', code: 'AGREE_EMPTY_CSV', file, message: 'has no coding rows: it names no note, so this coder saw no unit and counts nowhere', hint: 'A CSV coder is taken to have read the notes its rows name; add the rows, or compare notes with {#code} marks, where a note without marks counts as coded with nothing.' });
        }
        const groups = rowsByUser(parsed.rows);
        if (groups.size <= 1) coders.push({ name: coderName, file, rows: parsed.rows });
        else for (const user of split(file, [...groups.keys()])) coders.push({ name: `${coderName}:${user}`, file, rows: groups.get(user)!, kind: userKind(user) });
      }
    } else {
      const project = readProject(readFileSync(full), file, { id: 'imported', language: 'nb' });
      diagnostics.push(...project.diagnostics);
      if (!project.project) {
        failed.push(file);
        continue;
      }
      coders.push(...projectCoders(project.project, coderName, file, notes, (found) => split(file, found)));
    }
  }
  return { coders, diagnostics, failed, users };
}

function defaultName(full: string): string {
  const base = basename(full);
  if (base === 'segments.jsonl') return basename(resolve(full, '..'));
  return base.replace(/\.[^.]+$/, '');
}

function coderFrom(name: string, kind: Coder['kind'], segments: ReadonlyArray<Pick<Segment, 'id' | 'document' | 'line' | 'text'>>, fileOf: (doc: string) => string,
  codings: ReadonlyArray<{ segment: string; code: string }>): LoadedCoder {
  const codes = new Map<string, Set<string>>();
  for (const c of codings) {
    const set = codes.get(c.segment);
    if (set) set.add(c.code);
    else codes.set(c.segment, new Set([c.code]));
  }
  const units = segments.map((s) => ({ id: s.id, document: s.document, file: fileOf(s.document), line: s.line, text: s.text }));
  return { name, kind, units, seen: new Set(units.map((u) => u.id)), codes };
}

interface JsonlRow { id: string; document: string; file?: string; line: number; text: string; codes?: Array<{ code: string; method?: string }> }

/** What makes a parsed line no segment record as `themes code --out` writes them, or undefined. */
export function recordProblem(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'not a JSON object';
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.document !== 'string' || typeof r.line !== 'number') return 'missing id, document or line';
  if (typeof r.text !== 'string') return 'its text is not a string';
  if (r.file !== undefined && typeof r.file !== 'string') return 'its file is not a string';
  if (r.codes === undefined) return undefined;
  if (!Array.isArray(r.codes)) return 'its codes are not a list';
  const bad = r.codes.find((c: unknown) => typeof c !== 'object' || c === null || typeof (c as { code?: unknown }).code !== 'string'
    || !['undefined', 'string'].includes(typeof (c as { method?: unknown }).method));
  return bad === undefined ? undefined : `a code is not an object with a code id (${JSON.stringify(bad)})`;
}

function readJsonl(full: string, file: string, name: string, unit: string): { coder?: LoadedCoder; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const dir = statSync(full).isDirectory() ? full : undefined;
  const jsonl = dir ? join(dir, 'segments.jsonl') : full;
  const shownJsonl = dir ? `${file}/segments.jsonl` : file;
  const runJson = dir ? join(dir, 'run.json') : join(resolve(full, '..'), 'run.json');
  let runUnit: string | undefined;
  if (existsSync(runJson)) {
    try {
      const run = JSON.parse(readFileSync(runJson, 'utf8')) as { options?: { unit?: string } };
      runUnit = run.options?.unit;
      if (runUnit && runUnit !== unit) {
        diagnostics.push({ severity: 'error', code: 'AGREE_UNIT_MISMATCH', file: shownJsonl, message: `was coded by ${runUnit}, but agreement is computed by ${unit}`, hint: `Add --unit ${runUnit}, or code again with --unit ${unit}.` });
        return { diagnostics };
      }
    } catch { /* run.json is optional provenance; a damaged one does not stop agreement */ }
  }
  const rows: JsonlRow[] = [];
  const lines = readFileSync(jsonl, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    try {
      const row = JSON.parse(lines[i]!) as unknown;
      const problem = recordProblem(row);
      if (problem) throw new Error(problem);
      rows.push(row as JsonlRow);
    } catch (e) {
      diagnostics.push({ severity: 'error', code: 'AGREE_JSONL_SYNTAX', file: shownJsonl, line: i + 1, column: 1, message: `line ${i + 1} is not a segment record (${(e as Error).message})`, hint: 'Give the segments.jsonl that `themes code --out` wrote.' });
      return { diagnostics };
    }
  }
  // A segments.jsonl copied away from its run.json: the units themselves tell most mix-ups.
  const seenUnit = runUnit === undefined ? unitOfRows(rows, unit) : undefined;
  if (seenUnit) {
    diagnostics.push({ severity: 'error', code: 'AGREE_UNIT_MISMATCH', file: shownJsonl, message: `looks coded by ${seenUnit.unit} (${seenUnit.why}), but agreement is computed by ${unit}`, hint: `Add --unit ${seenUnit.unit.replace(' or ', ' or --unit ')}, or code again with --unit ${unit}.` });
    return { diagnostics };
  }
  const methods = new Set(rows.flatMap((r) => (r.codes ?? []).map((c) => c.method ?? 'deductive')));
  const kind: Coder['kind'] = methods.size > 0 && [...methods].every((m) => m === 'human') ? 'human' : 'auto';
  const fileOf = new Map(rows.map((r) => [r.document, r.file ?? r.document]));
  const codings = rows.flatMap((r) => (r.codes ?? []).map((c) => ({ segment: r.id, code: c.code })));
  return { coder: coderFrom(name, kind, rows, (d) => fileOf.get(d) ?? d, codings), diagnostics };
}

/**
 * The unit a run without its run.json was coded by, where its records show it is not `unit`: a
 * second unit on one line (`note:12#2`) is a sentence; a record across a blank line is a turn;
 * records of several sentences (a quarter of them, so that a sentence the splitter reads
 * differently in masked text cannot decide) with no second unit on any line are paragraphs or
 * turns. Undefined when nothing contradicts `unit`.
 */
export function unitOfRows(rows: ReadonlyArray<{ id: string; text?: unknown }>, unit: string): { unit: string; why: string } | undefined {
  const texts = rows.map((r) => (typeof r.text === 'string' ? r.text : ''));
  const second = rows.find((r) => /#\d+$/.test(r.id));
  if (unit !== 'sentence' && second) return { unit: 'sentence', why: `${second.id} is a second unit on its line` };
  const turn = rows.findIndex((_, i) => /\n[ \t]*\n/.test(texts[i]!));
  if (unit === 'paragraph' && turn !== -1) return { unit: 'turn', why: `${rows[turn]!.id} holds several paragraphs` };
  if (unit === 'sentence' && !second) {
    const several = rows.filter((_, i) => sentenceRanges(texts[i]!).length > 1);
    if (several.length > 0 && several.length * 4 >= rows.length) return { unit: 'paragraph or turn', why: `${several.length === 1 ? `${several[0]!.id} holds` : `${several[0]!.id} and ${several.length - 1} more hold`} several sentences` };
  }
  return undefined;
}

/** A project's codings, one coder per user when several users coded. Its sources are segmented like notes. */
function projectCoders(project: NonNullable<ReturnType<typeof readProject>['project']>, name: string, file: string, notes: NotesOptions, pick: (users: string[]) => string[]): LoadedCoder[] {
  const options: SegmentOptions = {
    unit: notes.unit, includeInterviewer: notes.includeInterviewer,
    speakers: { interviewer: notes.interviewerLabels ?? DEFAULT_SPEAKERS.interviewer, informant: notes.informantLabels ?? DEFAULT_SPEAKERS.informant },
  };
  const encoder = new TextEncoder();
  const segmentsBySource = new Map<string, Array<Omit<Segment, 'index'>>>();
  const docOf = new Map<string, string>();
  for (const s of project.sources) {
    const note = parseNote(s.fileName, encoder.encode(s.text), options);
    if (!note.document) continue;
    segmentsBySource.set(s.guid, note.segments);
    docOf.set(note.document.id, `${file}:${s.fileName}`);
  }
  const users = [...new Set(project.codings.map((c) => c.user))].sort();
  const all = [...segmentsBySource.values()].flat();
  const build = (coder: string, user?: string): LoadedCoder => {
    const codings: Array<{ segment: string; code: string }> = [];
    for (const c of project.codings) {
      if (user !== undefined && c.user !== user) continue;
      for (const seg of segmentsBySource.get(c.source) ?? []) {
        const from = Math.max(seg.start, c.start);
        const to = Math.min(seg.end, c.end);
        if (to > from && seg.text.slice(from - seg.start, to - seg.start).trim() !== '') codings.push({ segment: seg.id, code: c.code });
      }
    }
    return coderFrom(coder, userKind(user ?? (users.length === 1 ? users[0] : undefined)), all, (d) => docOf.get(d) ?? d, codings);
  };
  if (users.length <= 1) return [build(name)];
  return pick(users).map((u) => build(`${name}:${u}`, u));
}

/** CSV codings are placed on the units the other inputs (or --notes) define; a CSV coder saw every unit of the notes it names. */
export function resolveCsv(pending: PendingCsv, units: readonly AgreeUnit[]): { coder: LoadedCoder; diagnostics: Diagnostic[] } {
  const names = new Map<string, string>();
  for (const u of units) {
    names.set(u.document, u.document);
    names.set(u.file, u.document);
    names.set(u.file.replace(/^.*\//, ''), u.document);
    names.set(u.file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''), u.document);
  }
  const { codings, documents, diagnostics } = codingsFromCsv(pending.rows, units, names, pending.file, pending.name);
  const mine = units.filter((u) => documents.has(u.document));
  const codes = new Map<string, Set<string>>();
  for (const c of codings) {
    const set = codes.get(c.segment);
    if (set) set.add(c.code);
    else codes.set(c.segment, new Set([c.code]));
  }
  return { coder: { name: pending.name, kind: pending.kind ?? 'human', units: [], seen: new Set(mine.map((u) => u.id)), codes }, diagnostics };
}
