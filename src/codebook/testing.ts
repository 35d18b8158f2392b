import { Matcher } from '../coding/matcher.js';
import type { Code, Codebook, Evidence, SourcePlace } from '../model.js';

/** One example or counterexample run through the deductive matcher. */
export interface CaseResult {
  code: string;
  kind: 'example' | 'counterexample';
  /** 0-based position in the code's list. */
  index: number;
  text: string;
  pass: boolean;
  /** Evidence for the code itself: why a counterexample got it, or why an example did. */
  evidence: Evidence[];
  /** For a failing example: the terms of the code that matched but were set aside by the polarity rule. */
  rejected: Evidence[];
  /** For a failing example: the terms of the code that matched but were set aside by their `unless` list, each with the list. */
  unlessed: Array<Evidence & { unless: string[] }>;
  /** The other codes the text got, with the term that gave each. */
  others: Array<{ code: string; terms: string[] }>;
  place?: SourcePlace;
}

export interface CodebookTestResult {
  cases: CaseResult[];
  passed: number;
  failed: number;
  /** Codes with terms but no examples: nothing checks them. */
  untested: string[];
}

/** Where each example and counterexample sits in the codebook file, by code id. */
export type CasePlaces = Map<string, { examples: SourcePlace[]; counterexamples: SourcePlace[] }>;

/**
 * Every code's examples must get that code from the deductive matcher, and its counterexamples must
 * not. The same Matcher as `themes code` does the work, so a passing test means the real pass agrees.
 */
export function testCodebook(codebook: Codebook, places: CasePlaces = new Map()): CodebookTestResult {
  const matcher = new Matcher(codebook);
  const cases: CaseResult[] = [];
  const untested: string[] = [];
  for (const code of codebook.codes) {
    if (code.examples.length === 0 && code.counterexamples.length === 0) {
      if (code.terms.length > 0) untested.push(code.id);
      continue;
    }
    for (const kind of ['example', 'counterexample'] as const) {
      const list = kind === 'example' ? code.examples : code.counterexamples;
      list.forEach((text, index) => {
        const matches = matcher.match(text);
        const own = matches.find((m) => m.code === code.id);
        const got = own !== undefined;
        const pass = kind === 'example' ? got : !got;
        const result: CaseResult = {
          code: code.id, kind, index, text, pass,
          evidence: own?.evidence ?? [],
          rejected: kind === 'example' && !got ? rejectedByPolarity(codebook, code, text) : [],
          unlessed: kind === 'example' && !got ? setAsideByUnless(codebook, code, text) : [],
          others: matches.filter((m) => m.code !== code.id).map((m) => ({ code: m.code, terms: [...new Set(m.evidence.map((e) => e.term))] })),
        };
        const place = places.get(code.id)?.[kind === 'example' ? 'examples' : 'counterexamples'][index];
        if (place) result.place = place;
        cases.push(result);
      });
    }
  }
  const failed = cases.filter((c) => !c.pass).length;
  return { cases, passed: cases.length - failed, failed, untested };
}

/** Term matches the polarity rule threw away: the code again, with every polarity set to any. */
function rejectedByPolarity(codebook: Codebook, code: Code, text: string): Evidence[] {
  if (code.polarity === 'any' && code.terms.every((t) => (t.polarity ?? 'any') === 'any')) return [];
  return looseMatch(codebook, code, text, true);
}

/** Term matches an unless list threw away: the code with every polarity any, with and without the lists. */
function setAsideByUnless(codebook: Codebook, code: Code, text: string): Array<Evidence & { unless: string[] }> {
  if (code.terms.every((t) => !t.unless?.length)) return [];
  const kept = looseMatch(codebook, code, text, true);
  const listOf = new Map(code.terms.map((t) => [t.raw, (t.unless ?? []).map((u) => u.raw)]));
  return looseMatch(codebook, code, text, false)
    .filter((e) => !kept.some((k) => k.start === e.start && k.end === e.end && k.term === e.term))
    .map((e) => ({ ...e, unless: listOf.get(e.term) ?? [] }));
}

/** The code's evidence in `text` with every polarity set to any; without the unless lists unless `unless`. */
function looseMatch(codebook: Codebook, code: Code, text: string, unless: boolean): Evidence[] {
  const loose: Code = { ...code, polarity: 'any', terms: code.terms.map(({ unless: list, ...t }) => ({ ...t, polarity: 'any', ...(unless && list ? { unless: list } : {}) })) };
  const single: Codebook = { ...codebook, codes: [loose], themes: [] };
  return new Matcher(single).match(text)[0]?.evidence ?? [];
}
