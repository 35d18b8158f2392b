import { createHash } from 'node:crypto';
import { isPair, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Code, Codebook, Diagnostic, Labels, Polarity, SourcePlace, Term, Theme } from '../model.js';
import { isLang } from '../text/lang.js';
import { parseYaml, isMap, isScalar, isSeq } from '../util/yaml.js';
import { requiredWordRuns } from '../coding/literal.js';
import { parseTerm } from './terms.js';

export interface LoadedCodebook {
  codebook?: Codebook;
  diagnostics: Diagnostic[];
}

const TOP_KEYS = ['codebook', 'title', 'language', 'version', 'description', 'cues', 'themes'];
const THEME_KEYS = ['id', 'label', 'description', 'themes', 'codes'];
const CODE_KEYS = [
  'id', 'label', 'definition', 'inclusion', 'exclusion', 'examples', 'counterexamples',
  'polarity', 'opposite', 'terms', 'candidate',
];
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** The keys of each mapping, by the key that holds it: a line indented wrongly is put where its key belongs. */
const KEYS_UNDER: Record<string, string[]> = {
  '': TOP_KEYS, themes: THEME_KEYS, codes: CODE_KEYS, label: ['nb', 'nn', 'en'], cues: ['lack'],
  terms: ['term', 'regex', 'polarity', 'unless'], unless: ['term', 'regex'],
};
/** The lists whose items are plain values (a term, an example, a cue), and those whose items are mappings. */
const PLAIN_ITEMS = ['terms', 'unless', 'examples', 'counterexamples', 'lack'];
const keyFits = (key: string, parent: string): boolean | undefined =>
  key === '-' ? (PLAIN_ITEMS.includes(parent) ? true : parent === 'codes' || parent === 'themes' ? false : undefined) : KEYS_UNDER[parent]?.includes(key);

/**
 * Parse and validate a codebook. Every problem is collected with its line and column, so a
 * reviewer sees them all at once; the codebook is returned only when there is no error.
 */
export function loadCodebook(text: string, file: string, bytes?: Uint8Array): LoadedCodebook {
  const { doc, place, diagnostics } = parseYaml(text.replace(/^\uFEFF/, ''), file, 'CODEBOOK_YAML_SYNTAX', 0, keyFits);
  // A key given twice, or a second document, leaves the rest of the file read as it is: check it
  // all, so one fix does not uncover the next error (every other syntax error stops here).
  const readOn = new Set(['CODEBOOK_YAML_SYNTAX_DUPLICATE_KEY']);
  const secondDocument = (d: Diagnostic) => d.code === 'CODEBOOK_YAML_SYNTAX' && d.message.startsWith('holds more than one YAML document');
  if (diagnostics.some((d) => d.severity === 'error' && !readOn.has(d.code) && !secondDocument(d))) return { diagnostics };
  const report = (severity: Diagnostic['severity'], code: string, node: Node | null | undefined, message: string, hint: string) => {
    diagnostics.push({ severity, code, message, hint, file, ...place(node) });
  };
  // An alias or merge key makes one code's text stand somewhere else in the file: a reviewer
  // reading a diff would not see that a change there changes this code too.
  const syntax = diagnostics.length;
  visit(doc, {
    Alias(_, node, path) {
      // Among terms, *alarm is far more likely a compound tail written without its quotes.
      const inTerms = path.some((p) => isPair(p) && isScalar(p.key) && (p.key.value === 'terms' || p.key.value === 'term'));
      report('error', 'CODEBOOK_YAML_ALIAS', node, `an alias (*${node.source}) stands for a value written elsewhere`,
        inTerms ? `A term that begins with * must be quoted, or YAML reads it as an alias: write "*${node.source}" (a compound tail).`
          : 'Write the value out here: each code should read on its own in a review (copy the text, or the list of terms).');
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        report('error', 'CODEBOOK_YAML_ALIAS', pair.key as Node, 'a merge key (<<) takes keys from a mapping written elsewhere',
          'Write the keys out in this mapping: each code should read on its own in a review.');
      }
    },
  });
  if (diagnostics.slice(syntax).some((d) => d.severity === 'error')) return { diagnostics };
  const root = doc.contents;
  if (!isMap(root)) {
    report('error', 'CODEBOOK_NOT_A_MAPPING', root, 'a codebook must be a mapping with codebook, language and themes',
      'Start from codebooks/innovasjon.yaml; see "Codebook format" in the README.');
    return { diagnostics };
  }

  const str = (node: Node | null | undefined, what: string): string | undefined => {
    if (node === undefined || node === null) return undefined;
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    // A number is kept as written: YAML reads id: 010 as 10, 0x1F as 31, 1.10 as 1.1.
    if (isScalar(node) && typeof node.value === 'number') return node.source ?? String(node.value);
    if (isScalar(node) && node.value === null) return undefined;
    // «Opplæringen var god: vi fikk kurs.» unquoted: YAML reads a key and a value at the ": ".
    const hint = isMap(node) && node.items.length === 1 ? `A ": " inside a text makes YAML read a key and a value: put ${what} in quotes ("…").`
      : `Write ${what} as a single line or a block of text.`;
    report('error', 'CODEBOOK_WRONG_TYPE', node, `${what} must be text`, hint);
    return undefined;
  };
  const strList = (node: Node | null | undefined, what: string): string[] => {
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      report('error', 'CODEBOOK_WRONG_TYPE', node, `${what} must be a list`, `Write each item of ${what} on its own line starting with "- ".`);
      return [];
    }
    return node.items.map((item) => str(item as Node, `each item of ${what}`)).filter((s): s is string => s !== undefined);
  };
  // Examples written [«Vi har ikke fått opplæring, sier hun.»] are split at the comma by YAML's
  // flow list: two halves, each with one guillemet, that no one meant.
  const quotesWhole = (node: Node | null | undefined, what: string): string[] => {
    const list = strList(node, what);
    if (isSeq(node) && node.flow) {
      for (const item of node.items) {
        const t = isScalar(item) && typeof item.value === 'string' ? item.value : '';
        if (t.includes('«') !== t.includes('»')) {
          report('warning', 'CODEBOOK_EXAMPLE_SPLIT', item as Node, `${what} has «${t.replace(/[«»]/g, '')}» with only one of « and »: a comma inside [ ] ends an item, so one quote became two`,
            'Write each example on its own line starting with "- ", or put it in quotes inside the brackets: ["«…, …»"].');
          break;
        }
      }
    }
    return list;
  };
  const fields = (map: YAMLMap, allowed: string[], where: string): Map<string, Pair<unknown, unknown>> => {
    const out = new Map<string, Pair<unknown, unknown>>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        const near = closest(key, allowed);
        report('error', 'CODEBOOK_UNKNOWN_KEY', pair.key as Node, `unknown key "${key}" in ${where}`,
          near ? `Did you mean "${near}"? Allowed: ${allowed.join(', ')}.` : `Allowed keys: ${allowed.join(', ')}.`);
        continue;
      }
      out.set(key, pair);
    }
    return out;
  };
  const value = (f: Map<string, Pair<unknown, unknown>>, key: string) => f.get(key)?.value as Node | null | undefined;
  const labels = (node: Node | null | undefined, where: string): Labels => {
    if (node === undefined || node === null) return {};
    if (isScalar(node)) {
      const text = str(node, `the label of ${where}`);
      if (text !== undefined && text.trim() === '') {
        report('error', 'CODEBOOK_EMPTY_LABEL', node, `the label of ${where} is blank`, 'Write the label, or leave label out (the id is shown instead).');
        return {};
      }
      return { nb: text };
    }
    if (!isMap(node)) {
      report('error', 'CODEBOOK_WRONG_TYPE', node, `the label of ${where} must be text or { nb: ..., en: ... }`,
        'Write label: { nb: Mangel på tid, en: Lack of time }.');
      return {};
    }
    const f = fields(node, ['nb', 'nn', 'en'], `the label of ${where}`);
    const out: Labels = {};
    const nb = str(value(f, 'nb') ?? value(f, 'nn'), 'a label');
    const en = str(value(f, 'en'), 'a label');
    // A label of blanks names nothing: tables and the report would show an empty row name.
    const blank = (text: string | undefined, key: string) => {
      if (text === undefined || text.trim() !== '') return text;
      report('error', 'CODEBOOK_EMPTY_LABEL', value(f, key) ?? node, `the ${key} label of ${where} is blank`, 'Write the label, or leave that language out (the id is shown instead).');
      return undefined;
    };
    const nbText = blank(nb, value(f, 'nb') !== undefined ? 'nb' : 'nn');
    const enText = blank(en, 'en');
    if (nbText !== undefined) out.nb = nbText;
    if (enText !== undefined) out.en = enText;
    return out;
  };
  const ids = new Map<string, SourcePlace>();
  /** Themes and codes whose id an earlier one has: a warning about "code X" would name the first too. */
  const repeated = new Set<Node>();
  /** Each code's `opposite`, checked against every code id once all are read. */
  const opposites: Array<{ code: string; opposite: string; node: Node }> = [];
  const checkId = (node: Node | null | undefined, where: string, parent: Node): string | undefined => {
    const id = str(node, `the id of ${where}`);
    if (id === undefined) {
      report('error', 'CODEBOOK_MISSING_FIELD', node ?? parent, `${where} has no id`, 'Give it a stable id such as lack-of-time.');
      return undefined;
    }
    if (!ID.test(id)) {
      report('error', 'CODEBOOK_INVALID_ID', node, `id "${id}" is not valid`,
        'Ids use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. lack-of-time).');
    }
    const first = ids.get(id);
    if (first) {
      report('error', 'CODEBOOK_DUPLICATE_ID', node, `id "${id}" is used twice (first at ${first.line}:${first.column}, again at ${place(node).line}:${place(node).column})`,
        'Every theme and code needs its own id: outputs and git diffs refer to it.');
      repeated.add(parent);
    } else ids.set(id, place(node));
    return id;
  };
  const polarityOf = (node: Node | null | undefined, fallback: Polarity): Polarity => {
    // Read in any case, as a note's lang is: «Lack» is lack.
    const p = str(node, 'polarity')?.trim().toLowerCase();
    if (p === undefined) return fallback;
    if (p === 'lack' || p === 'presence' || p === 'inherent' || p === 'any') return p;
    report('error', 'CODEBOOK_INVALID_POLARITY', node, `polarity "${p}" is not lack, presence, inherent or any`,
      'Use polarity: lack for inhibitors (the factor is missing), presence for promoters, inherent for a word that is one side in itself (silotenkning), any for both.');
    return fallback;
  };

  const codes: Code[] = [];
  const termOwners = new Map<string, { code: string; node: Node; polarity: Polarity }>();

  /** A term's text as written, parsed: a word, phrase, prefix, part or /regular expression/; undefined when it has an error (reported). */
  const parseTermAt = (node: Node, raw: string | undefined, regex: boolean, code: string, reported: number, what = 'a term'): Term | undefined => {
    // A term of the wrong type (true, a list) has its error already, not a second one for being empty.
    if (raw === undefined && diagnostics.length > reported) return undefined;
    if (raw === undefined || raw.trim() === '' || raw.trim() === '*' || raw.trim() === '**') {
      report('error', 'CODEBOOK_EMPTY_TERM', node, `${what} of ${code} is empty`, 'Remove the empty term or write the word it should match.');
      return undefined;
    }
    const parsed = parseTerm(regex ? `/${raw}/i` : raw);
    if (!parsed.ok) {
      report('error', parsed.code, node, parsed.message, parsed.hint);
      return undefined;
    }
    const re = parsed.term.regex;
    if (re && requiredWordRuns(re.source, re.flags.includes('i')).length === 0) {
      report('warning', 'CODEBOOK_SLOW_REGEX', node,
        `regular expression ${parsed.term.raw} has no plain text that every match contains, so it is tried on every segment and no segment can be skipped`,
        'Keep a plain run of two or more letters in every alternative, or write the term as words and phrases ("R&D" rather than /\\bR&D\\b/).');
    }
    return { ...parsed.term, place: place(node) };
  };

  /**
   * A term's `unless` list: terms (text or { term } / { regex }) for the contexts in which it does
   * not count. Each must be able to overlap the term: a word or phrase with a word that can be a
   * word of the term (CODEBOOK_UNLESS_WITHOUT_TERM), since a context is the term with words around it.
   */
  const readUnless = (node: Node | null | undefined, term: Term | undefined, code: string): Term[] | undefined => {
    if (node === undefined || node === null) return undefined;
    if (!isSeq(node)) {
      report('error', 'CODEBOOK_WRONG_TYPE', node, `the unless of a term of ${code} must be a list`,
        'Write the contexts in which the term does not count as a list: unless: [økonomisk handlingsrom*].');
      return undefined;
    }
    const out: Term[] = [];
    for (const item of node.items as Node[]) {
      const reported = diagnostics.length;
      let raw: string | undefined;
      let regex = false;
      if (isScalar(item)) raw = str(item, 'an unless term');
      else if (isMap(item)) {
        const f = fields(item, ['term', 'regex'], `an unless term of ${code}`);
        const t = value(f, 'term');
        const r = value(f, 'regex');
        if ((t === undefined) === (r === undefined)) {
          report('error', 'CODEBOOK_WRONG_TYPE', item, 'an unless term needs exactly one of term or regex', 'Write it as text: økonomisk handlingsrom*, or { regex: "..." }.');
          continue;
        }
        raw = str(t ?? r, 'an unless term');
        regex = r !== undefined;
      } else {
        report('error', 'CODEBOOK_WRONG_TYPE', item, `an unless term of ${code} must be text`, 'Write each context on its own line starting with "- ".');
        continue;
      }
      const parsed = parseTermAt(item, raw, regex, code, reported, 'an unless term');
      if (!parsed) continue;
      if (term && !canOverlap(parsed, term)) {
        report('warning', 'CODEBOOK_UNLESS_WITHOUT_TERM', item,
          `unless term "${parsed.raw}" has no word that can be a word of the term "${term.raw}", so it never overlaps a match of it and changes nothing`,
          `An unless term is the term in its context, with the words around it: write "${parsed.raw} ${term.raw}" rather than "${parsed.raw}".`);
      }
      out.push(parsed);
    }
    return out.length > 0 ? out : undefined;
  };

  const readTerm = (node: Node, code: string, codePolarity: Polarity): Term | undefined => {
    let raw: string | undefined;
    let polarity: Polarity | undefined;
    let regex = false;
    let unlessNode: Node | null | undefined;
    const reported = diagnostics.length;
    if (isScalar(node)) raw = str(node, 'a term');
    else if (isMap(node)) {
      const f = fields(node, ['term', 'regex', 'polarity', 'unless'], `a term of ${code}`);
      unlessNode = value(f, 'unless');
      const t = value(f, 'term');
      const r = value(f, 'regex');
      if ((t === undefined) === (r === undefined)) {
        report('error', 'CODEBOOK_WRONG_TYPE', node, 'a term object needs exactly one of term or regex',
          'Write { term: silotenkning, polarity: any } or { regex: "tids?klemme" }.');
        return undefined;
      }
      raw = str(t ?? r, 'a term');
      regex = r !== undefined;
      if (f.has('polarity')) polarity = polarityOf(value(f, 'polarity'), 'any');
    } else {
      report('error', 'CODEBOOK_WRONG_TYPE', node, `a term of ${code} must be text or { term: ..., polarity: ... }`,
        'Write each term on its own line starting with "- ".');
      return undefined;
    }
    const term = parseTermAt(node, raw, regex, code, reported);
    const unless = readUnless(unlessNode, term, code);
    if (!term) return undefined;
    const key = term.raw.toLowerCase();
    const owner = termOwners.get(key);
    const effective = polarity ?? codePolarity;
    // The same word in an inhibitor (lack) and a promoter (presence) is the design, not a slip.
    const mirrored = owner && [owner.polarity, effective].sort().join() === 'lack,presence';
    if (owner && owner.code !== code && !mirrored) {
      report('warning', 'CODEBOOK_TERM_IN_TWO_CODES', node, `term "${term.raw}" is also a term of ${owner.code}`,
        'A term in two codes codes the same text twice; keep it if the codes differ by polarity, or make it more specific.');
    } else if (!owner) termOwners.set(key, { code, node, polarity: effective });
    return { ...term, ...(polarity ? { polarity } : {}), ...(unless ? { unless } : {}) };
  };

  const readCode = (node: Node, themePath: string[]): Code | undefined => {
    if (!isMap(node)) {
      report('error', 'CODEBOOK_WRONG_TYPE', node, 'a code must be a mapping with id, label and terms', 'See "Codebook format" in the README.');
      return undefined;
    }
    const f = fields(node, CODE_KEYS, 'a code');
    const id = checkId(value(f, 'id'), 'a code', node) ?? '';
    const polarity = polarityOf(value(f, 'polarity'), 'any');
    const termsNode = value(f, 'terms');
    const terms: Term[] = [];
    if (termsNode !== undefined && termsNode !== null && !isSeq(termsNode)) {
      report('error', 'CODEBOOK_WRONG_TYPE', termsNode, `the terms of ${id} must be a list`, 'Write each term on its own line starting with "- ".');
    } else if (isSeq(termsNode)) {
      for (const t of termsNode.items) {
        const term = readTerm(t as Node, id, polarity);
        if (term) terms.push(term);
      }
    }
    const termsOfWrongType = termsNode !== undefined && termsNode !== null && !isSeq(termsNode);
    // A second code with the id of the first is reported as such; «code tidsmangel has no terms»
    // would read as said of the first, which may well have terms.
    if (terms.length === 0 && !(isSeq(termsNode) && termsNode.items.length > 0) && !termsOfWrongType && !repeated.has(node)) {
      report('warning', 'CODEBOOK_CODE_WITHOUT_TERMS', value(f, 'id') ?? node, `code ${id} has no terms, so the deductive pass never applies it`,
        'Add terms, or keep it for human coding only.');
    }
    const code: Code = {
      id, themePath, label: labels(value(f, 'label'), `code ${id}`),
      examples: quotesWhole(value(f, 'examples'), `the examples of ${id}`),
      counterexamples: quotesWhole(value(f, 'counterexamples'), `the counterexamples of ${id}`),
      polarity, terms, place: place(node),
    };
    for (const k of ['definition', 'inclusion', 'exclusion'] as const) {
      const v = str(value(f, k), `the ${k} of ${id}`);
      if (v !== undefined) code[k] = v.trim();
    }
    const candidate = value(f, 'candidate');
    if (isScalar(candidate) && candidate.value === true) code.candidate = true;
    const oppositeNode = value(f, 'opposite');
    const opposite = str(oppositeNode, `the opposite of ${id}`)?.trim();
    if (opposite !== undefined && oppositeNode) {
      code.opposite = opposite;
      opposites.push({ code: id, opposite, node: oppositeNode });
    }
    codes.push(code);
    return code;
  };

  const readTheme = (node: Node, parents: string[]): Theme | undefined => {
    if (!isMap(node)) {
      report('error', 'CODEBOOK_WRONG_TYPE', node, 'a theme must be a mapping with id, label and codes or themes', 'See "Codebook format" in the README.');
      return undefined;
    }
    const f = fields(node, THEME_KEYS, 'a theme');
    const id = checkId(value(f, 'id'), 'a theme', node) ?? '';
    const path = [...parents, id];
    const theme: Theme = { id, label: labels(value(f, 'label'), `theme ${id}`), themes: [], codes: [], place: place(node) };
    const description = str(value(f, 'description'), `the description of ${id}`);
    if (description !== undefined) theme.description = description.trim();
    for (const [key, read] of [['codes', readCode], ['themes', readTheme]] as const) {
      const list = value(f, key);
      if (list === undefined || list === null) continue;
      if (!isSeq(list)) {
        report('error', 'CODEBOOK_WRONG_TYPE', list, `the ${key} of ${id} must be a list`, `Write each item of ${key} starting with "- ".`);
        continue;
      }
      for (const item of list.items) {
        const child = read(item as Node, path);
        if (child && key === 'codes') theme.codes.push(child as Code);
        if (child && key === 'themes') theme.themes.push(child as Theme);
      }
    }
    if (theme.codes.length === 0 && theme.themes.length === 0 && !repeated.has(node)) {
      report('warning', 'CODEBOOK_EMPTY_THEME', value(f, 'id') ?? node, `theme ${id} has no codes`, 'Add codes under it or remove it.');
    }
    return theme;
  };

  const top = fields(root, TOP_KEYS, 'the codebook');
  const id = str(value(top, 'codebook'), 'codebook');
  if (id === undefined) report('error', 'CODEBOOK_MISSING_FIELD', root, 'the codebook has no "codebook" id', 'Add a first line such as "codebook: innovasjon".');
  // The codebook's id names files and drafts (<id>-candidates) as code ids do: the same rule.
  else if (!ID.test(id)) {
    report('error', 'CODEBOOK_INVALID_ID', value(top, 'codebook'), `codebook id "${id}" is not valid`,
      'Ids use lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. codebook: velferdsteknologi).');
  }
  const language = str(value(top, 'language'), 'language')?.trim().toLowerCase();
  if (language === undefined) {
    report('error', 'CODEBOOK_MISSING_FIELD', root, 'the codebook has no "language"', 'Add "language: nb" (or nn, en): it decides stemming and cue words.');
  } else if (!isLang(language)) {
    report('error', 'CODEBOOK_INVALID_LANGUAGE', value(top, 'language'), `language "${language}" is not nb, nn or en`, 'Use language: nb, nn or en.');
  }
  const themesNode = value(top, 'themes');
  const themes: Theme[] = [];
  if (!isSeq(themesNode)) {
    report('error', themesNode === undefined ? 'CODEBOOK_MISSING_FIELD' : 'CODEBOOK_WRONG_TYPE', themesNode ?? root,
      'the codebook needs a list of themes', 'Add "themes:" with one "- id: ..." entry per theme.');
  } else {
    for (const t of themesNode.items) {
      const theme = readTheme(t as Node, []);
      if (theme) themes.push(theme);
    }
  }
  const codeIds = new Set(codes.map((c) => c.id));
  for (const { code, opposite, node } of opposites) {
    if (opposite === code || !codeIds.has(opposite)) {
      const near = closest(opposite, [...codeIds].filter((c) => c !== code));
      report('error', 'CODEBOOK_UNKNOWN_OPPOSITE', node, opposite === code ? `code ${code} is its own opposite` : `the opposite of ${code}, "${opposite}", is no code of this codebook`,
        `Name the code that a denied term of ${code} is coded as instead${near && opposite !== code ? ` (did you mean "${near}"?)` : ', such as lack-of-competence for competence-building'}.`);
    }
  }
  const cues = { lack: [] as string[] };
  const cuesNode = value(top, 'cues');
  if (isMap(cuesNode)) {
    const f = fields(cuesNode, ['lack'], 'cues');
    const lackNode = value(f, 'lack');
    cues.lack = strList(lackNode, 'cues.lack');
    // A cue is one word: the cue rule reads words one at a time, so «for få» never matched.
    if (isSeq(lackNode)) {
      for (const item of lackNode.items) {
        const cue = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '';
        if (/\s/.test(cue)) {
          report('error', 'CODEBOOK_CUE_NOT_A_WORD', item as Node, `the lack cue "${cue}" has several words; a cue is one word`,
            `Give the one word that says lack (${cue.split(/\s+/).at(-1)}); a phrase belongs among a lack code's terms.`);
        }
      }
    }
  } else if (cuesNode !== undefined && cuesNode !== null) {
    report('error', 'CODEBOOK_WRONG_TYPE', cuesNode, 'cues must be a mapping', 'Write cues: { lack: [savner, etterlyser] }.');
  }

  const versionNode = value(top, 'version');
  if (versionNode !== undefined && versionNode !== null && !(isScalar(versionNode) && (typeof versionNode.value === 'string' || typeof versionNode.value === 'number'))) {
    report('error', 'CODEBOOK_WRONG_TYPE', versionNode, 'version must be a single value: text or a number', 'Write e.g. version: 3 or version: "2026-03".');
  }

  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const codebook: Codebook = {
    id: id!, language: language as Codebook['language'], cues, themes, codes,
    source: { path: file, sha256: createHash('sha256').update(bytes ?? text).digest('hex') },
  };
  const title = str(value(top, 'title'), 'title');
  if (title !== undefined) codebook.title = title;
  const version = value(top, 'version');
  if (isScalar(version) && (typeof version.value === 'string' || typeof version.value === 'number')) {
    // version: 1.10 is «1.10», not 1.1: a number is kept as a number only when it reads back as written.
    codebook.version = typeof version.value === 'number' && version.source !== undefined && version.source !== String(version.value) ? version.source : version.value;
  }
  const description = str(value(top, 'description'), 'description');
  if (description !== undefined) codebook.description = description.trim();
  return { codebook, diagnostics };
}

/** The allowed key closest to a misspelt one, if it is close. */
function closest(word: string, options: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o);
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Every theme in the tree, depth first. */
export function allThemes(codebook: Pick<Codebook, 'themes'>): Theme[] {
  const out: Theme[] = [];
  const walk = (t: Theme) => {
    out.push(t);
    t.themes.forEach(walk);
  };
  codebook.themes.forEach(walk);
  return out;
}

/**
 * Whether an unless term can overlap a match of `term`: a regular expression on either side can; a
 * word or phrase must have a word that can be one of the term's (the same first three letters, or
 * one inside the other), so that «økonomisk» alone, for handlingsrom*, is caught.
 */
function canOverlap(unless: Term, term: Term): boolean {
  if (!unless.words || !term.words) return true;
  return unless.words.some((w) => {
    const b = w.text.toLowerCase();
    return term.words!.some((t) => {
      const a = t.text.toLowerCase();
      return a.slice(0, 3) === b.slice(0, 3) || a.includes(b) || b.includes(a);
    });
  });
}
