import type { Codebook, Theme } from '../model.js';
import { cmp, fieldChanges, labelOf, labelText, type FieldChange } from './diff-fields.js';
import { allThemes } from './load.js';

export interface ThemeDiff {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  from: string[];
  to: string[];
  label: string;
  moved?: { from: string[]; to: string[] };
  fields: FieldChange[];
}

/** Themes by id; a theme with a new id but the same members is the old one renamed. */
export function diffThemes(a: Codebook, b: Codebook): ThemeDiff[] {
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
  // A theme with a new id but the same members (codes and sub-themes) is the old theme renamed;
  // so is one with the same label that keeps at least half of the old members.
  for (const r of removed) {
    const members = before.get(r.id)!.members;
    const same = (x: Theme) => members.length > 0 && after.get(x.id)!.members.join(',') === members.join(',');
    const alike = (x: Theme) => labelText(x.label) === labelText(r.label) && members.filter((m) => after.get(x.id)!.members.includes(m)).length * 2 >= members.length;
    const match = added.find((x) => !renamedTo.has(x.id) && same(x)) ?? added.find((x) => !renamedTo.has(x.id) && alike(x));
    if (match) renamedTo.set(match.id, r.id);
  }
  const newId = new Map([...renamedTo].map(([to, from]) => [from, to]));
  /** A path of old theme ids in new ids: a theme renamed above does not move what is below it. */
  const renamed = (path: readonly string[]) => path.map((id) => newId.get(id) ?? id).join('/');
  const entry = (kind: ThemeDiff['kind'], o: Theme | undefined, n: Theme | undefined): void => {
    const t = (n ?? o)!;
    const d: ThemeDiff = { kind, from: o ? [o.id] : [], to: n ? [n.id] : [], label: labelOf(t.label, t.id), fields: [] };
    if (o && n) {
      d.fields = fieldChanges([
        ['label.nb', o.label.nb, n.label.nb], ['label.en', o.label.en, n.label.en], ['description', o.description, n.description],
      ]);
      const p = before.get(o.id)!.path;
      const q = after.get(n.id)!.path;
      if (renamed(p) !== q.join('/')) d.moved = { from: p, to: q };
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

/** Old theme id → new id, for the themes a diff found renamed to another id. */
export function themeRenames(themes: readonly ThemeDiff[]): Map<string, string> {
  return new Map(themes.filter((t) => t.kind === 'renamed' && t.from[0] !== t.to[0]).map((t) => [t.from[0]!, t.to[0]!]));
}
