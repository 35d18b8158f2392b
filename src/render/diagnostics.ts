import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';

/** `file:line:col: error CODE message` then the hint, like compilers and linters print. */
export function formatDiagnostic(d: Diagnostic, c: ChalkInstance): string {
  const place = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}: ` : '';
  const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
  const hint = d.hint ? `\n  ${c.dim(`hint: ${d.hint}`)}` : '';
  return `${place}${sev} ${c.dim(d.code)} ${d.message}${hint}\n`;
}

/** Files, then lines, then columns: the order a person fixes them in. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    (a.file ?? '').localeCompare(b.file ?? '', 'en') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
