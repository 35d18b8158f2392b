import { attributeNames } from '../analysis/crosstab.js';
import type { Corpus } from '../model.js';
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
