import type { ChalkInstance } from 'chalk';
import type { CodeChanges, CodebookDiff, CodeDiff, FieldChange, ThemeDiff } from '../codebook/diff.js';
import type { Impact, ImpactExample } from '../codebook/impact.js';
import { guillemets } from './format.js';
import { markWords, wordDiff } from './word-diff.js';
import { plural } from '../util/plural.js';

/** A codebook diff with its optional impact on a set of notes, as the renderers take it. */
export interface DiffReport {
  diff: CodebookDiff;
  /** How the sides were named on the command line. */
  oldName: string;
  newName: string;
  impact?: Impact & { notes: string[] };
}

/** Fields whose values are prose: shown word by word. */
const PROSE = new Set(['definition', 'inclusion', 'exclusion', 'description']);

export function summaryLine(d: CodebookDiff): string {
  if (d.equal) return 'no changes';
  const s = d.summary;
  const parts = (['added', 'removed', 'changed', 'renamed', 'merged', 'split'] as const).filter((k) => s[k] > 0).map((k) => `${s[k]} ${k}`);
  const codes = d.codes.length;
  if (s.moved) parts.push(`${s.moved} moved`);
  const out = [`${codes} code ${codes === 1 ? 'entry' : 'entries'}${parts.length ? ` (${parts.join(', ')})` : ''}`];
  if (s.themes) out.push(`${s.themes} theme ${s.themes === 1 ? 'entry' : 'entries'}`);
  if (s.fields) out.push(`${s.fields} codebook ${s.fields === 1 ? 'field' : 'fields'}`);
  return out.join(', ');
}

// ---------------------------------------------------------------- terminal

export function diffTerminal(r: DiffReport, c: ChalkInstance): string {
  const { diff } = r;
  const out: string[] = [];
  out.push(c.bold(`codebook ${diff.new.id} (${diff.new.language}): ${r.oldName} → ${r.newName}`));
  out.push(summaryLine(diff));
  if (diff.fields.length) {
    out.push('', c.bold('Codebook'));
    for (const f of diff.fields) out.push(...fieldLines(f, '  ', c));
  }
  if (diff.themes.length) {
    out.push('', c.bold('Themes'));
    for (const t of diff.themes) out.push(...themeLines(t, c));
  }
  if (diff.codes.length) {
    out.push('', c.bold('Codes'));
    for (const d of diff.codes) out.push(...codeLines(d, c));
  }
  if (r.impact) out.push('', ...impactLines(r.impact, c));
  return `${out.join('\n')}\n`;
}

function sign(kind: string, c: ChalkInstance): string {
  if (kind === 'added') return c.green('+');
  if (kind === 'removed') return c.red('-');
  return c.yellow('~');
}

function themeLines(t: ThemeDiff, c: ChalkInstance): string[] {
  const ids = t.from.length && t.to.length && t.from[0] !== t.to[0] ? `${t.from[0]} → ${t.to[0]}` : (t.to[0] ?? t.from[0])!;
  const out = [`  ${sign(t.kind, c)} ${t.kind.padEnd(8)} ${c.bold(ids)} "${t.label}"`];
  if (t.moved) out.push(`      moved: ${path(t.moved.from)} → ${path(t.moved.to)}`);
  for (const f of t.fields) out.push(...fieldLines(f, '      ', c));
  return out;
}

function codeLines(d: CodeDiff, c: ChalkInstance): string[] {
  const out = [`  ${sign(d.kind, c)} ${d.kind.padEnd(8)} ${c.bold(codeIds(d))} "${d.label}" (${path(d.themePath)})`];
  if (d.moved) out.push(`      moved: ${path(d.moved.from)} → ${path(d.moved.to)}`);
  for (const k of d.carried ?? []) out.push(`      ${k.from} → ${k.to}: ${k.terms.length ? k.terms.join(', ') : '(no shared terms)'}`);
  out.push(...changeLines(d.changes, '      ', c));
  return out;
}

function codeIds(d: CodeDiff): string {
  if (d.kind === 'added') return d.to[0]!;
  if (d.kind === 'removed') return d.from[0]!;
  if (d.from.join() === d.to.join()) return d.to[0]!;
  return `${d.from.join(' + ')} → ${d.to.join(' + ')}`;
}

function changeLines(ch: CodeChanges, indent: string, c: ChalkInstance): string[] {
  const out: string[] = [];
  for (const f of ch.fields) out.push(...fieldLines(f, indent, c));
  if (ch.terms.added.length) out.push(`${indent}terms added: ${ch.terms.added.map((t) => c.green(t)).join(', ')}`);
  if (ch.terms.removed.length) out.push(`${indent}terms removed: ${ch.terms.removed.map((t) => c.red(t)).join(', ')}`);
  for (const p of ch.terms.polarity) out.push(`${indent}term ${p.term}: polarity ${p.from} → ${p.to}`);
  for (const [name, list] of [['example', ch.examples], ['counterexample', ch.counterexamples]] as const) {
    for (const e of list.added) out.push(`${indent}${name} added: ${c.green(e)}`);
    for (const e of list.removed) out.push(`${indent}${name} removed: ${c.red(e)}`);
  }
  return out;
}

function fieldLines(f: FieldChange, indent: string, c: ChalkInstance): string[] {
  if (f.from === undefined) return [`${indent}${f.field} added: ${c.green(f.to!)}`];
  if (f.to === undefined) return [`${indent}${f.field} removed: ${c.red(f.from)}`];
  if (PROSE.has(f.field)) {
    return [`${indent}${f.field}: ${markWords(wordDiff(f.from, f.to), (s) => c.red(`[-${s}-]`), (s) => c.green(`{+${s}+}`))}`];
  }
  return [`${indent}${f.field}: ${c.red(f.from)} → ${c.green(f.to)}`];
}

function impactLines(impact: NonNullable<DiffReport['impact']>, c: ChalkInstance): string[] {
  const out = [c.bold(`Impact on ${impact.notes.join(', ')}`)];
  out.push(`${plural(impact.documents, 'document')}, ${plural(impact.segments, 'segment')}; segments with any code: ${impact.codedBefore} → ${impact.codedAfter}`);
  if (impact.codes.length === 0) out.push('  no segment changes its codes');
  for (const k of impact.codes) {
    const name = k.oldCode ? `${k.oldCode} → ${k.code}` : k.code;
    out.push(`  ${c.bold(name)}: ${k.before} → ${k.after} segments (${c.green(`+${k.gained}`)} ${c.red(`-${k.lost}`)})`);
    for (const e of k.gainedExamples) out.push(`    ${c.green('+')} ${exampleLine(e)}`);
    if (k.gained > k.gainedExamples.length) out.push(`      … and ${k.gained - k.gainedExamples.length} more gained`);
    for (const e of k.lostExamples) out.push(`    ${c.red('-')} ${exampleLine(e)}`);
    if (k.lost > k.lostExamples.length) out.push(`      … and ${k.lost - k.lostExamples.length} more lost`);
  }
  return out;
}

function exampleLine(e: ImpactExample): string {
  return `${e.file}:${e.line} ${guillemets(e.text)} (${e.terms.join(', ')})`;
}

function path(p: string[]): string {
  return p.join(' > ');
}

// ---------------------------------------------------------------- markdown

/** For a pull request: headings, lists, a table for the impact. */
export function diffMarkdown(r: DiffReport): string {
  const { diff } = r;
  const out: string[] = [];
  out.push(`## Codebook \`${diff.new.id}\`: ${code(r.oldName)} → ${code(r.newName)}`, '', `**${summaryLine(diff)}**`);
  if (diff.fields.length) {
    out.push('', '### Codebook', '');
    for (const f of diff.fields) out.push(`- ${mdField(f)}`);
  }
  if (diff.themes.length) {
    out.push('', '### Themes', '');
    for (const t of diff.themes) {
      const ids = t.from.length && t.to.length && t.from[0] !== t.to[0] ? `${code(t.from[0]!)} → ${code(t.to[0]!)}` : code((t.to[0] ?? t.from[0])!);
      out.push(`- **${t.kind}** ${ids} ${esc(t.label)}`);
      if (t.moved) out.push(`  - moved: ${esc(path(t.moved.from))} → ${esc(path(t.moved.to))}`);
      for (const f of t.fields) out.push(`  - ${mdField(f)}`);
    }
  }
  if (diff.codes.length) {
    out.push('', '### Codes', '');
    for (const d of diff.codes) {
      const ids = d.kind === 'added' || d.kind === 'removed' || d.from.join() === d.to.join()
        ? code(codeIds(d)) : `${d.from.map(code).join(' + ')} → ${d.to.map(code).join(' + ')}`;
      out.push(`- **${d.kind}** ${ids} ${esc(d.label)} (${esc(path(d.themePath))})`);
      if (d.moved) out.push(`  - moved: ${esc(path(d.moved.from))} → ${esc(path(d.moved.to))}`);
      for (const k of d.carried ?? []) out.push(`  - ${code(k.from)} → ${code(k.to)}: ${k.terms.length ? k.terms.map(code).join(', ') : 'no shared terms'}`);
      const ch = d.changes;
      for (const f of ch.fields) out.push(`  - ${mdField(f)}`);
      if (ch.terms.added.length) out.push(`  - terms added: ${ch.terms.added.map(code).join(', ')}`);
      if (ch.terms.removed.length) out.push(`  - terms removed: ${ch.terms.removed.map(code).join(', ')}`);
      for (const p of ch.terms.polarity) out.push(`  - term ${code(p.term)}: polarity ${esc(p.from)} → ${esc(p.to)}`);
      for (const [name, list] of [['example', ch.examples], ['counterexample', ch.counterexamples]] as const) {
        for (const e of list.added) out.push(`  - ${name} added: ${esc(e)}`);
        for (const e of list.removed) out.push(`  - ${name} removed: ~~${esc(e)}~~`);
      }
    }
  }
  if (r.impact) {
    const i = r.impact;
    out.push('', `### Impact on ${i.notes.map(code).join(', ')}`, '',
      `${plural(i.documents, 'document')}, ${plural(i.segments, 'segment')}; segments with any code: ${i.codedBefore} → ${i.codedAfter}.`);
    if (i.codes.length === 0) out.push('', 'No segment changes its codes.');
    else {
      out.push('', '| code | before | after | gained | lost |', '| --- | ---: | ---: | ---: | ---: |');
      for (const k of i.codes) out.push(`| ${k.oldCode ? `${code(k.oldCode)} → ` : ''}${code(k.code)} | ${k.before} | ${k.after} | +${k.gained} | -${k.lost} |`);
      for (const k of i.codes) {
        out.push('', `**${code(k.code)}**`, '');
        for (const e of k.gainedExamples) out.push(`- gained: ${mdExample(e)}`);
        if (k.gained > k.gainedExamples.length) out.push(`- … and ${k.gained - k.gainedExamples.length} more gained`);
        for (const e of k.lostExamples) out.push(`- lost: ${mdExample(e)}`);
        if (k.lost > k.lostExamples.length) out.push(`- … and ${k.lost - k.lostExamples.length} more lost`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function mdField(f: FieldChange): string {
  if (f.from === undefined) return `${f.field} added: ${esc(f.to!)}`;
  if (f.to === undefined) return `${f.field} removed: ~~${esc(f.from)}~~`;
  if (PROSE.has(f.field)) return `${f.field}: ${markWords(wordDiff(esc(f.from), esc(f.to)), (s) => `~~${s}~~`, (s) => `**${s}**`)}`;
  return `${f.field}: ${esc(f.from)} → ${esc(f.to)}`;
}

function mdExample(e: ImpactExample): string {
  return `${code(`${e.file}:${e.line}`)} ${esc(guillemets(e.text))} (${e.terms.map(code).join(', ')})`;
}

function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** Text in Markdown: escape what would turn into markup or break a table. */
function esc(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/([\\`*_[\]|<])/g, '\\$1');
}

// ---------------------------------------------------------------- json

export function diffJson(r: DiffReport): string {
  const { diff } = r;
  return `${JSON.stringify({
    version: 1,
    old: { id: diff.old.id, language: diff.old.language, source: r.oldName },
    new: { id: diff.new.id, language: diff.new.language, source: r.newName },
    equal: diff.equal,
    summary: diff.summary,
    fields: diff.fields,
    themes: diff.themes,
    codes: diff.codes,
    renames: diff.renames,
    ...(r.impact ? { impact: r.impact } : {}),
  }, null, 2)}\n`;
}

