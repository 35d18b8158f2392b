import type { Code, Codebook, Labels, Term, Theme } from '../model.js';

/**
 * The canonical text of a codebook, made for `git diff` (as a textconv filter) and for reading.
 *
 * One block per theme and per code, in the codebook's own order. A block starts with an unindented
 * header line (`theme ...`, `code ...`) and has one indented `key: value` line per field in a fixed
 * order, so YAML styling (quotes, flow or block lists, folded text, comments, key order) never
 * shows up as a change, and git's default hunk header names the code a change is in.
 */
export function canonicalText(codebook: Codebook): string {
  const out: string[] = [];
  out.push(`codebook ${codebook.id}`);
  field(out, 'language', codebook.language);
  field(out, 'title', codebook.title);
  field(out, 'version', codebook.version === undefined ? undefined : String(codebook.version));
  field(out, 'description', codebook.description);
  if (codebook.cues.lack.length > 0) field(out, 'cues.lack', codebook.cues.lack.join(', '));
  const walk = (theme: Theme, path: string[]) => {
    const here = [...path, theme.id];
    out.push('', `theme ${here.join(' > ')}`);
    labels(out, theme.label);
    field(out, 'description', theme.description);
    for (const code of theme.codes) codeBlock(out, code);
    for (const sub of theme.themes) walk(sub, here);
  };
  for (const theme of codebook.themes) walk(theme, []);
  return `${out.join('\n')}\n`;
}

function codeBlock(out: string[], code: Code): void {
  out.push('', `code ${code.id} (${code.themePath.join(' > ')})`);
  labels(out, code.label);
  field(out, 'polarity', code.polarity);
  field(out, 'opposite', code.opposite);
  if (code.candidate) field(out, 'candidate', 'true');
  field(out, 'definition', code.definition);
  field(out, 'inclusion', code.inclusion);
  field(out, 'exclusion', code.exclusion);
  for (const e of code.examples) field(out, 'example', e);
  for (const e of code.counterexamples) field(out, 'counterexample', e);
  // A regular expression's blanks are part of what it matches: kept as written.
  for (const t of code.terms) field(out, 'term', termText(t), [t, ...(t.unless ?? [])].some((u) => u.kind === 'regex'));
}

/** A term as one line: as written, plus its own polarity when it overrides the code's, and its unless list. */
export function termText(term: Term): string {
  const polarity = term.polarity ? ` [polarity ${term.polarity}]` : '';
  const unless = term.unless?.length ? ` [unless ${term.unless.map((u) => u.raw).join('; ')}]` : '';
  return `${term.raw}${polarity}${unless}`;
}

function labels(out: string[], label: Labels): void {
  field(out, 'label.nb', label.nb);
  field(out, 'label.en', label.en);
}

/** `  key: value`; a value over several lines continues on lines indented by four spaces. `verbatim`: blanks kept as they are. */
function field(out: string[], key: string, value: string | undefined, verbatim = false): void {
  if (value === undefined) return;
  // Runs of blanks are one space, as codebook diff compares them: «A  B» and «A B» mean the same.
  const lines = value.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const [first, ...rest] = (verbatim ? lines : lines.replace(/(?<=\S)[ \t]+(?=\S)/g, ' ')).split('\n');
  out.push(`  ${key}: ${first}`.trimEnd());
  for (const line of rest) out.push(`    ${line}`.trimEnd());
}
