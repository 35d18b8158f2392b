import type { Lang } from '../../model.js';
import type { FeatureTable } from './features.js';

// Notes in different languages share (almost) no words, so clustered together they only sort
// by language: two English notes among Norwegian ones became one candidate, "staff, unit".
// The same holds, less strongly, for nynorsk among bokmål notes (tenester, tilsette, løysingar):
// two nynorsk notes became one candidate, "kommunen, tenester". The inductive pass therefore
// groups each language's segments on their own.

/** Indexes of `langs` per language, the languages in a fixed order: bokmål, nynorsk, English. */
export function byLanguage(langs: readonly Lang[]): Array<{ language: Lang; indexes: number[] }> {
  const order: Lang[] = ['nb', 'nn', 'en'];
  return order
    .map((language) => ({ language, indexes: langs.flatMap((l, i) => (l === language ? [i] : [])) }))
    .filter((g) => g.indexes.length > 0);
}

/**
 * The rows `indexes` of a feature table as a table of their own: keys, kinds and surface forms
 * are shared, document frequencies counted again over these rows only.
 */
export function subTable(table: FeatureTable, indexes: readonly number[]): FeatureTable {
  const segments = indexes.map((i) => table.segments[i]);
  const df = new Int32Array(table.keys.length);
  for (const { ids } of segments) for (const id of ids) df[id]++;
  return { keys: table.keys, kinds: table.kinds, surface: table.surface, segments, df };
}

/**
 * `k` candidates shared out over groups of `live` segments, in proportion (largest remainder;
 * ties to the earlier group), with at least one for every group that has a live segment and at
 * most `cap[g]` for group g. The sum is k unless the caps or the floors of one do not allow it.
 */
export function shareK(k: number, live: readonly number[], cap: readonly number[]): number[] {
  const total = live.reduce((a, b) => a + b, 0);
  const out = live.map((n, g) => (n > 0 ? Math.max(1, Math.min(cap[g]!, Math.floor((k * n) / total))) : 0));
  const remainder = live.map((n, g) => ({ g, r: (k * n) / total - Math.floor((k * n) / total) }))
    .sort((a, b) => b.r - a.r || a.g - b.g);
  let left = k - out.reduce((a, b) => a + b, 0);
  // Hand out what is left by remainder, then round-robin while any group has room.
  for (let pass = 0; left > 0 && pass < k; pass++) {
    let gave = false;
    for (const { g } of remainder) {
      if (left === 0) break;
      if (live[g]! > 0 && out[g]! < cap[g]!) {
        out[g]!++;
        left--;
        gave = true;
      }
    }
    if (!gave) break;
  }
  return out;
}
