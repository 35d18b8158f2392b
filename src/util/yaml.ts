import { LineCounter, parseDocument, visit, isMap, isScalar, isSeq, type Node, type Document as YamlDocument } from 'yaml';
import type { Diagnostic, SourcePlace } from '../model.js';

/** A parsed YAML text that can turn node positions into line and column. */
export interface YamlSource {
  doc: YamlDocument.Parsed;
  place(node: Node | null | undefined): SourcePlace;
  diagnostics: Diagnostic[];
}

/**
 * Parse YAML keeping positions. `lineOffset` shifts lines for YAML embedded in a larger file
 * (front matter). Syntax errors (tabs, duplicate keys, bad indentation) become diagnostics.
 */
export function parseYaml(text: string, file: string, errorCode: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  // The core schema keeps dates as strings: a note dated 2026-03-14 stays "2026-03-14".
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false });
  const place = (node: Node | null | undefined): SourcePlace => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const opened = err.code === 'MISSING_CHAR' && /closing .?quote/i.test(err.message) ? openingQuote(doc, err.pos[0]) : undefined;
    const pos = lineCounter.linePos(opened ?? err.pos[0]);
    const written = err.code === 'DUPLICATE_KEY' ? /^("[^"\n]*"|'[^'\n]*'|[^:\n,{}[\]]+?)[ \t]*:(?:\s|$)/.exec(text.slice(err.pos[0], err.pos[0] + 200))?.[1] : undefined;
    const key = written === undefined ? '' : /^(["']).*\1$/.test(written) ? written.slice(1, -1) : written;
    diagnostics.push({
      severity: doc.errors.includes(err as never) ? 'error' : 'warning',
      code: err.code === 'DUPLICATE_KEY' ? `${errorCode}_DUPLICATE_KEY` : errorCode,
      message: err.code === 'DUPLICATE_KEY' && key
        ? `the key "${key.length > 40 ? `${key.slice(0, 40)}…` : key}" is given twice in one mapping`
        : err.code === 'MULTIPLE_DOCS'
          ? 'holds more than one YAML document (a line --- or ... after the first part)'
          : /call stack/i.test(err.message) ? 'is nested too deeply to be read'
            : opened !== undefined ? `has a quote here that is never closed (the value runs on to line ${lineCounter.linePos(Math.min(err.pos[0], text.trimEnd().length - 1)).line + lineOffset})`
              : yamlMessage(err.message),
      hint: err.code === 'TAB_AS_INDENT' || /tab/i.test(err.message)
        ? 'YAML does not allow tabs for indentation: indent with spaces.'
        : err.code === 'DUPLICATE_KEY'
          ? 'Each key may appear once per mapping: remove or rename the repeated key.'
          : err.code === 'MULTIPLE_DOCS'
            ? 'Keep one codebook per file: remove the second --- line, or split the file in two.'
            : /call stack/i.test(err.message)
              ? 'Nest themes a few levels deep at most; a codebook needs no more.'
              : opened !== undefined
                ? `Close the quote with ${text[opened]} at the end of the value, or write a ${text[opened]} inside it as ${text[opened] === '"' ? '\\"' : "''"}.`
              : 'Check the YAML syntax at this place (indentation, quotes, a missing colon).',
      file,
      line: pos.line + lineOffset,
      column: pos.col,
    });
  }
  return { doc, place, diagnostics };
}

/**
 * Where the quoted value that an unclosed quote runs on from begins. The parser reports the
 * error where the text ends, often the end of the file, far from the quote a writer must close.
 */
function openingQuote(doc: YamlDocument.Parsed, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= end - 1 && node.range[0] < end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** The first line of a yaml error message, without the code frame. */
function yamlMessage(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export { isMap, isScalar, isSeq };
