import type { Attributes, Diagnostic } from '../model.js';
import { parseYaml, isMap, isScalar } from '../util/yaml.js';

export interface FrontMatter {
  attributes: Attributes;
  /** Offset in the text where the body starts (after the closing `---`). */
  bodyStart: number;
  diagnostics: Diagnostic[];
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** YAML front matter between `---` lines at the top of a note gives the document's attributes. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const none: FrontMatter = { attributes: {}, bodyStart: 0, diagnostics: [] };
  const open = OPEN.exec(text);
  if (!open) return none;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      ...none,
      diagnostics: [{
        severity: 'error', code: 'NOTE_FRONTMATTER_UNCLOSED', file, line: 1, column: 1,
        message: 'front matter starts with --- but is never closed',
        hint: 'Add a line with --- after the attributes, or remove the first --- line.',
      }],
    };
  }
  const yamlText = rest.slice(0, close.index);
  const bodyStart = Math.min(text.length, open[0].length + close.index + close[0].length + 1);
  const { doc, place, diagnostics } = parseYaml(yamlText, file, 'NOTE_FRONTMATTER_SYNTAX', 1);
  if (diagnostics.some((d) => d.severity === 'error')) return { attributes: {}, bodyStart, diagnostics };
  const attributes: Attributes = {};
  if (doc.contents !== null && !isMap(doc.contents)) {
    diagnostics.push({
      severity: 'error', code: 'NOTE_FRONTMATTER_NOT_A_MAPPING', file, ...place(doc.contents),
      message: 'front matter must be key: value pairs',
      hint: 'Write one attribute per line, e.g. "role: tillitsvalgt".',
    });
    return { attributes, bodyStart, diagnostics };
  }
  for (const pair of isMap(doc.contents) ? doc.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const value = pair.value;
    if (isScalar(value) && ['string', 'number', 'boolean'].includes(typeof value.value)) {
      attributes[key] = value.value as string | number | boolean;
    } else if (isScalar(value) && value.value === null) {
      continue;
    } else {
      diagnostics.push({
        severity: 'warning', code: 'NOTE_FRONTMATTER_VALUE', file, ...place(value as never),
        message: `attribute "${key}" is not a single value and is ignored`,
        hint: 'Attributes are single values: text, a number or true/false.',
      });
    }
  }
  return { attributes, bodyStart, diagnostics };
}
