import type { ChalkInstance } from 'chalk';
import type { CaseResult, CodebookTestResult } from '../codebook/testing.js';
import type { Evidence } from '../model.js';
import { plural } from '../util/plural.js';

export interface TestReport {
  file: string;
  result: CodebookTestResult;
}

/** Failures first, each with its place and evidence; then one summary line per codebook. */
export function testTerminal(reports: TestReport[], c: ChalkInstance): string {
  const out: string[] = [];
  for (const { file, result } of reports) {
    for (const f of result.cases.filter((x) => !x.pass)) out.push(...failure(file, f, c), '');
    const examples = result.cases.filter((x) => x.kind === 'example').length;
    const counter = result.cases.length - examples;
    const status = result.failed ? c.red(`${result.failed} failed`) : c.green('all passed');
    out.push(`${file}: ${status}, ${result.passed} of ${result.cases.length} passed (${plural(examples, 'example')}, ${plural(counter, 'counterexample')})`);
    if (result.untested.length) out.push(`  codes with terms but no examples (not tested): ${result.untested.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function failure(file: string, f: CaseResult, c: ChalkInstance): string[] {
  const at = f.place ? `${file}:${f.place.line}:${f.place.column}` : file;
  const what = f.kind === 'example' ? `example ${f.index + 1} of ${f.code} is not coded ${f.code}` : `counterexample ${f.index + 1} of ${f.code} is coded ${f.code}`;
  const out = [`${at}: ${c.red('FAIL')} ${what}`, `  text: ${f.text}`];
  if (f.kind === 'example') {
    if (f.unlessed.length) out.push(`  set aside by unless: ${f.unlessed.map((e) => `${evidence(e)} (unless ${e.unless.join('; ')})`).join('; ')}`);
    if (f.rejected.length) out.push(`  set aside by the polarity rule: ${f.rejected.map(evidence).join('; ')}`);
    else if (!f.unlessed.length) out.push(`  no term of ${f.code} matches`);
  } else out.push(`  matched: ${f.evidence.map(evidence).join('; ')}`);
  if (f.others.length) out.push(`  other codes: ${f.others.map((o) => `${o.code} (${o.terms.join(', ')})`).join(', ')}`);
  return out;
}

function evidence(e: Evidence): string {
  const found = e.text.toLowerCase() === e.term.toLowerCase() ? `term ${e.term}` : `term ${e.term} as "${e.text}"`;
  return e.cue ? `${found}, lack cue "${e.cue.text}"` : found;
}

export function testJson(reports: TestReport[]): string {
  return `${JSON.stringify({
    version: 1,
    codebooks: reports.map(({ file, result }) => ({ file, passed: result.passed, failed: result.failed, untested: result.untested, cases: result.cases })),
  }, null, 2)}\n`;
}

