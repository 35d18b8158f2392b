// A human coder's coding: inline marks in the notes, or a CSV of document,line,code.
import type { Coding, Corpus, Diagnostic, Document, InlineMark } from '../model.js';

/** The minimum a unit needs for human codings to be placed on it. */
export interface UnitPlace {
  id: string;
  document: string;
  line: number;
  text: string;
  start?: number;
  end?: number;
}

/**
 * The notes with units but no {#code} mark: a coder who marks notes coded nothing in them, which
 * reads as a coding of nothing wherever another coder found something. With `shown`, their paths,
 * the first three and «…» after them, for a message.
 */
export function unmarkedNotes(corpus: Corpus): { notes: Document[]; shown: string } {
  const withUnits = new Set(corpus.segments.map((s) => s.document));
  const notes = corpus.documents.filter((d) => !d.marks?.length && withUnits.has(d.id));
  return { notes, shown: notes.slice(0, 3).map((d) => d.path).join(', ') + (notes.length > 3 ? ', …' : '') };
}

/**
 * Marks → codings. A mark codes the unit it stands in, or the unit that ends just before it with
 * only white space between (a mark at the end of a paragraph). Other marks are reported.
 */
export function codingsFromMarks(corpus: Corpus, coder = 'human'): { codings: Coding[]; diagnostics: Diagnostic[] } {
  const codings: Coding[] = [];
  const diagnostics: Diagnostic[] = [];
  const byDoc = new Map<string, typeof corpus.segments[number][]>();
  for (const s of corpus.segments) {
    const list = byDoc.get(s.document);
    if (list) list.push(s);
    else byDoc.set(s.document, [s]);
  }
  const seen = new Set<string>();
  for (const doc of corpus.documents) {
    const segments = byDoc.get(doc.id) ?? [];
    for (const mark of doc.marks ?? []) {
      const segment = unitOfMark(doc, segments, mark.start);
      if (!segment) {
        diagnostics.push({
          severity: 'warning', code: 'HUMAN_MARK_UNATTACHED', file: doc.path, line: mark.line, column: mark.column,
          message: `the mark {#${mark.codes.join(' #')}} does not follow a unit that is coded (is it after an interviewer turn or a heading?)`,
          hint: 'Put the mark at the end of the paragraph, sentence or turn it codes.',
        });
        continue;
      }
      for (const code of mark.codes) {
        const key = `${segment.id}\u0000${code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        codings.push({ segment: segment.id, code, method: 'human', evidence: [], coder });
      }
    }
  }
  return { codings: sortCodings(codings, corpus.segments), diagnostics };
}

/**
 * The mark that wrote `code` on a unit, for a message that points at it: a mark stands in its unit
 * or right after it, so it is the first at or after the unit's start with the code (the unit's
 * first line can be lines above it).
 */
export function markOfCoding(doc: Document | undefined, unit: { start: number }, code: string): InlineMark | undefined {
  return doc?.marks?.find((m) => m.start >= unit.start && m.codes.includes(code));
}

function unitOfMark<S extends { start: number; end: number }>(doc: Document, segments: readonly S[], at: number): S | undefined {
  let found: S | undefined;
  for (const s of segments) if (s.start <= at) found = s;
  if (!found) return undefined;
  if (at <= found.end) return found;
  return doc.text.slice(found.end, at).trim() === '' ? found : undefined;
}

/** Parse a CSV with the header `document,line,code` (quotes allowed). Pure. */
export function parseHumanCsv(text: string, file: string): { rows: Array<{ document: string; line: number; code: string; row: number; coder?: string }>; diagnostics: Diagnostic[] } {
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const diagnostics: Diagnostic[] = [];
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('document') === -1 || col('line') === -1 || col('code') === -1) {
    return { rows: [], diagnostics: [{
      severity: 'error', code: 'HUMAN_CSV_HEADER', file, line: 1, column: 1,
      message: `the first row must be the header document,line,code (found "${(records[0] ?? []).join(',')}")`,
      hint: 'Write one coding per row: the note (id or file name), a line inside the unit, and the code id.',
    }] };
  }
  // An optional coder column (what themes import qdpx writes: the project's user of each coding).
  const coderCol = col('coder');
  const rows: Array<{ document: string; line: number; code: string; row: number; coder?: string }> = [];
  records.slice(1).forEach((r, i) => {
    if (r.every((c) => c.trim() === '')) return;
    const document = (r[col('document')] ?? '').trim();
    const line = Number((r[col('line')] ?? '').trim());
    const code = (r[col('code')] ?? '').trim().replace(/^#/, '');
    if (!document || !Number.isInteger(line) || line < 1 || !/^[a-z0-9][a-z0-9-]*$/.test(code)) {
      diagnostics.push({
        severity: 'error', code: 'HUMAN_CSV_ROW', file, line: i + 2, column: 1,
        message: `row ${i + 2} is not "document,line,code" with a line number and a code id: "${r.join(',')}"`,
        hint: 'Example row: informant-03,14,lack-of-time',
      });
      return;
    }
    rows.push({ document, line, code, row: i + 2, ...(coderCol === -1 ? {} : { coder: (r[coderCol] ?? '').trim() }) });
  });
  return { rows, diagnostics };
}

/**
 * CSV rows → codings on units. `document` may be the note id, its file path or its file name;
 * `line` any line inside the unit.
 */
export function codingsFromCsv(
  rows: ReadonlyArray<{ document: string; line: number; code: string; row: number }>,
  units: readonly UnitPlace[], documentNames: ReadonlyMap<string, string>, file: string, coder = 'human',
): { codings: Coding[]; documents: Set<string>; diagnostics: Diagnostic[] } {
  const byDoc = new Map<string, UnitPlace[]>();
  for (const u of units) {
    const list = byDoc.get(u.document);
    if (list) list.push(u);
    else byDoc.set(u.document, [u]);
  }
  const codings: Coding[] = [];
  const diagnostics: Diagnostic[] = [];
  const documents = new Set<string>();
  const seen = new Set<string>();
  for (const r of rows) {
    const doc = documentNames.get(r.document) ?? documentNames.get(r.document.replace(/^.*\//, '').replace(/\.[^.]+$/, ''));
    if (doc === undefined) {
      diagnostics.push({
        severity: 'warning', code: 'HUMAN_CSV_UNKNOWN_DOCUMENT', file, line: r.row, column: 1,
        message: `"${r.document}" is not one of the notes; the row is left out`,
        hint: 'Use the note id (front matter id or file name without extension) or its path.',
      });
      continue;
    }
    documents.add(doc);
    const covering = (byDoc.get(doc) ?? []).filter((u) => r.line >= u.line && r.line <= u.line + lineCount(u.text) - 1);
    if (covering.length > 1) {
      // Sentence units: one typed line holds several, and a line number cannot say which.
      diagnostics.push({
        severity: 'error', code: 'HUMAN_CSV_LINE_AMBIGUOUS', file, line: r.row, column: 1,
        message: `line ${r.line} of ${r.document} holds ${covering.length} units (sentences), and a CSV row cannot say which one is coded; the row is left out`,
        hint: 'Code sentences with inline marks ({#code} right after the sentence), or compare by paragraph or turn (--unit).',
      });
      continue;
    }
    const unit = covering[0];
    if (!unit) {
      // A line past every unit is more often a typo (999 for 99) than a blank or interviewer line.
      const last = Math.max(0, ...(byDoc.get(doc) ?? []).map((u) => u.line + lineCount(u.text) - 1));
      diagnostics.push({
        severity: 'warning', code: 'HUMAN_CSV_NO_UNIT', file, line: r.row, column: 1,
        message: r.line > last && last > 0
          ? `line ${r.line} of ${r.document} is after the last coded unit of the note, which ends on line ${last}; the row is left out`
          : `line ${r.line} of ${r.document} is not inside a coded unit (blank, heading or interviewer line); the row is left out`,
        hint: 'Give a line of the paragraph, sentence or informant turn you coded.',
      });
      continue;
    }
    const key = `${unit.id}\u0000${r.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codings.push({ segment: unit.id, code: r.code, method: 'human', evidence: [], coder });
  }
  return { codings, documents, diagnostics };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function sortCodings(codings: Coding[], segments: ReadonlyArray<{ id: string; index: number }>): Coding[] {
  const order = new Map(segments.map((s) => [s.id, s.index]));
  return codings.sort((a, b) => (order.get(a.segment)! - order.get(b.segment)!) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',' || ch === ';') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}
