// A code's MacQueen fields folded into one REFI-QDA Description, and read back on import.
// Labelled lines, so a supervisor reading the codebook in NVivo or ATLAS.ti sees plain text.
import type { Code, Labels, Polarity, Theme } from '../model.js';

export interface Unfolded {
  id?: string;
  labels: Labels;
  text?: string;
  definition?: string;
  inclusion?: string;
  exclusion?: string;
  examples: string[];
  counterexamples: string[];
  polarity?: Polarity;
  opposite?: string;
  terms: Array<string | { term: string; polarity?: Polarity; unless?: string[] }>;
}

const HEADERS = ['id', 'Label (nb)', 'Label (en)', 'Description', 'Definition', 'Inclusion', 'Exclusion', 'Examples', 'Counterexamples', 'Polarity', 'Opposite', 'Terms'] as const;
type Header = (typeof HEADERS)[number];

/** A field, its further lines indented, so that a line of its own such as «Examples: …» is never read as a header. */
function block(header: Header, value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  return [`${header}: ${value.trim().replace(/\r?\n/g, '\n  ')}`];
}

function list(header: Header, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`${header}:`, ...items.map((i) => `- ${i.replace(/\s*\n\s*/g, ' ')}`)];
}

export function foldCode(code: Code): string {
  // A term's own polarity and its unless list (as JSON: a context may hold any character) after it.
  const terms = code.terms.map((t) => `${t.raw}${t.polarity !== undefined && t.polarity !== code.polarity ? ` (polarity: ${t.polarity})` : ''}${
    t.unless?.length ? ` (unless: ${JSON.stringify(t.unless.map((u) => u.raw))})` : ''}`);
  return [
    `id: ${code.id}`,
    ...block('Label (nb)', code.label.nb),
    ...block('Label (en)', code.label.en),
    ...block('Definition', code.definition),
    ...block('Inclusion', code.inclusion),
    ...block('Exclusion', code.exclusion),
    ...list('Examples', code.examples),
    ...list('Counterexamples', code.counterexamples),
    ...(code.polarity !== 'any' ? [`Polarity: ${code.polarity}`] : []),
    ...block('Opposite', code.opposite),
    ...list('Terms', terms),
  ].join('\n');
}

export function foldTheme(theme: Theme): string {
  return [
    `id: ${theme.id}`,
    ...block('Label (nb)', theme.label.nb),
    ...block('Label (en)', theme.label.en),
    ...block('Description', theme.description),
  ].join('\n');
}

/**
 * Read a Description back. Text that does not start with an `id:` line was written by another
 * tool: it is kept whole, as the definition (codes) or description (themes).
 */
/** Whether every line is one that foldCode or foldTheme writes: a field, a list item, a field's further line. */
function folded(text: string): boolean {
  return text.split('\n').every((line) => {
    if (line === '' || line.startsWith('- ') || line.startsWith('  ')) return true;
    const m = /^([A-Za-z ()]+):(?: |$)/.exec(line);
    return m !== null && (HEADERS as readonly string[]).includes(m[1]!);
  });
}

export function unfold(description: string | undefined, ours = true): Unfolded {
  const out: Unfolded = { labels: {}, examples: [], counterexamples: [], terms: [] };
  const text = (description ?? '').replace(/\r\n?/g, '\n').trim();
  if (text === '') return out;
  // From a file themes wrote, a Description that starts with the id line; from a file another tool
  // saved (a project themes exported, opened and saved again in NVivo), one that is wholly in the
  // folded form. Anything else is another tool's text, kept whole.
  if (!/^id: [a-z0-9][a-z0-9-]*$/.test(text.split('\n')[0]!) || (!ours && !folded(text))) {
    out.text = text;
    return out;
  }
  let current: Header | undefined;
  const values = new Map<Header, string[]>();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z ()]+): ?(.*)$/.exec(line);
    const header = m && (HEADERS as readonly string[]).includes(m[1]!) ? (m[1] as Header) : undefined;
    if (header) {
      current = header;
      values.set(header, m![2] ? [m![2]] : []);
    } else if (current) values.get(current)!.push(line.startsWith('  ') ? line.slice(2) : line);
  }
  const one = (h: Header) => (values.has(h) ? values.get(h)!.join('\n').trim() || undefined : undefined);
  const items = (h: Header) => (values.get(h) ?? []).filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
  out.id = one('id');
  const nb = one('Label (nb)');
  const en = one('Label (en)');
  if (nb) out.labels.nb = nb;
  if (en) out.labels.en = en;
  for (const [h, k] of [['Description', 'text'], ['Definition', 'definition'], ['Inclusion', 'inclusion'], ['Exclusion', 'exclusion']] as const) {
    const v = one(h);
    if (v !== undefined) out[k] = v;
  }
  out.examples = items('Examples');
  out.counterexamples = items('Counterexamples');
  const p = one('Polarity');
  if (p === 'lack' || p === 'presence' || p === 'inherent' || p === 'any') out.polarity = p;
  const opposite = one('Opposite');
  if (opposite !== undefined && /^[a-z0-9][a-z0-9-]*$/.test(opposite)) out.opposite = opposite;
  out.terms = items('Terms').map((t) => {
    const u = / \(unless: (\[.*\])\)$/.exec(t);
    const unless = u ? unlessList(u[1]!) : undefined;
    const rest = unless ? t.slice(0, u!.index) : t;
    const m = /^(.*) \(polarity: (lack|presence|inherent|any)\)$/.exec(rest);
    if (!m && !unless) return t;
    return { term: m ? m[1]! : rest, ...(m ? { polarity: m[2] as Polarity } : {}), ...(unless ? { unless } : {}) };
  });
  return out;
}

/** An unless list as foldCode writes it (a JSON list of texts), or undefined when it is not one. */
function unlessList(json: string): string[] | undefined {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}
