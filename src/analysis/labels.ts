import type { Codebook, Labels } from '../model.js';
import { allThemes } from '../codebook/load.js';

export type LabelLang = 'nb' | 'en';

/** The label of a theme or code in the wanted language, falling back to the other, then the id. */
export function labeller(codebook: Codebook, lang: LabelLang): (id: string) => string {
  const labels = new Map<string, Labels>();
  for (const t of allThemes(codebook)) labels.set(t.id, t.label);
  for (const c of codebook.codes) labels.set(c.id, c.label);
  return (id) => {
    const l = labels.get(id);
    return (lang === 'en' ? l?.en ?? l?.nb : l?.nb ?? l?.en) ?? id;
  };
}
