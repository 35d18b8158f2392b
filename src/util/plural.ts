/**
 * A count with its noun in the right number: «1 document», «2 documents»; with the plural given,
 * «1 informant», «3 informanter».
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
