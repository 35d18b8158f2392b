import { agree, type AgreeUnit } from '../../../analysis/agree.js';
import { compareIds } from '../../../corpus/index.js';
import type { Diagnostic } from '../../../model.js';
import { agreeCsv, agreeJson, agreeMarkdown, agreeTerminal } from '../../../render/agreement.js';
import type { Context } from '../../context.js';
import { EXIT, UserError, stopIfStrict } from '../../errors.js';
import { checkSpeakerLabels, readCodebooks, readNotes, type NotesOptions } from '../../load.js';
import { maskUnits, readNameLists } from '../../mask.js';
import type { AgreeCommandOptions } from './index.js';
import { loadInputs, resolveCsv, type LoadedCoder } from './inputs.js';

/** `themes agree`: read every coding, line the units up, compute, render. */
export async function agreeAction(args: string[], options: AgreeCommandOptions, ctx: Context): Promise<number> {
  const { cwd } = ctx.io;
  const notesOptions: NotesOptions = {
    unit: options.unit, includeInterviewer: options.includeInterviewer,
    ...(options.interviewerLabels ? { interviewerLabels: options.interviewerLabels } : {}),
    ...(options.informantLabels ? { informantLabels: options.informantLabels } : {}),
  };
  checkSpeakerLabels(notesOptions);
  const inputs = await loadInputs(args, cwd, notesOptions, options.user);
  checkUsers(options.user, inputs.users);
  const diagnostics: Diagnostic[] = [...inputs.diagnostics];

  // Units: from every input that has text, then --notes; the first definition of a unit wins.
  const units = new Map<string, AgreeUnit>();
  const ready = inputs.coders.filter((c): c is LoadedCoder => 'seen' in c);
  for (const c of ready) for (const u of c.units) if (!units.has(u.id)) units.set(u.id, u);
  for (const p of options.notes ?? []) {
    const corpus = readNotes([p], cwd, notesOptions);
    diagnostics.push(...corpus.diagnostics);
    const pathOf = new Map(corpus.corpus.documents.map((d) => [d.id, d.path]));
    for (const s of corpus.corpus.segments) if (!units.has(s.id)) units.set(s.id, { id: s.id, document: s.document, file: pathOf.get(s.document) ?? s.document, line: s.line, text: s.text });
  }
  const ordered = [...units.values()].sort((a, b) => compareIds(a.document, b.document) || a.line - b.line || compareIds(a.id, b.id));

  const coders: LoadedCoder[] = [];
  for (const c of inputs.coders) {
    if ('seen' in c) coders.push(c);
    else if (ordered.length === 0) {
      diagnostics.push({ severity: 'error', code: 'AGREE_CSV_WITHOUT_UNITS', file: c.file, message: 'a CSV coding needs the notes it refers to', hint: 'Add --notes NOTES (the folder the CSV refers to), or another input with the notes\' text.' });
      inputs.failed.push(c.file);
    } else {
      const resolved = resolveCsv(c, ordered);
      diagnostics.push(...resolved.diagnostics);
      coders.push(resolved.coder);
    }
  }
  uniqueNames(coders);
  if (options.codebook) {
    const books = readCodebooks(options.codebook, cwd);
    diagnostics.push(...books.diagnostics);
    const known = new Set(books.codebooks.flatMap((b) => b.codes.map((c) => c.id)));
    for (const c of coders) {
      const unknown = [...new Set([...c.codes.values()].flatMap((s) => [...s]))].filter((x) => !known.has(x)).sort();
      if (unknown.length) {
        diagnostics.push({ severity: 'warning', code: 'AGREE_UNKNOWN_CODE', message: `coder ${c.name} uses codes that are not in the codebook: ${unknown.join(', ')}`, hint: 'Check the spelling of the marks; these codes are still compared.' });
      }
    }
  }
  for (let i = 0; i < coders.length; i++) {
    for (let j = i + 1; j < coders.length; j++) {
      const a = coders[i]!;
      const b = coders[j]!;
      if (a.seen.size > 0 && b.seen.size > 0 && ![...a.seen].some((u) => b.seen.has(u))) {
        diagnostics.push({ severity: 'warning', code: 'AGREE_NO_SHARED_UNITS', message: `coders ${a.name} and ${b.name} have no unit in common`, hint: 'Were they coded with the same --unit, on the same notes? Unit ids are note id and line.' });
      }
    }
  }
  ctx.report(diagnostics);
  stopIfStrict(options.strict, diagnostics);
  if (coders.length < 2) {
    throw new UserError([{ severity: 'error', code: 'AGREE_TOO_FEW_CODERS', message: `agreement needs two or more codings; ${coders.length} could be read`, hint: 'Give two or more inputs, e.g. themes agree results/segments.jsonl notes-coded-by-hand/.' }], EXIT.usage);
  }
  if (options.reference !== undefined && !coders.some((c) => c.name === options.reference)) {
    throw new UserError([{ severity: 'error', code: 'AGREE_UNKNOWN_REFERENCE', message: `--reference ${options.reference} is not one of the coders (${coders.map((c) => c.name).join(', ')})`, hint: 'Name a coder as shown, or name inputs with NAME=PATH.' }], EXIT.usage);
  }
  // The disagreements quote unit text: masked like every output of themes code.
  const shown = options.allowIdentifiers ? ordered : maskUnits(ordered, ctx, readNameLists(options.names, cwd), undefined,
    ordered.length === 1 ? 'the unit compared' : `the ${ordered.length} units compared`);
  const report = agree(shown, coders, { dropUncoded: options.dropUncoded, ...(options.reference !== undefined ? { reference: options.reference } : {}) });
  const out = options.format === 'csv' ? agreeCsv(report)
    : options.format === 'json' ? agreeJson(report)
    : options.format === 'md' ? agreeMarkdown(report)
    : agreeTerminal(report, ctx.out, options.maxDisagreements);
  ctx.io.stdout.write(out);
  // A row or mark left out (HUMAN_CSV_ROW and the like) makes the agreement one over less than
  // was coded: done, but with errors, as when a file is left out.
  return inputs.failed.length > 0 || diagnostics.some((d) => d.severity === 'error') ? EXIT.partial : EXIT.ok;
}

/** --user names a user of an input that has several; else it is a mistake, and the hint lists the users there are. */
function checkUsers(wanted: readonly string[] | undefined, users: ReadonlyMap<string, string[]>): void {
  if (wanted === undefined) return;
  const found = new Set([...users.values()].flat());
  const unknown = wanted.filter((u) => !found.has(u));
  if (unknown.length === 0) return;
  const listed = [...users].map(([file, names]) => `${file}: ${names.join(', ')}`).join('; ');
  throw new UserError([{
    severity: 'error', code: 'AGREE_UNKNOWN_USER',
    message: `--user ${unknown.join(', ')} is not a user of any input coded by several users`,
    hint: users.size > 0 ? `The users are ${listed}. Name one of them, or leave out --user to compare them all.` : 'No input is coded by several users (a .qdpx project\'s users, a CSV\'s coder column); leave out --user.',
  }], EXIT.usage);
}

function uniqueNames(coders: LoadedCoder[]): void {
  const seen = new Map<string, number>();
  for (const c of coders) {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    if (n > 1) c.name = `${c.name}-${n}`;
  }
}
