// Keyness: which words and phrases a group of segments uses more than the rest of the corpus.

/**
 * Log-likelihood G² (Dunning 1993; Rayson & Garside 2000) for a feature found in `a` of `c`
 * segments of a group and in `b` of `d` segments of the rest. Signed: negative when the group
 * uses the feature less than the rest does.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const total = c + d;
  if (total === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / total;
  const e2 = (d * (a + b)) / total;
  const g2 = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  const over = d === 0 ? a > 0 : a / c > b / d;
  return over ? g2 : -g2;
}
