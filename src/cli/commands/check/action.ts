import { findIdentifiers, listsFor, type IdentifierKind } from '../../../privacy/detect.js';
import { toolInfo } from '../../../version.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { readNotes } from '../../load.js';
import { identifiersInId, readNameLists } from '../../mask.js';
import type { CheckOptions } from './index.js';
import { linePositions } from '../../../text/lines.js';

export interface PlacedFinding {
  file: string;
  line: number;
  column: number;
  kind: IdentifierKind;
  text: string;
  /** 'id' for an identifier in the note's id (from its file name or front matter), which masking does not change. */
  where?: 'id';
}

/**
 * `themes check`: every likely identifier with its place, like a linter. Exit 1 when something is
 * found or a file could not be read or has an error (so it can guard a commit or a CI job), 0 when all is clean.
 */
export async function checkAction(paths: string[], options: CheckOptions, ctx: Context): Promise<number> {
  const lists = readNameLists(options.names, ctx.io.cwd);
  // A note whose front matter YAML cannot be read is searched all the same (its text is readable):
  // the error is reported, and the exit code is 1 as for a file that could not be read.
  const notes = readNotes(paths, ctx.io.cwd, { unit: 'paragraph', includeInterviewer: true, keepLinks: true, readBadFrontMatter: true });
  ctx.report(notes.diagnostics);
  const findings: PlacedFinding[] = [];
  for (const doc of notes.corpus.documents) {
    // An id from the file name (or the front matter) is shown in every output: line 0, column 0.
    for (const f of identifiersInId(doc.id, lists)) findings.push({ file: doc.path, line: 0, column: 0, kind: f.kind, text: f.text, where: 'id' });
    const at = linePositions(doc.text);
    for (const f of findIdentifiers(doc.text, listsFor(doc, lists))) {
      findings.push({ file: doc.path, line: at.line(f.start), column: at.column(f.start), kind: f.kind, text: f.text });
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  if (options.format === 'json') {
    ctx.io.stdout.write(`${JSON.stringify({ version: 1, tool: toolInfo(), findings, failed: [...notes.failed].sort() }, null, 2)}\n`);
  } else {
    // One finding a line: a name wrapped over two lines is shown with a space.
    for (const f of findings) {
      ctx.io.stdout.write(f.where === 'id'
        ? `${f.file}: ${f.kind} ${f.text} (in the note's id, which every output shows: give an id in the front matter or rename the file)\n`
        : `${f.file}:${f.line}:${f.column}: ${f.kind} ${f.text.replace(/\s+/g, ' ')}\n`);
    }
  }
  const files = new Set(findings.map((f) => f.file)).size;
  ctx.info(findings.length === 0
    ? `no personal identifiers found in ${notes.corpus.documents.length} file(s)`
    : `${findings.length} possible personal identifier(s) in ${files} of ${notes.corpus.documents.length} file(s); mask them (themes anonymize) before sharing`);
  const errors = notes.diagnostics.some((d) => d.severity === 'error');
  return findings.length > 0 || notes.failed.length > 0 || errors ? EXIT.partial : EXIT.ok;
}
