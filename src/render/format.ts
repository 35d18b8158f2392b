// Small formatting helpers shared by the renderers; all locale-independent so output is byte-stable.

/** 0.4166 → "42 %" (Norwegian and SI style: a space before the sign). */
export function percent(share: number): string {
  return `${fixed(share * 100, 0)} %`;
}

/** 0.41666 → "0.417": fixed decimals, independent of LANG. */
export function decimal(x: number, digits = 3): string {
  return fixed(x, digits);
}

/**
 * x rounded to `digits` decimals, an exact half away from zero, as a reader who rounds the exact
 * fraction by hand does: 23/80 = 0.2875 → 0.288, κ = 20/64 = 0.3125 → 0.313, 57.5 % → 58 %.
 * toFixed and Math.round see the binary value instead (0.28749999999999998, or a κ computed as
 * 0.31249999999999994) and gave 0.287 and 0.312. Noise past 12 significant digits is dropped first.
 */
export function roundHalf(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const shifted = Number((Math.abs(x) * 10 ** digits).toPrecision(12));
  const rounded = Math.round(shifted) / 10 ** digits;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** x with exactly `digits` decimals, rounded as roundHalf does. */
export function fixed(x: number, digits: number): string {
  return roundHalf(x, digits).toFixed(digits);
}

/**
 * Attribution of a quote: (informant-03, tillitsvalgt). An excerpt of typed notes, which are the
 * researcher's account and not the informant's words, says so: (informant-03, tillitsvalgt;
 * notat) or, in English, (informant-03, union rep; notes).
 */
export function attribution(q: { informant: string; role?: string; verbatim?: boolean; interviewer?: true }, lang: 'nb' | 'en' = 'nb'): string {
  const who = q.role ? `${q.informant}, ${q.role}` : q.informant;
  if (q.interviewer) return `(${who}; ${lang === 'en' ? 'the interviewer' : 'intervjueren'})`;
  return q.verbatim === false ? `(${who}; ${lang === 'en' ? 'notes' : 'notat'})` : `(${who})`;
}

/**
 * An excerpt as the outputs show it: a speaker's words in «...» (see guillemets), or in “...” in
 * English output (see englishQuotes); a paragraph of typed notes as it stands, since setting the
 * researcher's summary in quotation marks would present it as the informant's own words.
 */
export function excerptText(q: { text: string; verbatim?: boolean }, lang: 'nb' | 'en' = 'nb'): string {
  return q.verbatim === false ? q.text : lang === 'en' ? englishQuotes(q.text) : guillemets(q.text);
}

/**
 * A quote set in “...”, as English typography sets it (an English report showed «...»). A quote
 * that is itself a whole “quote” or «quote» keeps its words in “...”; quotes inside (“...” or
 * «...») become ‘...’, a quote within a quote.
 */
export function englishQuotes(text: string): string {
  const whole = /^[«“]([^«»“”]*)[»”]$/.exec(text);
  if (whole) return `“${whole[1]}”`;
  return `“${text.replace(/[«“]/g, '‘').replace(/[»”]/g, '’')}”`;
}

/**
 * A quote set in «...». A quote that is itself a whole «quote» keeps its marks; quotes inside
 * become ‘...’, as Norwegian typography sets a quote within a quote.
 */
export function guillemets(text: string): string {
  if (/^«[^«»]*»$/.test(text)) return text;
  return `«${text.replace(/«/g, '‘').replace(/»/g, '’')}»`;
}

/** Width of a string on a terminal: code points, not UTF-16 units. */
export function width(s: string): number {
  return [...s].length;
}

export function pad(s: string, n: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
}
