import { excerpt, isVerbatim, type Quote } from '../../analysis/quotes.js';
import { informantOf } from '../../corpus/document.js';
import type { Document, Segment } from '../../model.js';
import type { FeatureTable } from './features.js';
import type { CodeOverlap, GroupKeyTerms } from './model.js';
import { keyTerms, outsideCounts } from './terms.js';

// What describes a candidate or a group besides its key terms: overlaps, quotes, group keyness.

export function overlap(segs: Segment[], codesOf: Map<string, string[]>): CodeOverlap[] {
  const counts = new Map<string, number>();
  for (const s of segs) for (const c of codesOf.get(s.id) ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts]
    .map(([code, n]) => ({ code, segments: n, share: Math.round((n / segs.length) * 10000) / 10000 }))
    .sort((a, b) => b.segments - a.segments || (a.code < b.code ? -1 : 1))
    .slice(0, 3);
}

/** The segments closest to the centroid, one per informant before a second from anyone. */
export function representative(id: string, m: number[], considered: Segment[], similarity: number[], docs: Map<string, Document>, count: number): Quote[] {
  const ranked = [...m].sort((a, b) => similarity[b] - similarity[a] || a - b);
  const picked: number[] = [];
  const informants = new Set<string>();
  for (const pass of [0, 1]) {
    for (const i of ranked) {
      if (picked.length >= count) break;
      const inf = informantOf(docs.get(considered[i].document)!);
      if (picked.includes(i) || (pass === 0 && informants.has(inf))) continue;
      picked.push(i);
      informants.add(inf);
    }
  }
  return picked.map((i) => {
    const s = considered[i];
    const doc = docs.get(s.document)!;
    const q: Quote = { code: id, segment: s.id, document: doc.id, informant: informantOf(doc), file: doc.path, line: s.line, text: excerpt(s.text, 0), verbatim: isVerbatim(s, doc) };
    if (s.role === 'interviewer') q.interviewer = true;
    if (doc.attributes.role !== undefined) q.role = String(doc.attributes.role);
    return q;
  });
}

export function groupTerms(table: FeatureTable, considered: Segment[], docs: Map<string, Document>, attribute: string, count: number): GroupKeyTerms[] {
  const groupOf = considered.map((s) => {
    const v = docs.get(s.document)?.attributes[attribute];
    return v === undefined ? undefined : String(v);
  });
  const values = [...new Set(groupOf.filter((v): v is string => v !== undefined))].sort();
  if (values.length < 2) return [];
  const index = new Map(values.map((v, i) => [v, i]));
  const assignment = Int32Array.from(groupOf, (v) => (v === undefined ? -1 : index.get(v)!));
  const total = groupOf.filter((v) => v !== undefined).length;
  const outside = outsideCounts(table, assignment);
  return values.map((value, g) => {
    const m: number[] = [];
    assignment.forEach((a, i) => { if (a === g) m.push(i); });
    return { attribute, value, segments: m.length, terms: keyTerms(table, m, total, count, outside, Math.ceil(count / 2)) };
  });
}
