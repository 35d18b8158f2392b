import type { Code, Codebook, Labels, Theme } from '../model.js';
import { termText } from './canonical.js';
import { allThemes } from './load.js';

/** One field that has a different value in the new version (undefined: absent). */
export interface FieldChange {
  field: string;
  from?: string;
  to?: string;
}

/** Items of a list (examples, counterexamples, terms) only in the old or only in the new version. */
export interface ListChange {
  added: string[];
  removed: string[];
}

export interface TermPolarityChange {
  term: string;
  from: string;
  to: string;
}

/** What differs between two versions of one code (or of the codes it was merged from or split into). */
export interface CodeChanges {
  fields: FieldChange[];
  examples: ListChange;
  counterexamples: ListChange;
  terms: ListChange & { polarity: TermPolarityChange[] };
}

export type CodeDiffKind = 'added' | 'removed' | 'changed' | 'renamed' | 'merged' | 'split';

/**
 * One entry of the semantic diff. `from` are old ids, `to` new ids:
 * added [] → [x]; removed [x] → []; changed/renamed [x] → [y]; merged [a, b] → [c]; split [a] → [b, c].
 * `renamed` means a new label on the same id, or a new id for what is clearly the same code.
 */
export interface CodeDiff {
  kind: CodeDiffKind;
  from: string[];
  to: string[];
  /** Label in the new version (old for removed codes), nb first. */
  label: string;
  /** Theme path of the new (or removed) code. */
  themePath: string[];
  /** Set when the code sits under another theme now. */
  moved?: { from: string[]; to: string[] };
  /** For added and removed codes empty; for merges and splits the terms that went where. */
  changes: CodeChanges;
  /** For merges and splits: the terms each new code got from each old code. */
  carried?: Array<{ from: string; to: string; terms: string[] }>;
}

export interface ThemeDiff {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  from: string[];
  to: string[];
  label: string;
  moved?: { from: string[]; to: string[] };
  fields: FieldChange[];
}

export interface CodebookDiff {
  old: { id: string; language: string; path: string };
  new: { id: string; language: string; path: string };
  equal: boolean;
  /** Codebook-level fields: id, title, version, description, cues.lack. */
  fields: FieldChange[];
  themes: ThemeDiff[];
  codes: CodeDiff[];
  /** How many code entries of each kind. */
  summary: Record<CodeDiffKind, number> & { themes: number; fields: number };
  /** Old code id → new code id, for codes that kept or changed their id (not merges and splits). */
  renames: Record<string, string>;
}

/** Share of a code's terms that must reappear elsewhere before we call it renamed, merged or split. */
const CARRY = 0.5;
/** Similarity (0..1) above which a removed and an added code with no shared terms are one code renamed. */
const SAME_CODE = 0.6;

/**
 * Compare two versions of a codebook by ids and content, not by lines. Codes are paired by id;
 * the codes left over are paired by what they contain: a new code that holds most of an old code's
 * terms is that code renamed; one that holds the terms of several old codes is their merge; several
 * new codes that share out one old code's terms are its split.
 */
export function diffCodebooks(a: Codebook, b: Codebook): CodebookDiff {
  const oldCodes = new Map(a.codes.map((c) => [c.id, c]));
  const newCodes = new Map(b.codes.map((c) => [c.id, c]));
  const removed = a.codes.filter((c) => !newCodes.has(c.id));
  const added = b.codes.filter((c) => !oldCodes.has(c.id));
  const used = new Set<string>(); // "old:x" / "new:y" already explained by a merge, split or rename
  const codes: CodeDiff[] = [];
  const renames: Record<string, string> = {};
  for (const c of a.codes) if (newCodes.has(c.id)) renames[c.id] = c.id;

  // Merges: one new code holds most of the terms of several old codes (or of one old code besides its own).
  for (const n of b.codes) {
    const sources = removed.filter((r) => !used.has(`old:${r.id}`) && coverage(r, n) >= CARRY);
    const kept = oldCodes.has(n.id);
    if (sources.length === 0 || (!kept && sources.length < 2)) continue;
    const from = [...(kept ? [n.id] : []), ...sources.map((s) => s.id)];
    for (const s of sources) used.add(`old:${s.id}`);
    if (!kept) used.add(`new:${n.id}`);
    codes.push({
      kind: 'merged', from, to: [n.id], label: labelOf(n.label, n.id), themePath: n.themePath,
      changes: emptyChanges(), carried: from.map((f) => ({ from: f, to: n.id, terms: shared(oldCodes.get(f)!, n) })),
    });
  }
  // Splits: several new codes take most of their terms from one old code (or one new code beside the old one).
  for (const o of a.codes) {
    const kept = newCodes.get(o.id);
    // A code that keeps its id splits off only the terms it gave up.
    const given = kept ? { ...o, terms: o.terms.filter((t) => !kept.terms.some((u) => termKey(u.raw) === termKey(t.raw))) } : o;
    const parts = added.filter((x) => !used.has(`new:${x.id}`) && origin(x, given) >= CARRY);
    if (parts.length === 0 || (!kept && parts.length < 2) || (!kept && used.has(`old:${o.id}`))) continue;
    const to = [...(kept ? [o.id] : []), ...parts.map((p) => p.id)];
    for (const p of parts) used.add(`new:${p.id}`);
    if (!kept) used.add(`old:${o.id}`);
    codes.push({
      kind: 'split', from: [o.id], to, label: labelOf(o.label, o.id), themePath: o.themePath,
      changes: emptyChanges(), carried: to.map((t) => ({ from: o.id, to: t, terms: shared(o, newCodes.get(t)!) })),
    });
  }
  // Renames by id: the best pairs of what is left, most similar first.
  const pairs: Array<{ o: Code; n: Code; score: number }> = [];
  for (const o of removed) {
    if (used.has(`old:${o.id}`)) continue;
    for (const n of added) {
      if (used.has(`new:${n.id}`)) continue;
      const score = similarity(o, n);
      if (score >= SAME_CODE || (coverage(o, n) >= CARRY && origin(n, o) >= CARRY)) pairs.push({ o, n, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || cmp(x.o.id, y.o.id) || cmp(x.n.id, y.n.id));
  for (const { o, n } of pairs) {
    if (used.has(`old:${o.id}`) || used.has(`new:${n.id}`)) continue;
    used.add(`old:${o.id}`);
    used.add(`new:${n.id}`);
    renames[o.id] = n.id;
    codes.push(pairDiff('renamed', o, n));
  }
  for (const o of a.codes) {
    const n = newCodes.get(o.id);
    if (!n) continue;
    const d = pairDiff('changed', o, n);
    if (labelText(o.label) !== labelText(n.label)) d.kind = 'renamed';
    if (d.moved || !isEmpty(d.changes)) codes.push(d);
  }
  for (const o of removed) {
    if (!used.has(`old:${o.id}`)) codes.push({ kind: 'removed', from: [o.id], to: [], label: labelOf(o.label, o.id), themePath: o.themePath, changes: emptyChanges() });
  }
  for (const n of added) {
    if (!used.has(`new:${n.id}`)) codes.push({ kind: 'added', from: [], to: [n.id], label: labelOf(n.label, n.id), themePath: n.themePath, changes: emptyChanges() });
  }
  codes.sort((x, y) => cmp(sortKey(x), sortKey(y)) || cmp(x.kind, y.kind));

  const fields = fieldChanges([
    ['codebook', a.id, b.id], ['title', a.title, b.title],
    ['version', a.version === undefined ? undefined : String(a.version), b.version === undefined ? undefined : String(b.version)],
    ['description', a.description, b.description],
    ['cues.lack', a.cues.lack.join(', ') || undefined, b.cues.lack.join(', ') || undefined],
  ]);
  const themes = diffThemes(a, b);
  const summary = { added: 0, removed: 0, changed: 0, renamed: 0, merged: 0, split: 0, themes: themes.length, fields: fields.length };
  for (const c of codes) summary[c.kind]++;
  return {
    old: { id: a.id, language: a.language, path: a.source.path },
    new: { id: b.id, language: b.language, path: b.source.path },
    equal: codes.length === 0 && themes.length === 0 && fields.length === 0,
    fields, themes, codes, summary, renames,
  };
}

function pairDiff(kind: 'changed' | 'renamed', o: Code, n: Code): CodeDiff {
  const d: CodeDiff = { kind, from: [o.id], to: [n.id], label: labelOf(n.label, n.id), themePath: n.themePath, changes: codeChanges(o, n) };
  if (o.themePath.join('/') !== n.themePath.join('/')) d.moved = { from: o.themePath, to: n.themePath };
  return d;
}

/** Field by field and term by term. */
export function codeChanges(o: Code, n: Code): CodeChanges {
  const fields = fieldChanges([
    ['label.nb', o.label.nb, n.label.nb], ['label.en', o.label.en, n.label.en],
    ['polarity', o.polarity, n.polarity], ['candidate', o.candidate ? 'true' : undefined, n.candidate ? 'true' : undefined],
    ['definition', o.definition, n.definition], ['inclusion', o.inclusion, n.inclusion], ['exclusion', o.exclusion, n.exclusion],
  ]);
  const oldTerms = new Map(o.terms.map((t) => [termKey(t.raw), t]));
  const newTerms = new Map(n.terms.map((t) => [termKey(t.raw), t]));
  const polarity: TermPolarityChange[] = [];
  for (const [key, t] of oldTerms) {
    const u = newTerms.get(key);
    if (!u) continue;
    // A change of the code's own polarity is reported once, as a field; here only the terms' overrides.
    if (t.polarity !== u.polarity) {
      polarity.push({ term: u.raw, from: t.polarity ?? `${o.polarity} (the code's)`, to: u.polarity ?? `${n.polarity} (the code's)` });
    }
  }
  return {
    fields,
    examples: listChange(o.examples, n.examples),
    counterexamples: listChange(o.counterexamples, n.counterexamples),
    terms: {
      added: n.terms.filter((t) => !oldTerms.has(termKey(t.raw))).map(termText),
      removed: o.terms.filter((t) => !newTerms.has(termKey(t.raw))).map(termText),
      polarity,
    },
  };
}

function diffThemes(a: Codebook, b: Codebook): ThemeDiff[] {
  const info = (cb: Codebook) => {
    const out = new Map<string, { theme: Theme; path: string[]; members: string[] }>();
    const walk = (t: Theme, path: string[]) => {
      out.set(t.id, { theme: t, path, members: [...t.codes.map((c) => c.id), ...t.themes.map((s) => s.id)] });
      t.themes.forEach((s) => walk(s, [...path, t.id]));
    };
    cb.themes.forEach((t) => walk(t, []));
    return out;
  };
  const before = info(a);
  const after = info(b);
  const out: ThemeDiff[] = [];
  const removed = allThemes(a).filter((t) => !after.has(t.id));
  const added = allThemes(b).filter((t) => !before.has(t.id));
  const renamedTo = new Map<string, string>();
  // A theme with a new id but the same members (codes and sub-themes) is the old theme renamed.
  for (const r of removed) {
    const members = before.get(r.id)!.members.join(',');
    const match = added.find((x) => !renamedTo.has(x.id) && members !== '' && after.get(x.id)!.members.join(',') === members);
    if (match) renamedTo.set(match.id, r.id);
  }
  const entry = (kind: ThemeDiff['kind'], o: Theme | undefined, n: Theme | undefined): void => {
    const t = (n ?? o)!;
    const d: ThemeDiff = { kind, from: o ? [o.id] : [], to: n ? [n.id] : [], label: labelOf(t.label, t.id), fields: [] };
    if (o && n) {
      d.fields = fieldChanges([
        ['label.nb', o.label.nb, n.label.nb], ['label.en', o.label.en, n.label.en], ['description', o.description, n.description],
      ]);
      const p = before.get(o.id)!.path;
      const q = after.get(n.id)!.path;
      if (p.join('/') !== q.join('/')) d.moved = { from: p, to: q };
      if (kind === 'changed' && labelText(o.label) !== labelText(n.label)) d.kind = 'renamed';
      if (d.kind === 'changed' && d.fields.length === 0 && !d.moved) return;
    }
    out.push(d);
  };
  for (const t of allThemes(a)) if (after.has(t.id)) entry('changed', t, after.get(t.id)!.theme);
  for (const [to, from] of renamedTo) entry('renamed', before.get(from)!.theme, after.get(to)!.theme);
  for (const t of removed) if (![...renamedTo.values()].includes(t.id)) entry('removed', t, undefined);
  for (const t of added) if (!renamedTo.has(t.id)) entry('added', undefined, t);
  return out.sort((x, y) => cmp((x.to[0] ?? x.from[0])!, (y.to[0] ?? y.from[0])!) || cmp(x.kind, y.kind));
}

/** Share of old code o's terms that the new code n has. */
function coverage(o: Code, n: Code): number {
  return o.terms.length === 0 ? 0 : shared(o, n).length / o.terms.length;
}

/** Share of new code n's terms that came from old code o. */
function origin(n: Code, o: Code): number {
  return n.terms.length === 0 ? 0 : shared(o, n).length / n.terms.length;
}

function shared(o: Code, n: Code): string[] {
  const keys = new Set(n.terms.map((t) => termKey(t.raw)));
  return o.terms.filter((t) => keys.has(termKey(t.raw))).map((t) => t.raw);
}

/** How alike two codes are in what they say (labels, definition, examples, terms), 0..1. */
function similarity(o: Code, n: Code): number {
  const parts: number[] = [
    jaccard(words(labelText(o.label)), words(labelText(n.label))),
    jaccard(words([o.definition, o.inclusion, o.exclusion].join(' ')), words([n.definition, n.inclusion, n.exclusion].join(' '))),
    jaccard(new Set([...o.examples, ...o.counterexamples]), new Set([...n.examples, ...n.counterexamples])),
    jaccard(new Set(o.terms.map((t) => termKey(t.raw))), new Set(n.terms.map((t) => termKey(t.raw)))),
  ];
  return parts.reduce((s, x) => s + x, 0) / parts.length;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(x: Set<string>, y: Set<string>): number {
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const v of x) if (y.has(v)) both++;
  return both / (x.size + y.size - both);
}

function termKey(raw: string): string {
  return raw.trim().toLowerCase();
}

function listChange(before: string[], after: string[]): ListChange {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
  const b = new Set(before.map(norm));
  const a = new Set(after.map(norm));
  return { added: after.filter((x) => !b.has(norm(x))), removed: before.filter((x) => !a.has(norm(x))) };
}

function fieldChanges(rows: Array<[string, string | undefined, string | undefined]>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, from, to] of rows) {
    if (from === to) continue;
    const change: FieldChange = { field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    out.push(change);
  }
  return out;
}

function emptyChanges(): CodeChanges {
  return { fields: [], examples: { added: [], removed: [] }, counterexamples: { added: [], removed: [] }, terms: { added: [], removed: [], polarity: [] } };
}

export function isEmpty(c: CodeChanges): boolean {
  return c.fields.length === 0 && c.examples.added.length + c.examples.removed.length === 0
    && c.counterexamples.added.length + c.counterexamples.removed.length === 0
    && c.terms.added.length + c.terms.removed.length + c.terms.polarity.length === 0;
}

function labelText(l: Labels): string {
  return `${l.nb ?? ''}\u0000${l.en ?? ''}`;
}

function labelOf(l: Labels, id: string): string {
  return l.nb ?? l.en ?? id;
}

function sortKey(d: CodeDiff): string {
  return (d.to[0] ?? d.from[0])!;
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
