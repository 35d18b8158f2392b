/** One coder's decision that a unit has a label (a code, or a theme rolled up from codes). */
export interface Assignment {
  segment: string;
  label: string;
}

export interface LabelScore {
  label: string;
  /** Units both coders gave the label. */
  tp: number;
  /** Units only the tested coder gave it. */
  fp: number;
  /** Units only the reference gave it. */
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Precision, recall and F1 per label of a tested coding against a reference (gold) coding,
 * plus the micro average over all labels. Undefined ratios (0/0) count as 1: a label neither
 * coder used is not an error.
 */
export function scoreAgainst(tested: readonly Assignment[], reference: readonly Assignment[], labels: readonly string[]): { perLabel: LabelScore[]; micro: LabelScore } {
  const key = (a: Assignment) => `${a.label}\u0000${a.segment}`;
  const t = new Set(tested.map(key));
  const r = new Set(reference.map(key));
  const count = (label: string) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const k of t) if (k.startsWith(`${label}\u0000`)) r.has(k) ? tp++ : fp++;
    for (const k of r) if (k.startsWith(`${label}\u0000`) && !t.has(k)) fn++;
    return finish(label, tp, fp, fn);
  };
  const perLabel = labels.map(count);
  const sum = (f: 'tp' | 'fp' | 'fn') => perLabel.reduce((n, s) => n + s[f], 0);
  return { perLabel, micro: finish('all', sum('tp'), sum('fp'), sum('fn')) };
}

function finish(label: string, tp: number, fp: number, fn: number): LabelScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, tp, fp, fn, precision, recall, f1 };
}

/** Roll code assignments up to the theme at `depth` of each code's theme path (0 = top level). */
export function rollUp(assignments: readonly Assignment[], themePath: (code: string) => readonly string[] | undefined, depth = 0): Assignment[] {
  const seen = new Set<string>();
  const out: Assignment[] = [];
  for (const a of assignments) {
    const theme = themePath(a.label)?.[depth];
    if (theme === undefined) continue;
    const k = `${theme}\u0000${a.segment}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ segment: a.segment, label: theme });
  }
  return out;
}
