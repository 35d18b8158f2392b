import { InvalidArgumentError, Option } from 'commander';

/** Option parsers for commander: validate once at the boundary, quoting the bad value. */
export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`"${value}" is not one of ${allowed.join(', ')}.`);
  };
}

/** The `-f, --format` option: its choices and default named in --help, the value checked by oneOf. */
export function formatOption<T extends string>(formats: readonly T[], fallback?: T, what = 'output on stdout'): Option {
  const option = new Option('-f, --format <format>', `${what}: ${formats.join(', ')}`).argParser(oneOf(formats));
  return fallback === undefined ? option : option.default(fallback);
}

export function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return Number(value);
}

/** A count that must be at least 1 (--terms 0 would give candidates without a word). */
export function positive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more.`);
  return Number(value);
}

/** A file or folder name: an empty one (--out "") would quietly mean "no file" and print instead. */
export function place(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('an empty name is not a file or folder: give one, e.g. results/.');
  // «-o -» means standard output to most tools; here it named a file «-» (export qdpx wrote one).
  if (value.trim() === '-') throw new InvalidArgumentError('"-" is not a file or folder here: give a file name, or leave the option out where that prints to standard output.');
  return value;
}

export function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A LaTeX label part: letters, digits and hyphens, which every TeX engine and \\ref read alike. */
export function labelPrefix(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a label prefix: write it with letters a-z, digits and hyphens (pilot, main-study).`);
  return value;
}

/**
 * A codebook id (import --id): lower-case letters a-z, digits and hyphens, starting with a letter
 * or digit, as the codebook format requires. Refused here, before anything is read or written:
 * «--id 'Bad Id'» wrote a codebook that did not load (CODEBOOK_INVALID_ID) and exited 0.
 */
export function codebookId(value: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(value)) return value;
  const valid = value.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  throw new InvalidArgumentError(`"${value}" is not a codebook id: write it with lower-case letters a-z, digits and hyphens, starting with a letter or digit (e.g. --id ${valid || 'my-codebook'}).`);
}
