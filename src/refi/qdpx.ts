// Writing a REFI-QDA project (.qdpx): notes as UTF-8 text sources, codings as PlainTextSelections.
import { zipSync } from 'fflate';
import type { AttributeValue, Codebook, Coding, Corpus, Diagnostic, Document, Segment } from '../model.js';
import { markOfCoding } from '../coding/human.js';
import { codeGuid, codeTreeXml, origin, themeGuid } from './qdc.js';
import { guidFor } from './guid.js';
import { codePointOffset } from './positions.js';
import { esc, escText } from './xml.js';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';

export interface ProjectOptions {
  name: string;
  lang: 'nb' | 'en';
  version: string;
  /** How each document becomes a case: the informant it belongs to. */
  caseOf: (doc: Document) => string;
}

export interface BuiltProject {
  /** The files of the archive: project.qde and sources/<GUID>.txt. */
  files: Map<string, Uint8Array>;
  /** Codings written into the project (those with codes the codebook lacks are left out). */
  codings: number;
  diagnostics: Diagnostic[];
}

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date';

function variableType(values: AttributeValue[]): VariableType {
  if (values.every((v) => typeof v === 'boolean')) return 'Boolean';
  // Only values the schema's xsd:integer, xsd:decimal and xsd:date accept as written.
  if (values.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return 'Integer';
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v) && !/e/i.test(String(v)))) return 'Float';
  if (values.every((v) => typeof v === 'string' && isDate(v))) return 'Date';
  return 'Text';
}

function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function variableValue(type: VariableType, v: AttributeValue): string {
  const tag = type === 'Text' ? 'TextValue' : `${type}Value`;
  return `<${tag}>${escText(String(v))}</${tag}>`;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The project as files. Positions are code points into the exact text written to the source
 * file (front matter included, so file:line in our outputs still points at the same line).
 */
export function buildProject(corpus: Corpus, codebook: Codebook, codings: readonly Coding[], options: ProjectOptions): BuiltProject {
  const diagnostics: Diagnostic[] = [];
  const known = new Set(codebook.codes.map((c) => c.id));
  const themeIds = new Set<string>();
  const walk = (ts: Codebook['themes']) => ts.forEach((t) => { themeIds.add(t.id); walk(t.themes); });
  walk(codebook.themes);
  const coders = [...new Set(codings.map((c) => c.coder ?? (c.method === 'human' ? 'human' : 'themes')))].sort(byString);
  const userGuid = (name: string) => guidFor(`user:${name}`);

  const unknown = new Map<string, { n: number; segment: string }>();
  const bySegment = new Map<string, Coding[]>();
  for (const c of codings) {
    if (!known.has(c.code) && !themeIds.has(c.code)) {
      const seen = unknown.get(c.code);
      if (seen) seen.n++;
      else unknown.set(c.code, { n: 1, segment: c.segment });
      continue;
    }
    const list = bySegment.get(c.segment);
    if (list) list.push(c);
    else bySegment.set(c.segment, [c]);
  }
  // Each unknown code is reported at its first use in the notes (a mark a human wrote), where
  // it can be corrected; the codebook is named in the message.
  const segmentOf = new Map(corpus.segments.map((s) => [s.id, s]));
  const docOf = new Map(corpus.documents.map((d) => [d.id, d]));
  for (const [code, { n, segment }] of [...unknown].sort((a, b) => byString(a[0], b[0]))) {
    const s = segmentOf.get(segment);
    const mark = s ? markOfCoding(docOf.get(s.document), s, code) : undefined;
    diagnostics.push({
      severity: 'warning', code: 'QDPX_UNKNOWN_CODE',
      ...(s ? { file: docOf.get(s.document)?.path ?? s.document, line: mark?.line ?? s.line, ...(mark ? { column: mark.column } : {}) } : { file: codebook.source.path }),
      message: `${n} coding(s) use the code "${code}", which is not in the codebook ${codebook.source.path}; they are left out of the project`,
      hint: 'Add the code to the codebook, or correct the marks.',
    });
  }

  const attrKeys = [...new Set(corpus.documents.flatMap((d) => Object.keys(d.attributes)))].filter((k) => k !== 'id').sort(byString);
  const types = new Map(attrKeys.map((k) => [k, variableType(corpus.documents.flatMap((d) => (d.attributes[k] === undefined ? [] : [d.attributes[k]!])))]));
  const variableGuid = (k: string) => guidFor(`variable:${k}`);

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="utf-8"?>');
  out.push(`<Project xmlns="${PROJECT_NS}" name="${esc(options.name)}" origin="${esc(origin(codebook, options.version))}">`);
  if (coders.length > 0) {
    out.push('  <Users>');
    for (const u of coders) out.push(`    <User guid="${userGuid(u)}" name="${esc(u)}"/>`);
    out.push('  </Users>');
  }
  out.push('  <CodeBook>', '    <Codes>', codeTreeXml(codebook, options.lang, '      '), '    </Codes>', '  </CodeBook>');
  if (attrKeys.length > 0) {
    out.push('  <Variables>');
    for (const k of attrKeys) out.push(`    <Variable guid="${variableGuid(k)}" name="${esc(k)}" typeOfVariable="${types.get(k)}"/>`);
    out.push('  </Variables>');
  }
  const cases = new Map<string, Document[]>();
  for (const d of corpus.documents) {
    const name = options.caseOf(d);
    const list = cases.get(name);
    if (list) list.push(d);
    else cases.set(name, [d]);
  }
  if (cases.size > 0) {
    out.push('  <Cases>');
    for (const [name, list] of [...cases].sort((a, b) => byString(a[0], b[0]))) {
      out.push(`    <Case guid="${guidFor(`case:${name}`)}" name="${esc(name)}">`);
      for (const k of attrKeys) {
        // A case's value is its first note's (notes of one informant normally agree).
        const v = list.map((d) => d.attributes[k]).find((x) => x !== undefined);
        if (v === undefined) continue;
        out.push(`      <VariableValue><VariableRef targetGUID="${variableGuid(k)}"/>${variableValue(types.get(k)!, v)}</VariableValue>`);
      }
      for (const d of list) out.push(`      <SourceRef targetGUID="${sourceGuid(d.id)}"/>`);
      out.push('    </Case>');
    }
    out.push('  </Cases>');
  }
  const files = new Map<string, Uint8Array>();
  const encoder = new TextEncoder();
  if (corpus.documents.length > 0) {
    out.push('  <Sources>');
    // The coded segments of each document, found in one walk (not one walk per document).
    const coded = new Map<string, Segment[]>();
    for (const s of corpus.segments) {
      if (!bySegment.has(s.id)) continue;
      const list = coded.get(s.document);
      if (list) list.push(s);
      else coded.set(s.document, [s]);
    }
    for (const d of corpus.documents) {
      const guid = sourceGuid(d.id);
      files.set(`sources/${guid}.txt`, encoder.encode(d.text));
      const selections = coded.get(d.id) ?? [];
      // Code points are counted on from the last selection (they come in text order), not from
      // the start of the text for each: a note of 100,000 list items took six minutes.
      let at = 0;
      let points = 0;
      const open = `    <TextSource guid="${guid}" name="${esc(d.id)}" plainTextPath="internal://${guid}.txt"`;
      if (selections.length === 0) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      for (const s of selections) {
        if (s.start < at) {
          at = 0;
          points = 0;
        }
        points += codePointOffset(d.text.slice(at, s.start), s.start - at);
        at = s.start;
        const start = points;
        const end = start + codePointOffset(d.text.slice(s.start, s.end), s.end - s.start);
        out.push(`      <PlainTextSelection guid="${guidFor(`selection:${s.id}`)}" name="${esc(s.id)}" startPosition="${start}" endPosition="${end}">`);
        const list = [...bySegment.get(s.id)!].sort((a, b) => byString(a.code, b.code) || byString(a.coder ?? '', b.coder ?? ''));
        for (const c of list) {
          const coder = c.coder ?? (c.method === 'human' ? 'human' : 'themes');
          const target = known.has(c.code) ? codeGuid(c.code) : themeGuid(c.code);
          out.push(`        <Coding guid="${guidFor(`coding:${s.id}:${c.code}:${coder}`)}" creatingUser="${userGuid(coder)}"><CodeRef targetGUID="${target}"/></Coding>`);
        }
        out.push('      </PlainTextSelection>');
      }
      out.push('    </TextSource>');
    }
    out.push('  </Sources>');
  }
  out.push('</Project>', '');
  const all = new Map<string, Uint8Array>([['project.qde', encoder.encode(out.join('\n'))], ...[...files].sort((a, b) => byString(a[0], b[0]))]);
  let written = 0;
  for (const list of bySegment.values()) written += list.length;
  return { files: all, codings: written, diagnostics };
}

export function sourceGuid(documentId: string): string {
  return guidFor(`source:${documentId}`);
}

/** Zip with a fixed time stamp (local-time fields, so the bytes do not depend on the time zone). */
export function zipProject(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const mtime = new Date(2000, 0, 1, 0, 0, 0);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, data] of files) entries[name] = [data, { mtime }];
  return zipSync(entries, { level: 6, mtime });
}
