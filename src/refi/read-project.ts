// Reading a REFI-QDA project (.qdpx zip, or a bare .qde): tolerant of what real tools write.
import { unzipSync } from 'fflate';
import type { Diagnostic, Lang } from '../model.js';
import { MAX_NOTE_BYTES } from '../corpus/index.js';
import { canonicalGuid } from './guid.js';
import { checkNamespace, fromOrigin, readCodes, treeToCodebook } from './qdc.js';
import { nameFits, pickPositions } from './positions.js';
import { child, children, parseXml, type XmlNode } from './xml.js';

export interface ImportedSource {
  guid: string;
  /** The source's name in the project, e.g. `informant-01` or `Interview 3.docx`. */
  name: string;
  /** File name for a note: the name without extension, made safe, plus `.txt`. */
  fileName: string;
  /** Decoded text, BOM removed, line endings `\n`. */
  text: string;
}

export interface ImportedCoding {
  source: string;
  /** UTF-16 offsets into ImportedSource.text, end exclusive. */
  start: number;
  end: number;
  code: string;
  user: string;
}

export interface ImportedProject {
  name: string;
  /** The project's codebook in our YAML format, when it has codes. */
  codebookYaml?: string;
  sources: ImportedSource[];
  codings: ImportedCoding[];
}

export type ProjectResult = { project?: ImportedProject; diagnostics: Diagnostic[] };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The project file unpacked, and the whole archive unpacked: far above any real project, far below what would exhaust memory. */
const MAX_QDE_BYTES = 256 * 1024 * 1024;
const MAX_PROJECT_BYTES = 1024 * 1024 * 1024;

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return decoder.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Bytes of a .qdpx (or a bare .qde) in, sources and codings out. Pure. */
export function readProject(bytes: Uint8Array, file: string, options: { id: string; keepId?: boolean; language: Lang; keepLanguage?: boolean }): ProjectResult {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], code: string, message: string, hint: string) =>
    diagnostics.push({ severity, code, message, hint, file });
  let entries: Record<string, Uint8Array> = {};
  /** Sources over the limit for a note, left packed: lower-case paths in the archive. */
  const oversize = new Set<string>();
  let qdeName: string;
  const head = decodeText(bytes.subarray(0, 64)).trimStart();
  const bare = head.startsWith('<');
  if (bare) {
    qdeName = file;
    entries[file] = bytes;
  } else {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      report('error', 'QDPX_NOT_A_ZIP', 'is not a zip archive, so not a .qdpx project', 'Export the project again from the other tool as a REFI-QDA project (.qdpx).');
      return { diagnostics };
    }
    try {
      // Sizes first, from the archive's directory: a small .qdpx can unpack to gigabytes (a
      // source of 1.5 GB in 3.7 MB), which no note can be and no string can hold.
      const sizes = new Map<string, number>();
      unzipSync(bytes, { filter: (f) => { sizes.set(f.name, f.originalSize); return false; } });
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const qdeTooLarge = [...sizes].find(([n, size]) => !n.includes('/') && /\.qde$/i.test(n) && size > MAX_QDE_BYTES);
      if (total > MAX_PROJECT_BYTES || qdeTooLarge) {
        report('error', 'QDPX_TOO_LARGE', `unpacks to ${megabytes(qdeTooLarge ? qdeTooLarge[1] : total)} MB${qdeTooLarge ? ` in ${qdeTooLarge[0]}` : ''}, over the limit of ${megabytes(qdeTooLarge ? MAX_QDE_BYTES : MAX_PROJECT_BYTES)} MB, and is not read`,
          'Check that this is the project you meant; export the interviews you need as a smaller project.');
        return { diagnostics };
      }
      for (const [n, size] of sizes) if (!/\.qde$/i.test(n) && size > MAX_NOTE_BYTES) oversize.add(n.replace(/\\/g, '/').toLowerCase());
      entries = unzipSync(bytes, { filter: (f) => !oversize.has(f.name.replace(/\\/g, '/').toLowerCase()) });
    } catch (e) {
      report('error', 'QDPX_CORRUPT_ZIP', `is a damaged zip archive (${(e as Error).message})`, 'The file may be cut short; copy or export it again.');
      return { diagnostics };
    }
    const qdes = Object.keys(entries).filter((n) => !n.includes('/') && n.toLowerCase().endsWith('.qde')).sort();
    const chosen = qdes.find((n) => n.toLowerCase() === 'project.qde') ?? qdes[0];
    if (!chosen) {
      report('error', 'QDPX_NO_QDE', 'has no .qde project file at the top of the archive', 'A .qdpx holds project.qde and a sources/ folder; export it again.');
      return { diagnostics };
    }
    if (qdes.length > 1) report('warning', 'QDPX_SEVERAL_QDE', `has ${qdes.length} .qde files; reading ${chosen}`, 'Remove the others from the archive.');
    qdeName = chosen;
  }
  const parsed = parseXml(decodeText(entries[qdeName]!));
  if (!parsed.ok) {
    diagnostics.push({
      severity: 'error', code: 'QDE_NOT_XML', file: qdeName === file ? file : `${file}:${qdeName}`, line: parsed.line, column: parsed.column,
      message: `is not well-formed XML: ${parsed.message}`, hint: 'The project file is damaged; export it again from the other tool.',
    });
    return { diagnostics };
  }
  const root = parsed.root;
  if (root.name !== 'Project') {
    report('error', 'QDE_NOT_A_PROJECT', `has the root element <${root.name}>, not <Project>`,
      root.name === 'CodeBook' ? 'This is a codebook: use themes import qdc.' : 'Give a REFI-QDA project (.qdpx or .qde).');
    return { diagnostics };
  }
  checkNamespace(root, 'project', report);

  const users = new Map<string, string>();
  for (const u of children(child(root, 'Users'), 'User')) {
    const g = canonicalGuid(u.attrs.guid);
    if (g) users.set(g, u.attrs.name ?? g);
  }
  const codesNode = child(child(root, 'CodeBook') ?? root, 'Codes');
  const tree = codesNode ? readCodes(codesNode, report) : [];
  const book = tree.length > 0 ? treeToCodebook(tree, fromOrigin(root.attrs.origin, options), report) : undefined;
  const idByGuid = book?.idByGuid ?? new Map<string, string>();
  const themeByGuid = book?.themeByGuid ?? new Map<string, string>();

  const files = new Map<string, string>();
  for (const name of Object.keys(entries)) files.set(name.replace(/\\/g, '/').toLowerCase(), name);
  const sources: ImportedSource[] = [];
  const codings: ImportedCoding[] = [];
  const usedNames = new Set<string>();
  const sourcesNode = child(root, 'Sources');
  const skipped = (sourcesNode?.children ?? []).filter((s) => s.name !== 'TextSource');
  if (skipped.length > 0) {
    report('warning', 'QDPX_SOURCES_SKIPPED', `${skipped.length} source(s) that are not text (${[...new Set(skipped.map((s) => s.name))].sort().join(', ')}) are left out`, 'Only text sources can be compared with notes.');
  }
  const unknownCodes = new Map<string, number>();
  const themeCodings = new Map<string, number>();
  for (const src of children(sourcesNode, 'TextSource')) {
    const guid = canonicalGuid(src.attrs.guid) ?? src.attrs.guid ?? '';
    const name = src.attrs.name ?? guid;
    const raw = sourceText(src, entries, files);
    const big = raw === undefined && src.attrs.plainTextPath !== undefined ? archivePaths(src.attrs.plainTextPath).find((p) => oversize.has(p)) : undefined;
    if (big !== undefined) {
      const n = children(src, 'PlainTextSelection').length;
      report('warning', 'QDPX_SOURCE_TOO_LARGE', `the text of source "${name}" is over the limit of ${megabytes(MAX_NOTE_BYTES)} MB for one note and is left out${n ? `, with its ${n} coded selection(s)` : ''}`,
        'A transcript is rarely over 1 MB; check the source in the other tool, or split it there.');
      continue;
    }
    if (raw === undefined) {
      const n = children(src, 'PlainTextSelection').length;
      report('warning', 'QDPX_SOURCE_MISSING', `the text of source "${name}" is not in the ${bare ? 'project (a bare .qde has no sources)' : 'archive'} (${src.attrs.plainTextPath ?? 'no plainTextPath'})${n ? `; its ${n} coded selection(s) are left out` : ''}`,
        bare ? 'Import the .qdpx archive, which holds the sources.' : 'Export the project again with its sources included.');
      continue;
    }
    const bom = raw.startsWith('\uFEFF');
    const text = bom ? raw.slice(1) : raw;
    const normal = text.replace(/\r\n?/g, '\n');
    const selections = children(src, 'PlainTextSelection');
    const map = pickPositions(text, bom, selections);
    let fileName = `${safeName(name.replace(/\.(txt|md|markdown|docx?|rtf|pdf|odt)$/i, ''))}.txt`;
    for (let n = 2; usedNames.has(fileName.toLowerCase()); n++) fileName = fileName.replace(/(-\d+)?\.txt$/, `-${n}.txt`);
    usedNames.add(fileName.toLowerCase());
    sources.push({ guid, name, fileName, text: normal });
    // A name of several words is the selected text, as tools name selections (themes names them
    // by unit id, informant-01:12); one that is not at the selection's positions says the
    // positions were counted another way.
    const misfits = selections.filter((sel) => /\s/.test((sel.attrs.name ?? '').trim()) && nameFits(normal, map, sel) === false).length;
    if (misfits > 0) {
      report('warning', 'QDPX_NAME_MISMATCH', `${misfits} of the ${selections.length} selection(s) in "${name}" are named by text that is not at their positions; their codings may cover other text`,
        'The tool that wrote the project may count positions otherwise (in UTF-16 units, or over another version of the text). Check these codings in codings.csv (the text column).');
    }
    for (const sel of selections) {
      const s = Number(sel.attrs.startPosition);
      const e = Number(sel.attrs.endPosition);
      const whole = (p: string | undefined) => p !== undefined && /^\s*\d+\s*$/.test(p);
      if (!whole(sel.attrs.startPosition) || !whole(sel.attrs.endPosition) || e < s || e >= map.length) {
        const at = (p: string | undefined) => (p === undefined ? '(none)' : `"${p}"`);
        const why = !whole(sel.attrs.startPosition) || !whole(sel.attrs.endPosition) ? 'a position is not a whole number of 0 or more'
          : e < s ? 'it ends before it starts' : `it is outside the text (${map.length - 1} characters)`;
        report('warning', 'QDPX_BAD_POSITION', `a selection in "${name}" has startPosition ${at(sel.attrs.startPosition)} and endPosition ${at(sel.attrs.endPosition)}: ${why}; it is left out`,
          'The source text may differ from the one that was coded.');
        continue;
      }
      if (e === s) {
        report('warning', 'QDPX_EMPTY_SELECTION', `a selection in "${name}" at position ${s} is empty (it selects no text); it is left out`,
          'An empty selection codes nothing; nothing is lost.');
        continue;
      }
      for (const c of children(sel, 'Coding')) {
        const target = child(c, 'CodeRef')?.attrs.targetGUID;
        const g = canonicalGuid(target);
        const code = g ? idByGuid.get(g) : undefined;
        const theme = g ? themeByGuid.get(g) : undefined;
        if (theme !== undefined) {
          themeCodings.set(theme, (themeCodings.get(theme) ?? 0) + 1);
          continue;
        }
        if (code === undefined) {
          unknownCodes.set(target ?? '(none)', (unknownCodes.get(target ?? '(none)') ?? 0) + 1);
          continue;
        }
        const userGuid = canonicalGuid(c.attrs.creatingUser ?? sel.attrs.creatingUser);
        codings.push({ source: guid, start: map[s]!, end: map[e]!, code, user: userGuid ? users.get(userGuid) ?? userGuid : 'unknown' });
      }
    }
  }
  for (const [theme, n] of [...themeCodings].sort()) {
    report('warning', 'QDPX_THEME_CODINGS', `${n} coding(s) are on ${theme}, a group of codes (or a code not codable) that is a theme in themes; they are left out`,
      'Move these codings to one of its sub-codes (or a new sub-code) in the other tool, and export again.');
  }
  for (const [target, n] of [...unknownCodes].sort()) {
    report('warning', 'QDPX_UNKNOWN_CODE', `${n} coding(s) refer to the code ${target}, which is not in the project's codebook; they are left out`,
      'The project is inconsistent; the other codings are read.');
  }
  return {
    project: { name: root.attrs.name ?? file, ...(book ? { codebookYaml: book.yaml } : {}), sources, codings },
    diagnostics,
  };
}

/** The source text: inline PlainTextContent, or the file plainTextPath names (with or without internal://, any folder case). */
function sourceText(src: XmlNode, entries: Record<string, Uint8Array>, files: Map<string, string>): string | undefined {
  const inline = child(src, 'PlainTextContent');
  if (inline) return inline.text;
  const path = src.attrs.plainTextPath;
  if (!path) return undefined;
  for (const candidate of archivePaths(path)) {
    const found = files.get(candidate);
    if (!found) continue;
    const bytes = entries[found]!;
    const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    // Keep the BOM as U+FEFF: whether a tool counted it is decided with the positions.
    return (bom ? '\uFEFF' : '') + decodeText(bytes);
  }
  return undefined;
}

/** Where a plainTextPath may be in the archive (with or without internal://, any folder case), lower case. */
function archivePaths(path: string): string[] {
  const bare = path.replace(/^internal:\/\//i, '').replace(/^file:\/\/+/i, '/').replace(/\\/g, '/');
  const base = bare.replace(/^.*\//, '');
  return [bare, `sources/${bare}`, `sources/${base}`, base].map((c) => c.replace(/^\/+/, '').toLowerCase());
}

const megabytes = (bytes: number) => Math.round(bytes / 1048576);

function safeName(name: string): string {
  const s = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^\.+/, '').trim();
  return s === '' ? 'source' : s;
}
