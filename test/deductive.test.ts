import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../src/codebook/load.js';
import { Matcher } from '../src/coding/matcher.js';

function matcher(codes: string, language = 'nb') {
  const { codebook, diagnostics } = loadCodebook(`codebook: t\nlanguage: ${language}\nthemes:\n  - id: t\n    codes:\n${codes}`, 't.yaml');
  if (!codebook) throw new Error(JSON.stringify(diagnostics));
  return new Matcher(codebook);
}

const code = (id: string, terms: string, polarity = 'any') => `      - id: ${id}\n        polarity: ${polarity}\n        terms: ${terms}\n`;

const ids = (m: Matcher, text: string) => m.match(text).map((c) => c.code);

describe('deductive matching of terms', () => {
  it('matches a word in every inflection through its stem, case-insensitively', () => {
    const m = matcher(code('res', '[ressurs]'));
    expect(ids(m, 'Ressursene er knappe.')).toEqual(['res']);
    expect(ids(m, 'Vi fikk ressurser.')).toEqual(['res']);
    expect(ids(m, 'Resultatet var bra.')).toEqual([]);
  });

  it('matches a prefix inside Norwegian compounds (samskap*)', () => {
    const m = matcher(code('co', '[samskap*]'));
    const hit = m.match('Samskapingsprosjektene i bydelen har gått fint.')[0]!;
    expect(hit.evidence[0]).toMatchObject({ term: 'samskap*', start: 0, end: 22, text: 'Samskapingsprosjektene' });
  });

  it('matches a compound tail (*innovasjon) and a compound part (*samskaping*)', () => {
    const m = matcher(code('tail', '["*innovasjon"]') + code('part', '["*samskaping*"]'));
    expect(ids(m, 'Tjenesteinnovasjonen kom fra de ansatte.')).toEqual(['tail']);
    expect(ids(m, 'Vi har et innbyggersamskapingsprosjekt.')).toEqual(['part']);
    expect(ids(m, 'Innovasjonsarbeidet er nytt.')).toEqual([]);
  });

  it('matches phrases word by word, each word by stem', () => {
    const m = matcher(code('p', '["god forankring i ledelsen"]'));
    expect(ids(m, 'Det har vært god forankring i ledelsen hele veien.')).toEqual(['p']);
    expect(ids(m, 'Forankring i ledelsen er god.')).toEqual([]);
  });

  it('matches regular expressions on the text', () => {
    const m = matcher(code('r', '[/tids?klemme/i]'));
    expect(m.match('En skikkelig TIDSKLEMME.')[0]!.evidence[0]).toMatchObject({ start: 13, end: 23, text: 'TIDSKLEMME' });
  });

  it('handles æøå and nynorsk forms', () => {
    const m = matcher(code('e', '[økonomi, ikkje]'));
    expect(ids(m, 'ØKONOMIEN er trang.')).toEqual(['e']);
  });

  it('uses the Porter stemmer for English codebooks', () => {
    const m = matcher(code('c', '[resource]'), 'en');
    expect(ids(m, 'We had no resources at all.')).toEqual(['c']);
  });
});

describe('polarity: telling inhibitors from promoters', () => {
  const m = matcher(
    code('lack-of-time', '[tid, ressurs, { term: tidspress, polarity: any }]', 'lack') +
    code('set-aside-time', '[tid, ressurs, "avsatt tid"]', 'presence'),
  );

  it.each([
    ['Vi har ikke tid til utviklingsarbeid.', ['lack-of-time']],
    ['Det er mangel på tid.', ['lack-of-time']],
    ['Vi har for lite ressurser.', ['lack-of-time']],
    ['Eg har ikkje tid til det.', ['lack-of-time']],
    ['Tida strekker ikke til.', ['lack-of-time']],
    ['Tid mangler hele tiden.', ['lack-of-time']],
    ['Tidspress preger hverdagen.', ['lack-of-time']],
    ['Vi har fått avsatt tid hver fredag.', ['set-aside-time']],
    ['Det er satt av tid og ressurser til piloten.', ['set-aside-time']],
  ])('%s', (text, expected) => {
    expect(ids(m, text)).toEqual(expected);
  });

  it('scopes a cue to its clause: punctuation and "men" end it', () => {
    expect(ids(m, 'Ikke penger, men vi fikk tid.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Vi har ikke penger. Tid har vi.')).toEqual(['set-aside-time']);
  });

  it('a cue reaches four words back, no further', () => {
    expect(ids(m, 'Vi har ikke noe særlig god tid.')).toEqual(['lack-of-time']);
    expect(ids(m, 'Ikke alle her i huset har fått god tid.')).toEqual(['set-aside-time']);
  });

  it('a negated cue governs nothing (double negation), unless «bare»/«only» stands between', () => {
    expect(ids(m, 'Det er ikke mangel på tid her.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Vi har ikke for lite ressurser.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Det er ikke noe mangel på tid.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Det er ikke bare mangel på tid.')).toEqual(['lack-of-time']);
    // A negation is not negated: «ikke ingen tid» (dialect) is still no time.
    expect(ids(m, 'Vi har ikke ingen tid.')).toEqual(['lack-of-time']);
    // The negation must stand in the cue's clause.
    expect(ids(m, 'Ikke det, mangel på tid er verre.')).toEqual(['lack-of-time']);
    const en = matcher(code('lack-of-support', '[support]', 'lack') + code('support', '[support]', 'presence'), 'en');
    expect(ids(en, 'There is no lack of support here.')).toEqual(['support']);
    expect(ids(en, 'We were not without support.')).toEqual(['support']);
    expect(ids(en, 'It is not only a lack of support.')).toEqual(['lack-of-support']);
    expect(ids(en, 'There is no support.')).toEqual(['lack-of-support']);
  });

  it('«strekker» after a term is a lack cue only with a negation after it', () => {
    expect(ids(m, 'Tida strekker til, stort sett.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Ressursene vi har strekker ikke til.')).toEqual(['lack-of-time']);
    expect(m.match('Ressursene vi har strekker ikke til.')[0]!.evidence[0]!.cue?.text).toBe('strekker');
  });

  it('a negated cue after a term governs nothing either', () => {
    expect(ids(m, 'Tid mangler ikke her.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Ressurser er ikke mangelvare hos oss.')).toEqual(['set-aside-time']);
    expect(ids(m, 'Tid har vi ikke lite av.')).toEqual(['set-aside-time']);
    // A restrictor keeps it; a negation with no lack word next to it is a lack cue as before.
    expect(ids(m, 'Tid mangler ikke bare her.')).toEqual(['lack-of-time']);
    expect(ids(m, 'Tid har vi ikke.')).toEqual(['lack-of-time']);
    expect(ids(m, 'Tid mangler.')).toEqual(['lack-of-time']);
    const en = matcher(code('lack-of-support', '[support]', 'lack') + code('support', '[support]', 'presence'), 'en');
    expect(ids(en, 'Support is not lacking.')).toEqual(['support']);
    expect(ids(en, 'Support is missing.')).toEqual(['lack-of-support']);
    expect(ids(en, 'Support was not there.')).toEqual(['lack-of-support']);
  });

  it('records the cue in the evidence', () => {
    const hit = m.match('Vi har ikke tid.')[0]!;
    expect(hit.evidence[0]).toMatchObject({ term: 'tid', text: 'tid', cue: { text: 'ikke', start: 7, end: 11 } });
  });

  it('reports each evidence span inside the text, sorted', () => {
    const text = 'Ressurser mangler, og tid mangler også.';
    const hit = m.match(text)[0]!;
    expect(hit.evidence.map((e) => text.slice(e.start, e.end))).toEqual(['Ressurser', 'tid']);
  });
});
