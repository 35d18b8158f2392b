/**
 * Web addresses in a segment are not what an informant said: «Se
 * https://kommune.no/samskaping/idekasse» would otherwise be co-creation and an idea channel.
 * The coder reads a segment with its addresses blanked out, each character a space, so that
 * offsets into the text stay as they are.
 */

/**
 * An address: a scheme (of at most 31 characters, so that a long run such as «a.a.a…» is not
 * tried from each of its letters) or «www.» (as typed, in capitals, or capitalised by a word
 * processor at a sentence's start) and what follows up to a blank, without punctuation at its end.
 */
const URL = /\b(?:[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/|www\.|WWW\.|Www\.)[^\s<>«»"]*[^\s<>«»".,;:!?)\]]/gu;

/** Whether the text can hold an address (cheap: plain searches, before the pattern). */
export function mayHaveUrl(text: string): boolean {
  return text.indexOf('://') !== -1 || text.indexOf('ww.') !== -1 || text.indexOf('WW.') !== -1;
}

/** The text with every address replaced by as many spaces; the text itself when it has none. */
export function blankUrls(text: string): string {
  if (!mayHaveUrl(text)) return text;
  return text.replace(URL, (url) => ' '.repeat(url.length));
}
