import { attributeConflicts, attributeNames, notesWithoutAttribute } from '../analysis/crosstab.js';
import type { Corpus, Diagnostic } from '../model.js';
import { UserError } from './errors.js';

/** Every `--by` attribute must be in at least one document's front matter; all unknown ones are reported together. */
export function checkAttributes(corpus: Corpus, attributes: readonly string[]): void {
  const known = attributeNames(corpus);
  const unknown = attributes.filter((a) => !known.includes(a));
  if (unknown.length === 0) return;
  throw new UserError(unknown.map((a) => ({
    severity: 'error' as const, code: 'ATTRIBUTE_UNKNOWN',
    message: `no document has the attribute "${a}" (--by ${a})`,
    hint: known.length ? `Attributes in these notes: ${known.join(', ')}.` : 'These notes have no front matter attributes; add e.g. "role: tillitsvalgt" between --- lines at the top of each note.',
  })));
}

/** The attributes tables split by when none are given: role and site, where the notes have them. */
export function defaultBy(corpus: Corpus): string[] {
  const known = attributeNames(corpus);
  return ['role', 'site'].filter((a) => known.includes(a));
}

/**
 * Warnings for a `--by` attribute: informants whose notes give it different values (such an
 * informant is counted in each of the columns, so the columns add up to more than the total), and
 * notes that lack it (often a note whose front matter was forgotten; they make a column of their own).
 */
export function attributeWarnings(corpus: Corpus, attributes: readonly string[]): Diagnostic[] {
  return attributes.flatMap((a) => [...conflictWarnings(corpus, a), ...missingWarnings(corpus, a)]);
}

function conflictWarnings(corpus: Corpus, a: string): Diagnostic[] {
  const conflicts = attributeConflicts(corpus, a);
  if (conflicts.length === 0) return [];
  const listed = conflicts.slice(0, 5).map((c) => `${c.informant} (${c.values.join(', ')})`).join('; ');
  return [{
    severity: 'warning', code: 'ATTRIBUTE_CONFLICT',
    message: `${conflicts.length} informant(s) have more than one ${a} in their notes, and count in each column: ${listed}${conflicts.length > 5 ? '; …' : ''}`,
    hint: `Give each informant's notes the same ${a}, or give the notes different informant ids.`,
  }];
}

function missingWarnings(corpus: Corpus, a: string): Diagnostic[] {
  const missing = notesWithoutAttribute(corpus, a);
  // None has it: checkAttributes stops the run. All have it: nothing to say.
  if (missing.length === 0 || missing.length === corpus.documents.length) return [];
  const listed = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ', …' : '');
  return [{
    severity: 'warning', code: 'ATTRIBUTE_MISSING',
    message: `${missing.length} of ${corpus.documents.length} notes ${missing.length === 1 ? 'has' : 'have'} no ${a}, and count in a column of their own: ${listed}`,
    hint: `Give ${missing.length === 1 ? 'it' : 'them'} "${a}:" in the front matter (or an "informant:" id shared with a note that has one).`,
  }];
}
