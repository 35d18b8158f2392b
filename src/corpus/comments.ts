import type { Diagnostic } from '../model.js';

/** The text with every `<!-- ... -->` blanked out, and what was found. */
export interface BlankedComments {
  /** Comment characters become spaces, line breaks stay: offsets and line numbers are those of the file. */
  text: string;
  /** How many comments were blanked. */
  count: number;
  /** A warning for a `<!--` that is never closed (it and what follows stay text). */
  diagnostics: Diagnostic[];
}

/**
 * Blank out Markdown (HTML) comments after `from` (the end of the front matter). A comment is
 * invisible wherever the note is shown, so a researcher uses it for notes to self, or to leave
 * a passage out: it is neither coded nor quoted. Pure.
 */
export function blankComments(text: string, from: number, path: string): BlankedComments {
  let open = text.indexOf('<!--', from);
  // Nearly every note has none: one search, and the text comes back as it is.
  if (open === -1) return { text, count: 0, diagnostics: [] };
  let out = '';
  let last = 0;
  let count = 0;
  const diagnostics: Diagnostic[] = [];
  while (open !== -1) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) {
      const before = text.slice(0, open);
      const line = before.split('\n').length;
      diagnostics.push({
        severity: 'warning', code: 'NOTE_UNCLOSED_COMMENT', file: path, line, column: open - before.lastIndexOf('\n'),
        message: 'has a comment (<!--) that is never closed; it and the rest of the note are read as text',
        hint: 'Close the comment with --> where it should end.',
      });
      break;
    }
    const end = close + 3;
    out += text.slice(last, open) + text.slice(open, end).replace(/[^\n]/g, ' ');
    last = end;
    count++;
    open = text.indexOf('<!--', end);
  }
  return { text: count > 0 ? out + text.slice(last) : text, count, diagnostics };
}
