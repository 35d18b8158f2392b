import type { Code, Codebook, Term } from '../model.js';
import { termText } from './canonical.js';
import { cmp, fieldChanges, labelOf, labelText, listChange, type FieldChange, type ListChange } from './diff-fields.js';
import { diffThemes, themeRenames, type ThemeDiff } from './diff-themes.js';
import { coverage, origin, shared, similarity, termKey } from './similarity.js';

export type { FieldChange, ListChange, ThemeDiff };

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

export interface CodebookDiff {
  old: { id: string; language: string; path: string };
  new: { id: string; language: string; path: string };
  equal: boolean;
  /** Codebook-level fields: id, title, version, description, cues.lack. */
  fields: FieldChange[];
  themes: ThemeDiff[];
  codes: CodeDiff[];
  /** How many code entries of each kind; `moved` counts changed or renamed codes under another theme now. */
  summary: Record<CodeDiffKind, number> & { moved: number; themes: number; fields: number };
  /** Old code id → new code id, for codes that kept or changed their id (not merges and splits). */
  renames: Record<string, string>;
}

/** Share of a code's terms that must reappear elsewhere before we call it renamed, merged or split. */
const CARRY = 0.5;
/** Similarity (0..1) above which a removed and an added code with no shared terms are one code renamed. */
const SAME_CODE = 0.6;

/**
 * Whether two codes can be parts of one merge or split: not a lack code and a presence code. The
 * two sides of a factor share their terms by design (*tid* in lack-of-time and set-aside-time), so
 * shared terms alone paired them into a merge that no one made.
 */
function alike(a: Code, b: Code): boolean {
  const free = (p: Code['polarity']) => p === 'any' || p === 'inherent';
  return a.polarity === b.polarity || free(a.polarity) || free(b.polarity);
}

/**
 * Compare two versions of a codebook by ids and content, not by lines. Codes are paired by id;
 * the codes left over are paired by what they contain: a new code that holds most of an old code's
 * terms is that code renamed; one that holds the terms of several old codes is their merge; several
 * new codes that share out one old code's terms are its split.
 */
export function diffCodebooks(a: Codebook, b: Codebook): CodebookDiff {
  const themes = diffThemes(a, b);
  const themeIds = themeRenames(themes);
  const pairDiff = (kind: 'changed' | 'renamed', o: Code, n: Code) => codePairDiff(kind, o, n, themeIds);
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
    const before = oldCodes.get(n.id);
    const kept = before !== undefined;
    // A code that keeps its id has taken in another only if it gained some of that code's terms.
    const gained = (r: Code) => !before || shared(r, n).some((t) => !before.terms.some((u) => termKey(u.raw) === termKey(t)));
    const sources = removed.filter((r) => !used.has(`old:${r.id}`) && coverage(r, n) >= CARRY && gained(r) && alike(r, n));
    if (sources.length === 0 || (!kept && sources.length < 2)) continue;
    const from = [...(kept ? [n.id] : []), ...sources.map((s) => s.id)];
    for (const f of from) used.add(`old:${f}`);
    used.add(`new:${n.id}`);
    const olds = from.map((f) => oldCodes.get(f)!);
    codes.push({
      kind: 'merged', from, to: [n.id], label: labelOf(n.label, n.id), themePath: n.themePath,
      changes: groupChanges(olds, [n]), carried: from.map((f) => ({ from: f, to: n.id, terms: shared(oldCodes.get(f)!, n) })),
    });
  }
  // Splits: several new codes take most of their terms from one old code (or one new code beside the old one).
  for (const o of a.codes) {
    const kept = newCodes.get(o.id);
    // A code that keeps its id splits off only the terms it gave up.
    const given = kept ? { ...o, terms: o.terms.filter((t) => !kept.terms.some((u) => termKey(u.raw) === termKey(t.raw))) } : o;
    const parts = added.filter((x) => !used.has(`new:${x.id}`) && origin(x, given) >= CARRY && alike(o, x));
    if (parts.length === 0 || (!kept && parts.length < 2) || used.has(`old:${o.id}`)) continue;
    const to = [...(kept ? [o.id] : []), ...parts.map((p) => p.id)];
    for (const p of parts) used.add(`new:${p.id}`);
    used.add(`old:${o.id}`);
    if (kept) used.add(`new:${o.id}`);
    codes.push({
      kind: 'split', from: [o.id], to, label: labelOf(o.label, o.id), themePath: o.themePath,
      changes: groupChanges([o], to.map((t) => newCodes.get(t)!)), carried: to.map((t) => ({ from: o.id, to: t, terms: shared(o, newCodes.get(t)!) })),
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
    // A code that kept its id through a merge or split is reported there, with its changes.
    if (!n || used.has(`old:${o.id}`) || used.has(`new:${n.id}`)) continue;
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
    // A set of words: their order means nothing.
    ['cues.lack', [...a.cues.lack].sort(cmp).join(', ') || undefined, [...b.cues.lack].sort(cmp).join(', ') || undefined],
  ]);
  const summary = { added: 0, removed: 0, changed: 0, renamed: 0, merged: 0, split: 0, moved: 0, themes: themes.length, fields: fields.length };
  for (const c of codes) {
    summary[c.kind]++;
    if (c.moved) summary.moved++;
  }
  return {
    old: { id: a.id, language: a.language, path: a.source.path },
    new: { id: b.id, language: b.language, path: b.source.path },
    equal: codes.length === 0 && themes.length === 0 && fields.length === 0,
    fields, themes, codes, summary, renames,
  };
}

/** A code in both versions; it moved only if its theme path differs after theme renames (themeIds: old id → new). */
function codePairDiff(kind: 'changed' | 'renamed', o: Code, n: Code, themeIds: ReadonlyMap<string, string>): CodeDiff {
  const d: CodeDiff = { kind, from: [o.id], to: [n.id], label: labelOf(n.label, n.id), themePath: n.themePath, changes: codeChanges(o, n) };
  if (o.themePath.map((t) => themeIds.get(t) ?? t).join('/') !== n.themePath.join('/')) d.moved = { from: o.themePath, to: n.themePath };
  return d;
}

/** A term with its unless list as one key: a term whose list changed is another term. */
function termIdentity(term: Term): string {
  return `${termKey(term.raw)}\u0001${(term.unless ?? []).map((u) => termKey(u.raw)).sort().join('\u0000')}`;
}

/** The terms only on one side, each as one line; a term whose unless list changed is the old one removed and the new one added. */
function termChanges(before: readonly Term[], after: readonly Term[]): ListChange {
  const had = new Set(before.map(termIdentity));
  const has = new Set(after.map(termIdentity));
  return { added: after.filter((t) => !had.has(termIdentity(t))).map(termText), removed: before.filter((t) => !has.has(termIdentity(t))).map(termText) };
}

/** Field by field and term by term. */
export function codeChanges(o: Code, n: Code): CodeChanges {
  const fields = fieldChanges([
    ['label.nb', o.label.nb, n.label.nb], ['label.en', o.label.en, n.label.en],
    ['polarity', o.polarity, n.polarity], ['opposite', o.opposite, n.opposite], ['candidate', o.candidate ? 'true' : undefined, n.candidate ? 'true' : undefined],
    ['definition', o.definition, n.definition], ['inclusion', o.inclusion, n.inclusion], ['exclusion', o.exclusion, n.exclusion],
  ]);
  const oldTerms = new Map(o.terms.map((t) => [termKey(t.raw), t]));
  const newTerms = new Map(n.terms.map((t) => [termKey(t.raw), t]));
  const polarity: TermPolarityChange[] = [];
  for (const [key, t] of oldTerms) {
    const u = newTerms.get(key);
    if (!u) continue;
    // A change of the code's own polarity is reported once, as a field; here only the terms'
    // overrides, and only where the term is coded differently (writing out the code's own
    // polarity on a term changes nothing).
    if (t.polarity !== u.polarity && (t.polarity ?? o.polarity) !== (u.polarity ?? n.polarity)) {
      polarity.push({ term: u.raw, from: t.polarity ?? `${o.polarity} (the code's)`, to: u.polarity ?? `${n.polarity} (the code's)` });
    }
  }
  return {
    fields,
    examples: listChange(o.examples, n.examples),
    counterexamples: listChange(o.counterexamples, n.counterexamples),
    terms: { ...termChanges(o.terms, n.terms), polarity },
  };
}

/**
 * What a merge or split changes besides moving terms: the fields of the code that carries on (the
 * one that kept its id, or the first) against the first code on the other side; each pair whose
 * polarity differs, since that decides how the moved terms code; examples and terms that are on
 * neither side of the other; and the terms' own polarity overrides.
 */
function groupChanges(olds: readonly Code[], news: readonly Code[]): CodeChanges {
  const main = codeChanges(olds[0]!, news[0]!);
  const fields = main.fields.filter((f) => f.field !== 'polarity');
  const polarity: TermPolarityChange[] = [];
  for (const o of olds) {
    for (const n of news) {
      if (shared(o, n).length === 0 && !(o === olds[0] && n === news[0])) continue;
      if (o.polarity !== n.polarity) fields.push({ field: `polarity (${o.id} → ${n.id})`, from: o.polarity, to: n.polarity });
      polarity.push(...codeChanges(o, n).terms.polarity.filter((p) => !polarity.some((q) => q.term === p.term)));
    }
  }
  return {
    fields,
    examples: listChange(olds.flatMap((c) => c.examples), news.flatMap((c) => c.examples)),
    counterexamples: listChange(olds.flatMap((c) => c.counterexamples), news.flatMap((c) => c.counterexamples)),
    terms: { ...termChanges(olds.flatMap((c) => c.terms), news.flatMap((c) => c.terms)), polarity },
  };
}

function emptyChanges(): CodeChanges {
  return { fields: [], examples: { added: [], removed: [] }, counterexamples: { added: [], removed: [] }, terms: { added: [], removed: [], polarity: [] } };
}

export function isEmpty(c: CodeChanges): boolean {
  return c.fields.length === 0 && c.examples.added.length + c.examples.removed.length === 0
    && c.counterexamples.added.length + c.counterexamples.removed.length === 0
    && c.terms.added.length + c.terms.removed.length + c.terms.polarity.length === 0;
}

function sortKey(d: CodeDiff): string {
  return (d.to[0] ?? d.from[0])!;
}

