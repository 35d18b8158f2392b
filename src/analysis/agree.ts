// Intercoder agreement between codings of the same units: per code (present/absent per unit) and
// overall, plus the disagreements and, for automatic against human coding, precision and recall.
import { cohenKappa, krippendorffAlpha, percentAgreement, prf, type PrfResult } from './agreement.js';

/** A coding unit as the report shows it. */
export interface AgreeUnit {
  id: string;
  document: string;
  file: string;
  line: number;
  text: string;
}

/** One coder's coding: which units the coder looked at, and the codes given to each. */
export interface Coder {
  name: string;
  /** `auto` for a `themes code` run, `human` for marks, CSV or an imported project. */
  kind: 'auto' | 'human';
  /** Unit ids the coder saw (coded or deliberately left uncoded). Units outside are missing data. */
  seen: ReadonlySet<string>;
  codes: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface AgreeOptions {
  /** Leave out units that no coder gave any code. */
  dropUncoded: boolean;
  /** Name of the coder to score the others against (precision/recall/F1). */
  reference?: string;
}

export interface Statistics {
  /** Units with values from at least two coders. */
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface CodeAgreement extends Statistics {
  code: string;
  /** Units each coder gave this code, in coder order. */
  counts: number[];
}

export interface Disagreement {
  unit: AgreeUnit;
  /** Per coder in coder order: the codes given, or null when the coder did not see the unit. */
  codes: Array<string[] | null>;
}

export interface PrfRow extends PrfResult {
  code: string;
}

export interface PrfTable {
  reference: string;
  coder: string;
  rows: PrfRow[];
  /** Micro-averaged over all codes. */
  overall: PrfResult;
}

export interface AgreeReport {
  coders: Array<{ name: string; kind: Coder['kind'] }>;
  /** Units that at least two coders saw (after --drop-uncoded). */
  units: number;
  dropped: number;
  codes: CodeAgreement[];
  /** Pooled over every (unit, code) decision. */
  overall: Statistics;
  /** Share of units where the coders' whole sets of codes are identical. */
  exact: number | null;
  disagreements: Disagreement[];
  prf: PrfTable[];
}

/** Units sorted as given; the report follows that order. */
export function agree(units: readonly AgreeUnit[], coders: readonly Coder[], options: AgreeOptions): AgreeReport {
  const seenBy = (u: AgreeUnit) => coders.filter((c) => c.seen.has(u.id)).length;
  const anyCode = (u: AgreeUnit) => coders.some((c) => c.seen.has(u.id) && (c.codes.get(u.id)?.size ?? 0) > 0);
  const pairable = units.filter((u) => seenBy(u) >= 2);
  const used = options.dropUncoded ? pairable.filter(anyCode) : pairable;
  const codes = [...new Set(coders.flatMap((c) => used.flatMap((u) => [...(c.codes.get(u.id) ?? [])])))].sort();
  const value = (c: Coder, u: AgreeUnit, code: string): boolean | null =>
    c.seen.has(u.id) ? (c.codes.get(u.id)?.has(code) ?? false) : null;

  const statistics = (matrix: Array<Array<boolean | null>>): Statistics => {
    const percent = percentAgreement(matrix);
    return {
      units: percent.n,
      percent: percent.percent,
      kappa: coders.length === 2 ? cohenKappa(matrix[0]!, matrix[1]!).kappa : null,
      alpha: krippendorffAlpha(matrix).alpha,
    };
  };

  const perCode = codes.map((code): CodeAgreement => {
    const matrix = coders.map((c) => used.map((u) => value(c, u, code)));
    return { code, ...statistics(matrix), units: used.length, counts: matrix.map((row) => row.filter((v) => v === true).length) };
  });
  const pooled = coders.map((c) => used.flatMap((u) => codes.map((code) => value(c, u, code))));
  const overall = { ...statistics(pooled), units: used.length };
  const sets = coders.map((c) => used.map((u) => (c.seen.has(u.id) ? [...(c.codes.get(u.id) ?? [])].sort().join(' ') : null)));
  const exact = percentAgreement(sets).percent;

  const disagreements: Disagreement[] = [];
  used.forEach((u, i) => {
    const given = sets.map((row) => row[i] ?? null).filter((s): s is string => s !== null);
    if (new Set(given).size > 1) {
      disagreements.push({ unit: u, codes: sets.map((row) => (row[i] === null ? null : row[i] === '' ? [] : row[i]!.split(' '))) });
    }
  });

  return {
    coders: coders.map((c) => ({ name: c.name, kind: c.kind })),
    units: used.length,
    dropped: pairable.length - used.length,
    codes: perCode,
    overall,
    exact,
    disagreements,
    prf: prfTables(used, coders, codes, options.reference),
  };
}

/**
 * Which coder is scored against which: against --reference when given, else every automatic
 * coder against the first human one. None when all coders are of one kind and no reference is named.
 */
function prfTables(units: readonly AgreeUnit[], coders: readonly Coder[], codes: readonly string[], reference?: string): PrfTable[] {
  let ref: Coder | undefined;
  let tested: Coder[];
  if (reference !== undefined) {
    ref = coders.find((c) => c.name === reference);
    tested = coders.filter((c) => c !== ref);
  } else {
    ref = coders.find((c) => c.kind === 'human');
    tested = coders.filter((c) => c.kind === 'auto');
  }
  if (!ref) return [];
  const gold = ref;
  return tested.map((coder) => {
    const both = units.filter((u) => gold.seen.has(u.id) && coder.seen.has(u.id));
    let TP = 0;
    let FP = 0;
    let FN = 0;
    const rows = codes.map((code) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const u of both) {
        const g = gold.codes.get(u.id)?.has(code) ?? false;
        const t = coder.codes.get(u.id)?.has(code) ?? false;
        if (g && t) tp++;
        else if (t) fp++;
        else if (g) fn++;
      }
      TP += tp;
      FP += fp;
      FN += fn;
      return { code, ...prf(tp, fp, fn) };
    });
    return { reference: gold.name, coder: coder.name, rows, overall: prf(TP, FP, FN) };
  });
}
