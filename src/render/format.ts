// Small formatting helpers shared by the renderers; all locale-independent so output is byte-stable.

/** 0.4166 → "42 %" (Norwegian and SI style: a space before the sign). */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** 0.41666 → "0.417": fixed decimals, independent of LANG. */
export function decimal(x: number, digits = 3): string {
  return x.toFixed(digits);
}

/** Attribution of a quote: (informant-03, tillitsvalgt). */
export function attribution(q: { informant: string; role?: string }): string {
  return q.role ? `(${q.informant}, ${q.role})` : `(${q.informant})`;
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
