import { guillemets, percent } from '../render/format.js';
import { stringify } from 'yaml';
import { excerpt } from '../analysis/quotes.js';
import { Matcher } from '../coding/matcher.js';
import type { Candidate, KeyTerm } from '../coding/inductive/model.js';
import type { Lang } from '../model.js';
import { loadCodebook } from './load.js';

export interface DraftOptions {
  /** Id of the draft codebook, e.g. `innovasjon-candidates`. */
  id: string;
  language: Lang;
  /** How many key terms each candidate code gets. */
  terms: number;
  /**
   * The texts of a candidate's segments (masked, as every output), nearest its centre first and
   * one per informant before a second from anyone, as its quotes are chosen. Its terms are
   * written to find these, and its examples are taken from them. Without it: the quotes only.
   */
  segments?: (c: Candidate) => readonly string[];
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
 *
 * The draft passes its own `themes codebook test` by construction. A key word that the candidate
 * found inside compounds («prosjekt» in «prosjektgruppene», «tid» in «utviklingstiden») is written
 * as the narrowest term that finds it there too (`prosjekt*`, `*tid`, `*prosjekt*`), and only
 * segments that the code's terms code (by the deductive matcher, as `codebook test` runs it) are
 * examples: its quotes, and in place of a quote its terms miss, the next segment nearest its centre.
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
  const texts = (c: Candidate) => options.segments?.(c) ?? c.quotes.map((q) => q.text);
  const written = termForms(candidates.map((c) => ({
    terms: c.terms.filter((term) => owner.get(term.key)?.candidate === c.id),
    texts: texts(c),
  })), options);
  const seen = new Set<string>();
  const codes = candidates.map((c, i) => {
    const terms: string[] = [];
    for (const raw of written[i]!) {
      if (terms.length >= options.terms) break;
      if (seen.has(raw.toLowerCase())) continue;
      seen.add(raw.toLowerCase());
      terms.push(raw);
    }
    return {
      id: c.id,
      label: options.language === 'en' ? { en: c.label } : { nb: c.label },
      candidate: true,
      definition: t.definition(c),
      ...(terms.length > 0 ? { terms } : {}),
    };
  });
  // Examples: set as every quote is (inner «» become ‘’, so a paragraph already in «» is not
  // quoted twice), and kept only when the draft's own terms code them.
  const matcher = new Matcher(load(document(codes, options, t)));
  const withExamples = codes.map((code, i) => {
    const c = candidates[i]!;
    const pool = [...new Set([...c.quotes.map((q) => q.text), ...texts(c).map((x) => excerpt(x, 0))])];
    const examples: string[] = [];
    for (const text of pool) {
      if (examples.length >= c.quotes.length) break;
      const example = guillemets(text);
      if (matcher.match(example).some((m) => m.code === code.id)) examples.push(example);
    }
    return { ...code, ...(examples.length > 0 ? { examples } : {}) };
  });
  return stringify(document(withExamples, options, t), { lineWidth: 100, minContentWidth: 40 });
}

function document(codes: object[], options: DraftOptions, t: (typeof TEXT)[keyof typeof TEXT]) {
  return {
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
}

/** The draft as `themes codebook test` reads it: through the codebook loader. */
function load(doc: object) {
  const loaded = loadCodebook(stringify(doc), 'draft.yaml');
  if (!loaded.codebook) throw new Error(`draft codebook does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.codebook;
}

/**
 * How each candidate's terms are written, best first. A phrase as it is; a word by its stem (as
 * the informants wrote it most often) when that finds it in as many of the candidate's segments
 * as the inductive pass found it in, and otherwise the first of word start (`prosjekt*`),
 * compound tail (`*midler`, which the matcher reads by stem: prosjektmidlene; else by the stem,
 * `*midl`) and compound part (`*prosjekt*`) that does, or else the one that finds it in most. The features count a word inside compounds
 * (prosjektgruppene → prosjekt, grupp), and a term that matches by stem does not.
 */
function termForms(groups: ReadonlyArray<{ terms: readonly KeyTerm[]; texts: readonly string[] }>, options: DraftOptions): string[][] {
  const shapes = (term: KeyTerm): string[] => (term.kind === 'phrase' || !/^[\p{L}\p{N}]+$/u.test(term.key) ? [term.term]
    : [...new Set([term.term, `${term.key}*`, `*${term.term}`, `*${term.key}`, `*${term.key}*`])]);
  // One code per shape of every term, matched once over each candidate's segments.
  const trial: Array<{ id: string; terms: string[] }> = [];
  const ids = groups.map((g, gi) => g.terms.map((term, ti) => shapes(term).map((raw, si) => {
    const id = `t${gi}-${ti}-${si}`;
    trial.push({ id, terms: [raw] });
    return id;
  })));
  if (trial.length === 0) return groups.map(() => []);
  const matcher = new Matcher(load(document(trial, options, TEXT.en)));
  return groups.map((g, gi) => {
    const found = new Map<string, number>();
    for (const text of g.texts) for (const m of matcher.match(text)) found.set(m.code, (found.get(m.code) ?? 0) + 1);
    return g.terms.map((term, ti) => {
      const forms = shapes(term);
      const counts = ids[gi]![ti]!.map((id) => found.get(id) ?? 0);
      const enough = counts.findIndex((n) => n >= term.segments);
      const best = enough >= 0 ? enough : counts.indexOf(Math.max(...counts));
      return forms[best]!;
    });
  });
}
