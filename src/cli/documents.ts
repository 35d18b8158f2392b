import { parseTerm } from '../codebook/terms.js';
import { parseFrontMatter } from '../corpus/frontmatter.js';
import type { Diagnostic, Document, Term } from '../model.js';
import { UserError } from './errors.js';
import { readNotes } from './load.js';

/**
 * Documents for word counts and keyword in context: the whole text after the front matter,
 * interviewer lines and headings included. The front matter is blanked (not cut), so offsets
 * and line numbers stay those of the file.
 */
export function readDocuments(paths: readonly string[], cwd: string): { documents: Array<{ doc: Document; text: string }>; diagnostics: Diagnostic[]; failed: string[] } {
  const loaded = readNotes(paths, cwd, { unit: 'paragraph', includeInterviewer: true });
  const documents = loaded.corpus.documents.map((doc) => {
    const { bodyStart } = parseFrontMatter(doc.text, doc.path);
    return { doc, text: doc.text.slice(0, bodyStart).replace(/[^\n]/g, ' ') + doc.text.slice(bodyStart) };
  });
  return { documents, diagnostics: loaded.diagnostics, failed: loaded.failed };
}

/** Terms from the command line, with the codebook's syntax (samskap*, "ikke tid", /regex/); all bad ones reported together. */
export function parseTerms(raw: readonly string[], code: string): Term[] {
  const problems: Diagnostic[] = [];
  const terms: Term[] = [];
  for (const r of raw) {
    const parsed = parseTerm(r);
    if (parsed.ok) terms.push(parsed.term);
    else problems.push({ severity: 'error', code: parsed.code.replace(/^CODEBOOK_/, `${code}_`), message: parsed.message, hint: parsed.hint });
  }
  if (problems.length) throw new UserError(problems);
  return terms;
}
