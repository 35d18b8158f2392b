import type { Codebook, Theme } from '../model.js';
import type { FrequencyRow } from './frequencies.js';

export interface AreaSide {
  /** The sub-theme (e.g. inhibitors-economy), absent when only the other side has the area. */
  theme?: string;
  informants: number;
  segments: number;
  codes: Array<{ id: string; informants: number; segments: number }>;
}

export interface Area {
  /** The shared suffix: `economy` for inhibitors-economy ↔ promoters-economy. */
  area: string;
  inhibitors: AreaSide;
  promoters: AreaSide;
}

const EMPTY: AreaSide = { informants: 0, segments: 0, codes: [] };

/**
 * Inhibitors against promoters by area. Sub-themes of `inhibitors` and `promoters` are paired by
 * the part of their id after the prefix, so inhibitors-economy meets promoters-economy. Areas come
 * in the order the inhibitors list them, then areas only promoters have. Codes that sit directly
 * under `inhibitors` or `promoters` form the area "" (other); `together` counts the distinct
 * informants and segments of such a set of codes.
 */
export function inhibitorsAndPromoters(codebook: Codebook, rows: readonly FrequencyRow[], together: (codes: readonly string[]) => { informants: number; segments: number } = () => ({ informants: 0, segments: 0 })): Area[] {
  const inhibitors = codebook.themes.find((t) => t.id === 'inhibitors');
  const promoters = codebook.themes.find((t) => t.id === 'promoters');
  if (!inhibitors && !promoters) return [];
  const byId = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  const sides = (top: Theme | undefined) => {
    const out = new Map<string, AreaSide>();
    if (!top) return out;
    for (const sub of top.themes) {
      const area = sub.id.startsWith(`${top.id}-`) ? sub.id.slice(top.id.length + 1) : sub.id;
      const row = byId.get(`theme:${sub.id}`);
      out.set(area, {
        theme: sub.id, informants: row?.informants ?? 0, segments: row?.segments ?? 0,
        codes: codesBelow(sub).map((id) => ({ id, informants: byId.get(`code:${id}`)?.informants ?? 0, segments: byId.get(`code:${id}`)?.segments ?? 0 })),
      });
    }
    if (top.codes.length > 0) {
      // No theme row counts these codes together: an informant who names two of them is one.
      out.set('', {
        ...together(top.codes.map((c) => c.id)),
        codes: top.codes.map((c) => ({ id: c.id, informants: byId.get(`code:${c.id}`)?.informants ?? 0, segments: byId.get(`code:${c.id}`)?.segments ?? 0 })),
      });
    }
    return out;
  };
  const inh = sides(inhibitors);
  const pro = sides(promoters);
  const areas = [...new Set([...inh.keys(), ...pro.keys()])];
  // "Other" (codes directly under the top theme) goes last.
  areas.sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  return areas.map((area) => ({ area, inhibitors: inh.get(area) ?? EMPTY, promoters: pro.get(area) ?? EMPTY }));
}

function codesBelow(theme: Theme): string[] {
  return [...theme.codes.map((c) => c.id), ...theme.themes.flatMap(codesBelow)];
}
