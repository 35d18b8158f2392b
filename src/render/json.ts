import type { CodeReport } from '../analysis/report.js';
import type { Coding, Segment } from '../model.js';
import { toolInfo } from '../version.js';
import { roundHalf } from './format.js';

/** Version of the JSON shapes below; bump when a field changes meaning. */
export const JSON_VERSION = 1;

export function reportJson(report: CodeReport): string {
  const tool = toolInfo();
  return `${JSON.stringify({
    version: JSON_VERSION,
    tool: { name: tool.name, version: tool.version },
    ...codebookFields(report),
    corpus: {
      documents: report.corpus.documents.length,
      informants: report.informants.length,
      segments: report.corpus.segments.length,
      unit: report.corpus.unit,
    },
    frequencies: report.frequencies.map((r) => ({
      kind: r.kind, id: r.id, parent: r.path[r.path.length - 1] ?? null, label: report.label(r.id),
      segments: r.segments, informants: r.informants, share: roundHalf(r.share, 4),
    })),
    quotes: report.quotes,
    ...(report.inductive ? { inductive: report.human ? { ...report.inductive, coding: 'human' } : report.inductive } : {}),
  }, null, 2)}\n`;
}

/**
 * `codebook`: the first codebook that coded the notes (English notes alone under the default
 * codebooks: innovation-en, which the field named innovasjon before); `codebooks`: every codebook
 * that coded notes, with its language, sha256 and number of notes.
 */
export function codebookFields(report: Pick<CodeReport, 'codebook' | 'codebooksUsed'>): { codebook: { id: string; sha256: string }; codebooks: Array<{ id: string; language: string; sha256: string; documents: number }> } {
  const used = report.codebooksUsed ?? [];
  const first = used[0]?.codebook ?? report.codebook;
  return {
    codebook: { id: first.id, sha256: first.source.sha256 },
    codebooks: used.map((u) => ({ id: u.codebook.id, language: u.codebook.language, sha256: u.codebook.source.sha256, documents: u.documents })),
  };
}

/** One JSON object per segment, with its codes and their evidence: the traceable record of a run. */
export function segmentsJsonl(segments: readonly Segment[], codings: readonly Coding[], themeOf: (code: string) => string[], path: (doc: string) => string): string {
  const bySegment = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = bySegment.get(c.segment);
    if (list) list.push(c);
    else bySegment.set(c.segment, [c]);
  }
  let out = '';
  for (const s of segments) {
    const codes = bySegment.get(s.id) ?? [];
    const themes = [...new Set(codes.flatMap((c) => themeOf(c.code)))];
    out += `${JSON.stringify({
      id: s.id, document: s.document, file: path(s.document), line: s.line, start: s.start, end: s.end,
      speaker: s.speaker ?? null, headings: s.headings, text: s.text, ...(s.asked ? { asked: s.asked } : {}), themes,
      codes: codes.map((c) => ({ code: c.code, method: c.method, evidence: c.evidence })),
    })}\n`;
  }
  return out;
}
