import type { Labels } from '../model.js';

// Small pieces the codebook diff is made of: field and list changes, labels, a stable order.

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

export function fieldChanges(rows: Array<[string, string | undefined, string | undefined]>): FieldChange[] {
  const out: FieldChange[] = [];
  // White space is layout, not meaning: «A  B» and «A B » read the same (as examples do, below).
  const norm = (x: string | undefined) => x?.trim().replace(/\s+/g, ' ');
  for (const [field, from, to] of rows) {
    if (norm(from) === norm(to)) continue;
    const change: FieldChange = { field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    out.push(change);
  }
  return out;
}

export function listChange(before: string[], after: string[]): ListChange {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
  const b = new Set(before.map(norm));
  const a = new Set(after.map(norm));
  return { added: after.filter((x) => !b.has(norm(x))), removed: before.filter((x) => !a.has(norm(x))) };
}

export function labelText(l: Labels): string {
  return `${l.nb ?? ''}\u0000${l.en ?? ''}`;
}

export function labelOf(l: Labels, id: string): string {
  return l.nb ?? l.en ?? id;
}

/** Code-unit order, independent of the locale. */
export function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
