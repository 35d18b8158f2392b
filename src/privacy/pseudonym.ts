import type { Finding } from './detect.js';
import type { InlineMark, Lang } from '../model.js';
import { restoreMarks } from '../corpus/marks.js';
import { maskText, masksFor } from './mask.js';

export interface Person {
  pseudonym: string;
  /** The names this person was written as, sorted. */
  names: string[];
}

export interface Pseudonymised {
  /** Document texts with names replaced by pseudonyms, other identifiers masked and code marks written back, in input order. */
  texts: string[];
  persons: Person[];
}

// O'Brien and O’Brien are one name, whichever apostrophe the writer's keyboard gave.
const key = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').replace(/’/g, "'").trim().toLowerCase().replace(/(?<=\p{L}{3})s$/u, '');

/**
 * Pseudonyms consistent across documents: "Person 1" is the same name in every file, numbered
 * by first appearance. A document's `marks` (blanked out of its text when it was read) are written
 * back where they stood: a hand-coded note's copy is still coded. A shorter name (a first name, a surname, a double first name without the
 * surname) joins the full name it is part of, when exactly one full name has it. Phone numbers, e-mail, addresses and identity numbers are masked, with the labels of each document's language.
 */
export function pseudonymise(docs: ReadonlyArray<{ text: string; findings: readonly Finding[]; lang?: Lang; marks?: readonly InlineMark[] }>, label = 'Person'): Pseudonymised {
  const mentions = docs.flatMap((d, di) => d.findings.filter((f) => f.kind === 'name').map((f) => ({ di, f, key: key(f.text) })));
  // A person is a longest name: one no other name contains. A shorter one ("Torunn", "Per Olav",
  // "Hålien") belongs to the longest name that contains its words in a row, when exactly one does.
  const keys = [...new Set(mentions.map((m) => m.key))];
  const within = (short: string, long: string) => long !== short && ` ${long} `.includes(` ${short} `);
  const longest = keys.filter((k) => !keys.some((other) => within(k, other)));
  const owner = new Map<string, string>();
  const personOf = (k: string): string => {
    let p = owner.get(k);
    if (p === undefined) {
      const owners = longest.filter((l) => l === k || within(k, l));
      p = owners.length === 1 ? owners[0]! : k;
      owner.set(k, p);
    }
    return p;
  };
  const numbers = new Map<string, number>();
  const written = new Map<string, Set<string>>();
  for (const m of mentions) {
    const p = personOf(m.key);
    if (!numbers.has(p)) numbers.set(p, numbers.size + 1);
    (written.get(p) ?? written.set(p, new Set()).get(p)!).add(m.f.text.replace(/\s+/g, ' '));
  }
  const texts = docs.map((d) => {
    const labels = masksFor(d.lang);
    const masked = maskText(d.text, d.findings, (f) => (f.kind === 'name' ? `${label} ${numbers.get(personOf(key(f.text)))!}` : labels[f.kind]));
    return d.marks?.length ? restoreMarks(masked.text, d.marks, masked.offset) : masked.text;
  });
  const persons = [...numbers].map(([p, n]) => ({ pseudonym: `${label} ${n}`, names: [...written.get(p)!].sort() }));
  return { texts, persons };
}
