import { inhibitorsAndPromoters, type Area } from './areas.js';
import { coOccurrence, type CoOccurrenceTable } from './cooccurrence.js';
import { crossTab, type CrossTab } from './crosstab.js';
import { indexCorpus } from './frequencies.js';
import { numericAttributes, type NumericAttributes } from './numeric.js';
import type { CodeReport } from './report.js';

/** Every appendix table's data, built from one coded report. Pure. */
export interface TableSet {
  report: CodeReport;
  crossTabs: CrossTab[];
  areas: Area[];
  coOccurrence: CoOccurrenceTable;
  numeric: NumericAttributes;
}

/**
 * `by` names the attributes to cross-tabulate; attributes no document has are left out (the CLI
 * checks them first and says so). The numeric summary groups by the first of them.
 */
export function buildTableSet(report: CodeReport, by: readonly string[]): TableSet {
  const { corpus, codebook, codings } = report;
  const crossTabs = by.map((a) => crossTab(corpus, codebook, codings, a)).filter((t): t is CrossTab => t !== undefined);
  const index = indexCorpus(corpus, codings);
  const together = (codes: readonly string[]) => {
    const wanted = new Set(codes);
    const segments = new Set<number>();
    const informants = new Set<number>();
    codings.forEach((c, k) => {
      if (!wanted.has(c.code) || index.informantOf[k]! < 0) return;
      segments.add(index.segmentOf[k]!);
      informants.add(index.informantOf[k]!);
    });
    return { informants: informants.size, segments: segments.size };
  };
  return {
    report,
    crossTabs,
    areas: inhibitorsAndPromoters(codebook, report.frequencies, together),
    coOccurrence: coOccurrence(codebook, codings, index),
    numeric: numericAttributes(corpus, crossTabs[0]?.attribute),
  };
}
