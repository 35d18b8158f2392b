import { guillemets, percent } from '../render/format.js';
import { stringify } from 'yaml';
import type { Candidate } from '../coding/inductive/model.js';
import type { Lang } from '../model.js';

export interface DraftOptions {
  /** Id of the draft codebook, e.g. `innovasjon-candidates`. */
  id: string;
  language: Lang;
  /** How many key terms each candidate code gets. */
  terms: number;
}

const TEXT = {
  no: {
    title: 'Kandidater fra themes suggest',
    description: 'Utkast laget av det induktive passet (themes suggest). Gå gjennom hver kode: gi den et godt navn, skriv definisjon, inklusjon og eksklusjon, rydd i termene, og flytt den inn i kodeboka.',
    theme: 'Kandidattemaer',
    definition: (c: Candidate) => `Kandidat fra themes suggest: ${c.segments.length} ${c.segments.length === 1 ? 'segment' : 'segmenter'} fra ${c.informants.length} ${c.informants.length === 1 ? 'informant' : 'informanter'}${relation(c, 'no')}. Skriv en definisjon.`,
  },
  en: {
    title: 'Candidates from themes suggest',
    description: 'Draft written by the inductive pass (themes suggest). Review each code: name it well, write a definition, inclusion and exclusion, tidy its terms, and move it into the codebook.',
    theme: 'Candidate themes',
    definition: (c: Candidate) => `Candidate from themes suggest: ${c.segments.length} ${c.segments.length === 1 ? 'segment' : 'segments'} from ${c.informants.length} ${c.informants.length === 1 ? 'informant' : 'informants'}${relation(c, 'en')}. Write a definition.`,
  },
} as const;

function relation(c: Candidate, lang: 'no' | 'en'): string {
  const o = c.overlaps[0];
  if (c.relation === 'new' || !o) return lang === 'no' ? '; ny' : '; new';
  // From the counts, as suggest prints it: the share is stored rounded, and rounding twice can differ.
  const pct = percent(o.segments / c.segments.length);
  return lang === 'no' ? `; overlapper med ${o.code} (${pct})` : `; overlaps ${o.code} (${pct})`;
}

/**
 * A codebook of the candidates, in the codebook format (each code marked `candidate: true`), ready
 * to edit and merge. A term goes to one candidate only, the one where it is most key, so the
 * draft loads without "term in two codes" warnings.
 */
export function draftCodebook(candidates: readonly Candidate[], options: DraftOptions): string {
  const t = TEXT[options.language === 'en' ? 'en' : 'no'];
  const owner = new Map<string, { candidate: string; score: number }>();
  for (const c of candidates) {
    for (const term of c.terms) {
      const o = owner.get(term.key);
      if (!o || term.score > o.score) owner.set(term.key, { candidate: c.id, score: term.score });
    }
  }
  const seen = new Set<string>();
  const codes = candidates.map((c) => {
    const terms = c.terms
      .filter((term) => owner.get(term.key)?.candidate === c.id && !seen.has(term.term.toLowerCase()))
      .slice(0, options.terms)
      .map((term) => {
        seen.add(term.term.toLowerCase());
        return term.term;
      });
    return {
      id: c.id,
      label: options.language === 'en' ? { en: c.label } : { nb: c.label },
      candidate: true,
      definition: t.definition(c),
      ...(terms.length > 0 ? { terms } : {}),
      // Set as every quote is (inner «» become ‘’), so a paragraph already in «» is not quoted twice.
      ...(c.quotes.length > 0 ? { examples: c.quotes.map((q) => guillemets(q.text)) } : {}),
    };
  });
  const doc = {
    codebook: options.id,
    title: t.title,
    language: options.language,
    description: t.description,
    themes: [{
      id: 'candidates',
      label: options.language === 'en' ? { en: t.theme } : { nb: t.theme },
      codes,
    }],
  };
  return stringify(doc, { lineWidth: 100, minContentWidth: 40 });
}
