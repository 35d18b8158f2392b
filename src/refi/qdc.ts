// REFI-QDA codebooks (.qdc): write strictly (schema 1.0), read tolerantly (what other tools write).
import { stringify } from 'yaml';
import type { Codebook, Diagnostic, Lang, Theme } from '../model.js';
import { foldCode, foldTheme, unfold } from './description.js';
import { canonicalGuid, guidFor } from './guid.js';
import { child, children, esc, escText, parseXml, type XmlNode } from './xml.js';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

/** One colour per top-level theme, so the groups stand apart in NVivo and ATLAS.ti. #RRGGBB only. */
const PALETTE = ['#1F77B4', '#D62728', '#2CA02C', '#9467BD', '#FF7F0E', '#8C564B', '#E377C2', '#17BECF', '#7F7F7F', '#BCBD22'];

export const codeGuid = (id: string) => guidFor(`code:${id}`);
export const themeGuid = (id: string) => guidFor(`theme:${id}`);

/** The `<Code>` tree of a codebook: themes are non-codable codes holding their sub-themes and codes. */
export function codeTreeXml(codebook: Codebook, lang: 'nb' | 'en', indent: string): string {
  const label = (l: { nb?: string; en?: string }, id: string) => (lang === 'en' ? l.en ?? l.nb : l.nb ?? l.en) ?? id;
  const lines: string[] = [];
  const theme = (t: Theme, depth: number, color: string) => {
    const pad = indent + '  '.repeat(depth);
    lines.push(`${pad}<Code guid="${themeGuid(t.id)}" name="${esc(label(t.label, t.id))}" isCodable="false" color="${color}">`);
    lines.push(`${pad}  <Description>${escText(foldTheme(t))}</Description>`);
    for (const sub of t.themes) theme(sub, depth + 1, color);
    for (const c of t.codes) {
      lines.push(`${pad}  <Code guid="${codeGuid(c.id)}" name="${esc(label(c.label, c.id))}" isCodable="true" color="${color}">`);
      lines.push(`${pad}    <Description>${escText(foldCode(c))}</Description>`);
      lines.push(`${pad}  </Code>`);
    }
    lines.push(`${pad}</Code>`);
  };
  codebook.themes.forEach((t, i) => theme(t, 0, PALETTE[i % PALETTE.length]!));
  return lines.join('\n');
}

/**
 * The codebook's own fields have no place in the schema; `origin` carries them so a round trip
 * keeps them: id and language, then title, version, description and the lack cues as JSON
 * (they decide coding: a cue word lost on the way codes a note differently).
 */
export function origin(codebook: Codebook, version: string): string {
  const fields: CodebookFields = {
    ...(codebook.title !== undefined ? { title: codebook.title } : {}),
    ...(codebook.version !== undefined ? { version: codebook.version } : {}),
    ...(codebook.description !== undefined ? { description: codebook.description } : {}),
    ...(codebook.cues.lack.length > 0 ? { cues: { lack: codebook.cues.lack } } : {}),
  };
  return `themes ${version}; codebook ${codebook.id}; language ${codebook.language}${Object.keys(fields).length > 0 ? `; fields ${JSON.stringify(fields)}` : ''}`;
}

/** Whether a codebook's or project's `origin` says themes wrote it (`themes 0.1.0; …`). */
export function writtenByThemes(origin: string | undefined): boolean {
  return /^themes \S+(;|$)/.test(origin ?? '');
}

/** What `origin` carries besides id and language. */
interface CodebookFields {
  title?: string;
  version?: string | number;
  description?: string;
  cues?: { lack: string[] };
}

/** The fields back from an origin that themes wrote; anything of the wrong shape is left out. */
function originFields(json: string | undefined): CodebookFields {
  if (json === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const lack = (r.cues as { lack?: unknown } | undefined)?.lack;
  return {
    ...(typeof r.title === 'string' ? { title: r.title } : {}),
    ...(typeof r.version === 'string' || typeof r.version === 'number' ? { version: r.version } : {}),
    ...(typeof r.description === 'string' ? { description: r.description } : {}),
    ...(Array.isArray(lack) && lack.every((w) => typeof w === 'string') ? { cues: { lack: lack as string[] } } : {}),
  };
}

export function codebookToQdc(codebook: Codebook, options: { lang: 'nb' | 'en'; version: string }): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${CODEBOOK_NS}" origin="${esc(origin(codebook, options.version))}">`,
    '  <Codes>',
    codeTreeXml(codebook, options.lang, '    '),
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}

/** A code as another tool wrote it, before it becomes a theme or a code of ours. */
export interface QdaCode {
  guid?: string;
  name: string;
  isCodable: boolean;
  description?: string;
  children: QdaCode[];
}

type Report = (severity: Diagnostic['severity'], code: string, message: string, hint: string) => void;

/** Read `<Code>` elements, whatever order Description and children come in, collecting diagnostics. */
export function readCodes(parent: XmlNode, report: Report, seenGuids = new Map<string, string>()): QdaCode[] {
  return children(parent, 'Code').map((node) => {
    const name = (node.attrs.name ?? '').trim();
    const raw = node.attrs.guid;
    const guid = canonicalGuid(raw);
    if (raw === undefined) report('warning', 'QDC_MISSING_GUID', `code "${name}" has no guid`, 'The code is read; tools that refer to it by GUID will not find it.');
    else if (!guid) report('warning', 'QDC_BAD_GUID', `code "${name}" has guid "${raw}", which is not a GUID`, 'The code is read by its name; a GUID looks like 1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294.');
    else if (seenGuids.has(guid)) report('warning', 'QDC_DUPLICATE_GUID', `code "${name}" has the same guid as "${seenGuids.get(guid)}"`, 'Both are read; references by GUID go to the first.');
    if (guid && !seenGuids.has(guid)) seenGuids.set(guid, name);
    const color = node.attrs.color;
    if (color !== undefined && !/^#[0-9A-Fa-f]{6}$/.test(color) && !/^#[0-9A-Fa-f]{3}$/.test(color)) {
      report('warning', 'QDC_BAD_COLOR', `code "${name}" has colour "${color}", which is not #RRGGBB`, 'The colour is ignored (themes does not keep colours).');
    }
    const kids = node.children.map((c) => c.name);
    const firstCode = kids.indexOf('Code');
    const desc = kids.indexOf('Description');
    if (firstCode !== -1 && desc > firstCode) {
      report('warning', 'QDC_ELEMENT_ORDER', `code "${name}" has its Description after its child codes`, 'Read anyway; the schema wants Description first.');
    }
    const codable = node.attrs.isCodable;
    if (codable === undefined) report('warning', 'QDC_MISSING_ISCODABLE', `code "${name}" has no isCodable`, 'Read as codable.');
    const description = child(node, 'Description')?.text;
    return {
      ...(guid ? { guid } : {}), name: name || (guid ?? 'code'),
      isCodable: codable === undefined ? true : codable.trim() === 'true' || codable.trim() === '1',
      ...(description !== undefined && description.trim() !== '' ? { description } : {}),
      children: readCodes(node, report, seenGuids),
    };
  });
}

/** Which namespace a root element is in, and whether we tolerate it. */
export function checkNamespace(root: XmlNode, kind: 'codebook' | 'project', report: Report): void {
  const ns = root.attrs.xmlns;
  const want = `urn:QDA-XML:${kind}:1.0`;
  if (ns === want) return;
  if (ns === `urn:QDA-XML:${kind}:1:0` || ns === `urn:QDA-XML:${kind}:0:4` || ns === `urn:QDA-XML:${kind}:0.4`) {
    report('warning', 'REFI_NAMESPACE_VARIANT', `uses the namespace ${ns}; read as ${want}`, 'Written by an older or non-conforming tool; themes always writes 1.0.');
    return;
  }
  report('warning', 'REFI_NAMESPACE_UNKNOWN', ns ? `uses the unknown namespace ${ns}` : `has no namespace (expected ${want})`, 'Read as REFI-QDA 1.0 anyway.');
}

export interface ImportOptions extends CodebookFields {
  /** Codebook id; default from the file name. */
  id: string;
  /** The id was given (--id): it wins over the one an `origin` themes wrote carries. */
  keepId?: boolean;
  language: Lang;
  /** The language was given (--language): it wins over the one an `origin` themes wrote carries. */
  keepLanguage?: boolean;
  /**
   * Whether themes wrote the file (its `origin` says so): only then are Descriptions read as the
   * labelled lines themes folds a code into; another tool's are kept whole as text.
   */
  ours?: boolean;
}

export interface ImportedCodebook {
  yaml?: string;
  /** Every code's id by its canonical GUID, to resolve codings in a project. */
  idByGuid: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** A .qdc file's text → a YAML codebook in our format. */
export function qdcToYaml(text: string, file: string, options: ImportOptions): ImportedCodebook {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (severity, code, message, hint) => diagnostics.push({ severity, code, message, hint, file });
  const parsed = parseXml(text);
  if (!parsed.ok) {
    diagnostics.push({ severity: 'error', code: 'QDC_NOT_XML', file, line: parsed.line, column: parsed.column, message: `is not well-formed XML: ${parsed.message}`, hint: 'Export the codebook again from the other tool.' });
    return { idByGuid: new Map(), diagnostics };
  }
  const root = parsed.root;
  if (root.name !== 'CodeBook') {
    report('error', 'QDC_NOT_A_CODEBOOK', `has the root element <${root.name}>, not <CodeBook>`,
      root.name === 'Project' ? 'This is a project file: use themes import qdpx.' : 'Give a REFI-QDA codebook (.qdc).');
    return { idByGuid: new Map(), diagnostics };
  }
  checkNamespace(root, 'codebook', report);
  const codesNode = child(root, 'Codes');
  const tree = codesNode ? readCodes(codesNode, report) : [];
  for (const set of children(child(root, 'Sets'), 'Set')) {
    if (children(set, 'MemberCode').some((m) => m.attrs.guid === undefined && m.attrs.targetGUID !== undefined)) {
      report('warning', 'QDC_MEMBERCODE_TARGETGUID', `set "${set.attrs.name ?? ''}" refers to codes with targetGUID instead of guid`, 'Tolerated.');
    }
  }
  if (children(child(root, 'Sets'), 'Set').length > 0) {
    report('warning', 'QDC_SETS_IGNORED', 'code sets (groups of codes) are not imported', 'Sets have no place in a themes codebook; group codes under themes instead.');
  } else if (child(root, 'Sets')) {
    report('warning', 'QDC_EMPTY_SETS', 'has an empty <Sets/> element, which the schema does not allow', 'Tolerated.');
  }
  if (tree.length === 0) {
    report('error', 'QDC_NO_CODES', 'has no codes (<Codes/> is empty or missing)', 'Export a codebook that has at least one code.');
    return { idByGuid: new Map(), diagnostics };
  }
  const built = treeToCodebook(tree, fromOrigin(root.attrs.origin, options), report);
  return { yaml: built.yaml, idByGuid: built.idByGuid, diagnostics };
}

/**
 * Import options with what an `origin` themes wrote carries (see origin()): the codebook's id
 * (unless one was given, keepId), language (unless one was given, keepLanguage), title, version,
 * description and lack cues, in a .qdc's <CodeBook> or a .qdpx's <Project>.
 */
export function fromOrigin(originAttr: string | undefined, options: ImportOptions): ImportOptions {
  const meta = /^themes [^;]*; codebook ([a-z0-9][a-z0-9-]*); language (nb|nn|en)(?:; fields (\{[\s\S]*\}))?$/.exec(originAttr ?? '');
  return {
    ...options,
    id: options.keepId ? options.id : meta?.[1] ?? options.id,
    language: options.keepLanguage ? options.language : (meta?.[2] as Lang | undefined) ?? options.language,
    ...originFields(meta?.[3]),
    ours: writtenByThemes(originAttr),
  };
}

/** Turn a tool's code tree into our codebook: codes with children become themes; loose codes go under one theme. */
export function treeToCodebook(tree: QdaCode[], options: ImportOptions, report: Report): { yaml: string; idByGuid: Map<string, string>; themeByGuid: Map<string, string> } {
  const used = new Set<string>();
  /** Codes by GUID; themes (groups, or codes not codable) apart: a coding can only be on a code. */
  const idByGuid = new Map<string, string>();
  const themeByGuid = new Map<string, string>();
  const codeRecords: Array<Record<string, unknown>> = [];
  const labelKey = options.language === 'en' ? 'en' : 'nb';
  const takeId = (wanted: string | undefined, name: string): string => {
    let base = wanted && /^[a-z0-9][a-z0-9-]*$/.test(wanted) && !used.has(wanted) ? wanted : slug(name);
    if (used.has(base)) {
      let n = 2;
      while (used.has(`${base}-${n}`)) n++;
      report('warning', 'QDC_DUPLICATE_NAME', `two codes would get the id "${base}"; the second is "${base}-${n}"`, 'Rename one of them in the source tool, or edit the ids in the YAML.');
      base = `${base}-${n}`;
    }
    used.add(base);
    return base;
  };
  const labelOf = (u: ReturnType<typeof unfold>, name: string) => {
    const l: Record<string, string> = { ...u.labels };
    if (!l[labelKey]) l[labelKey] = name;
    return Object.keys(l).length === 1 ? l[labelKey]! : { ...(l.nb ? { nb: l.nb } : {}), ...(l.en ? { en: l.en } : {}) };
  };
  const asTheme = (c: QdaCode): Record<string, unknown> => {
    const u = unfold(c.description, options.ours);
    const id = takeId(u.id, c.name);
    if (c.guid) themeByGuid.set(c.guid, id);
    if (c.isCodable && c.children.length > 0) {
      report('warning', 'QDC_CODABLE_GROUP', `code "${c.name}" has sub-codes, so it becomes the theme ${id}; codings on it cannot be kept`, 'Move the codings to one of its sub-codes, or to a new sub-code, before exporting.');
    }
    const subThemes = c.children.filter((k) => k.children.length > 0 || !k.isCodable).map(asTheme);
    const codes = c.children.filter((k) => k.children.length === 0 && k.isCodable).map(asCode);
    const description = u.text ?? u.definition;
    return {
      id, label: labelOf(u, c.name), ...(description ? { description } : {}),
      ...(subThemes.length ? { themes: subThemes } : {}), ...(codes.length ? { codes } : {}),
    };
  };
  const asCode = (c: QdaCode): Record<string, unknown> => {
    const u = unfold(c.description, options.ours);
    const id = takeId(u.id, c.name);
    if (c.guid) idByGuid.set(c.guid, id);
    const definition = u.definition ?? u.text;
    const record: Record<string, unknown> = {
      id, label: labelOf(u, c.name),
      ...(definition ? { definition } : {}),
      ...(u.inclusion ? { inclusion: u.inclusion } : {}),
      ...(u.exclusion ? { exclusion: u.exclusion } : {}),
      ...(u.examples.length ? { examples: u.examples } : {}),
      ...(u.counterexamples.length ? { counterexamples: u.counterexamples } : {}),
      ...(u.polarity && u.polarity !== 'any' ? { polarity: u.polarity } : {}),
      ...(u.opposite ? { opposite: u.opposite } : {}),
      terms: u.terms,
    };
    codeRecords.push(record);
    return record;
  };
  const themes: Array<Record<string, unknown>> = [];
  const loose: QdaCode[] = [];
  for (const c of tree) {
    if (c.children.length > 0 || !c.isCodable) themes.push(asTheme(c));
    else loose.push(c);
  }
  if (loose.length > 0) {
    const id = takeId('codes', 'codes');
    themes.push({ id, label: options.language === 'en' ? 'Codes' : 'Koder', codes: loose.map(asCode) });
  }
  // A code deleted in the other tool can no longer be another's opposite: the codebook would not load.
  const codeIds = new Set(codeRecords.map((r) => r.id as string));
  for (const code of codeRecords) {
    if (code.opposite !== undefined && !codeIds.has(code.opposite as string)) {
      report('warning', 'QDC_OPPOSITE_DROPPED', `code ${code.id as string} named ${code.opposite as string} as its opposite, which the file does not have; the opposite is left out`,
        'Add the code back and its opposite line in the YAML, if it is still wanted.');
      delete code.opposite;
    }
  }
  const doc = {
    codebook: options.id, language: options.language,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    ...(options.cues ? { cues: options.cues } : {}),
    themes,
  };
  return { yaml: stringify(doc, { lineWidth: 0 }), idByGuid, themeByGuid };
}

/** "Mangel på tid" → "mangel-pa-tid": the id rule of our codebooks. */
export function slug(name: string): string {
  const s = name.toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'code' : /^[a-z0-9]/.test(s) ? s : `c-${s}`;
}
