import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model.js';

export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

export interface FoundFiles {
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Expand the paths a user typed into note files: directories are walked recursively (hidden
 * entries skipped, symbolic-link loops cut), files with other extensions are skipped and counted.
 */
export function findNoteFiles(paths: readonly string[], cwd: string, extensions = NOTE_EXTENSIONS): FoundFiles {
  const files = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const skipped: string[] = [];
  const seenDirs = new Set<string>();
  const isNote = (name: string) => extensions.some((e) => name.toLowerCase().endsWith(e));
  const show = (p: string) => (relative(cwd, p) || p).split(sep).join('/');

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
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      diagnostics.push(unreadable(show(dir)));
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        diagnostics.push({
          severity: 'error', code: 'NOTE_UNREADABLE', file: show(full),
          message: 'cannot be read (a broken link or no permission)',
          hint: 'Fix the link or the permissions, or move the file out of the notes folder.',
        });
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (isNote(name)) files.add(full);
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
        hint: 'Check the path; give note files or folders of notes.',
      });
      continue;
    }
    if (st.isDirectory()) walk(full);
    else if (isNote(p)) files.add(full);
    else {
      diagnostics.push({
        severity: 'error', code: 'NOTE_UNSUPPORTED_TYPE', file: p,
        message: `is not a notes file (expected ${extensions.join(', ')})`,
        hint: 'Save the note as Markdown, plain text or Word (.docx).',
      });
    }
  }
  if (skipped.length > 0) {
    diagnostics.push({
      severity: 'warning', code: 'NOTE_SKIPPED_FILES',
      message: `skipped ${skipped.length} file(s) that are not notes: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}`,
      hint: `Only ${extensions.join(', ')} files are read.`,
    });
  }
  return { files: [...files].sort(), diagnostics };
}

function unreadable(path: string): Diagnostic {
  return {
    severity: 'error', code: 'NOTE_UNREADABLE', file: path,
    message: 'cannot be read',
    hint: 'Check the permissions of the folder.',
  };
}
