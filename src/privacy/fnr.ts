// Norwegian national identity numbers: fødselsnummer (11 digits, DDMMYY + individual number +
// two mod-11 check digits) and D-nummer (the same, with 4 added to the first digit of the day).

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type IdNumberKind = 'fodselsnummer' | 'd-nummer';

function checkDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return undefined;
  return k;
}

/** Both check digits of 9 leading digits, or undefined when no valid number starts with them. */
export function checkDigits(first9: string): string | undefined {
  const d = [...first9].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === undefined) return undefined;
  const k2 = checkDigit([...d, k1], W2);
  if (k2 === undefined) return undefined;
  return `${k1}${k2}`;
}

/** Which kind of identity number an 11-digit string is, or undefined (bad date or check digits). */
export function idNumberKind(digits: string): IdNumberKind | undefined {
  if (!/^\d{11}$/.test(digits)) return undefined;
  let day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  let kind: IdNumberKind = 'fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'd-nummer';
  }
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return undefined;
  return checkDigits(digits.slice(0, 9)) === digits.slice(9) ? kind : undefined;
}
