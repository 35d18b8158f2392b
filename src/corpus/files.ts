import { isUtf8 } from 'node:buffer';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model.js';

export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx', '.vtt', '.srt'];

/** The hidden file themes anonymize puts among its copies (see findNoteFiles). */
export const COPIES_MARK = '.themes-anonymized';

/** Whether a note file is a Word file (converted, not decoded). */
export function isDocx(file: string): boolean {
  return file.toLowerCase().endsWith('.docx');
}

export interface FoundFiles {
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Expand the paths a user typed into note files: directories are walked recursively (hidden
 * entries and Word's ~$ owner files skipped, symbolic-link loops cut), files with other
 * extensions are skipped and counted.
 */
export function findNoteFiles(paths: readonly string[], cwd: string, extensions = NOTE_EXTENSIONS): FoundFiles {
  // Each note once, however it was reached (a link, a linked folder, a path given twice): keyed
  // by its real path, shown by the first path that reached it.
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  const bundles: string[] = [];
  const seenDirs = new Set<string>();
  const isNote = (name: string) => extensions.some((e) => name.toLowerCase().endsWith(e));
  const show = (p: string) => (relative(cwd, p) || p).split(sep).join('/');

  const add = (key: string, path: string) => {
    if (!files.has(key)) files.set(key, path);
  };

  /** The folder a walk began at: copies are skipped only below it, not when given by name. */
  let top = '';
  let topReal = '';
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      diagnostics.push(unreadable(show(dir)));
      return;
    }
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: Array<{ name: string; entry: Dirent<Buffer> }>;
    try {
      // As bytes: a name that is not UTF-8 would otherwise come back mangled and unreadable.
      // With their types, so that only links need a stat of their own (a stat per file cost
      // 15 µs here, 0.3 s for 20,000 notes, before any note was read).
      const raw = readdirSync(dir, { encoding: 'buffer', withFileTypes: true });
      entries = [];
      for (const entry of raw) {
        const b = entry.name;
        if (isUtf8(b)) entries.push({ name: b.toString('utf8'), entry });
        else if (b[0] !== 0x2e) diagnostics.push(notUtf8Name(show(dir), b));
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      diagnostics.push(unreadable(show(dir)));
      return;
    }
    if (isResultsFolder(entries) || (dir !== top && entries.some((e) => e.name === COPIES_MARK))) {
      bundles.push(show(dir));
      return;
    }
    for (const { name, entry } of entries) {
      // Hidden entries, and the owner files Word puts beside a document while it is open
      // (~$name.docx: a few bytes naming the user, hidden on Windows but not elsewhere).
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const full = join(dir, name);
      let st: { isDirectory(): boolean; isFile(): boolean } = entry;
      let key = join(real, name);
      if (entry.isSymbolicLink()) {
        try {
          st = statSync(full);
          key = realpathSync(full);
        } catch {
          diagnostics.push({
            severity: 'error', code: 'NOTE_UNREADABLE', file: show(full),
            message: 'cannot be read (a broken link or no permission)',
            hint: 'Fix the link or the permissions, or move the file out of the notes folder.',
          });
          continue;
        }
      }
      if (st.isDirectory() && entry.isSymbolicLink() && within(topReal, key)) {
        // A link to a folder that holds the notes folder (.., the home folder, /): walking it
        // would read everything around the notes, the whole file system for /.
        diagnostics.push({
          severity: 'warning', code: 'NOTE_LINK_LOOP', file: show(full),
          message: 'links to a folder that holds the notes folder itself; not followed',
          hint: 'Remove the link, or give the folders you mean by name.',
        });
      } else if (st.isDirectory()) walk(full);
      else if (isNote(name) && st.isFile()) add(key, full);
      else if (isNote(name)) diagnostics.push(notRegular(show(full)));
      else skipped.push(show(full));
    }
  };

  for (const p of paths) {
    const full = resolve(cwd, p);
    let st;
    try {
      st = statSync(full);
    } catch {
      diagnostics.push({
        severity: 'error', code: 'INPUT_NOT_FOUND', file: p,
        message: 'does not exist',
        // «themes count tid -- notes/ -f csv»: after --, an option is read as a path.
        hint: p.startsWith('-')
          ? 'This looks like an option, read as a path because it comes after --: put options before -- (themes count tid -f csv -- notes/).'
          : 'Check the path; give note files or folders of notes.',
      });
      continue;
    }
    if (st.isDirectory()) {
      top = full;
      topReal = realpathSync(full);
      walk(full);
    } else if (isNote(p) && st.isFile()) add(realpathSync(full), full);
    else if (isNote(p)) diagnostics.push(notRegular(p));
    else {
      diagnostics.push({
        severity: 'error', code: 'NOTE_UNSUPPORTED_TYPE', file: p,
        message: `is not a notes file (expected ${extensions.join(', ')})`,
        hint: 'Save the note as Markdown, plain text or Word (.docx).',
      });
    }
  }
  // Documents an interview may well be in, but in a format not read: said apart, so that an
  // interview in an old Word file is not lost among the images.
  const documents = skipped.filter((f) => OTHER_DOCUMENTS.test(f));
  const others = skipped.filter((f) => !OTHER_DOCUMENTS.test(f));
  const list = (files: string[]) => `${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`;
  if (documents.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_OTHER_DOCUMENT_FORMAT',
      message: `skipped ${documents.length} document(s) in a format themes does not read: ${list(documents)}`,
      hint: 'Save each as Word (.docx) or plain text (.txt) to have it read: in Word or LibreOffice, File > Save As.',
    });
  }
  if (others.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_SKIPPED_FILES',
      message: `skipped ${others.length} file(s) that are not notes: ${list(others)}`,
      hint: `Only ${extensions.join(', ')} files are read.`,
    });
  }
  if (bundles.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_SKIPPED_RESULTS',
      message: `skipped ${bundles.length} folder(s) that themes wrote (results of themes code --out, or copies from themes anonymize), not notes: ${bundles.slice(0, 5).join(', ')}${bundles.length > 5 ? ', …' : ''}`,
      hint: 'Keep --out folders outside the notes folder; give a folder of copies by its own name to read it.',
    });
  }
  // A line break in a file name splits the line-by-line outputs (check's findings, kwic, the
  // file:line of quotes) in two: said once, with the names escaped so they show on one line.
  const broken = [...files.values()].filter((f) => /[\n\r\t]/.test(f)).map((f) => show(f).replace(/[\n\r\t]/g, (c) => JSON.stringify(c).slice(1, -1)));
  if (broken.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_NAME_LINE_BREAK',
      message: `${broken.length} note file name(s) hold a line break or tab, which splits the lines of line-by-line outputs (check, kwic, quotes): ${broken.slice(0, 3).join(', ')}${broken.length > 3 ? ', …' : ''}`,
      hint: 'Rename the files without line breaks or tabs; they are read as they are.',
    });
  }
  return { files: [...files.values()].sort(), diagnostics };
}

/** A folder that `themes code --out` wrote: its quotes.md is not a note. */
function isResultsFolder(entries: ReadonlyArray<{ name: string }>): boolean {
  let marks = 0;
  for (const { name } of entries) if (name === 'run.json' || name === 'segments.jsonl' || name === 'frequencies.csv') marks++;
  return marks === 3;
}

/** A named pipe or device would block or never end: only regular files are read. */
function notRegular(path: string): Diagnostic {
  return {
    severity: 'error', code: 'NOTE_NOT_A_FILE', file: path,
    message: 'is not a regular file (a pipe, socket or device) and is not read',
    hint: 'Move it out of the notes folder.',
  };
}

function notUtf8Name(dir: string, name: Buffer): Diagnostic {
  // Show the bytes that are not UTF-8 as \xNN, so the user can find the file.
  let shownName = '';
  for (const ch of name.toString('latin1')) {
    const code = ch.charCodeAt(0);
    shownName += code >= 0x20 && code < 0x7f ? ch : `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return {
    severity: 'error', code: 'NOTE_NAME_NOT_UTF8', file: `${dir}/${shownName}`,
    message: 'has a file name that is not valid UTF-8 and is not read',
    hint: 'Rename the file (e.g. convmv -f latin1 -t utf8 --notest FILE); names from old Windows zips are often Latin-1.',
  };
}

function unreadable(path: string): Diagnostic {
  return {
    severity: 'error', code: 'NOTE_UNREADABLE', file: path,
    message: 'cannot be read',
    hint: 'Check the permissions of the folder.',
  };
}

/** Whether path is folder or inside it. */
export function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Document formats an interview may be typed in that themes does not read: old Word, RTF, OpenDocument, Pages, PDF. */
const OTHER_DOCUMENTS = /\.(doc|docm|dot|dotx|rtf|odt|pages|pdf|wpd)$/i;
