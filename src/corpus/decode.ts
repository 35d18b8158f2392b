import { isAscii, isUtf8, transcode } from 'node:buffer';
import type { Document } from '../model.js';

export type Encoding = Document['encoding'];

export type Decoded =
  | {
    ok: true; text: string; encoding: Encoding;
    /** Stray control characters (a NUL, a form feed from a broken editor) were turned into spaces; the first one's offset in `text`. */
    stray?: number;
    /** With encoding 'mixed': the offset in `text` of the first character read as Windows-1252. */
    mixedAt?: number;
  }
  | { ok: false; reason: 'binary' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of UTF-8 bytes, as `utf8.decode` reads it, or undefined when they are not valid UTF-8
 * (where it throws). Every note passes here, and V8 reads UTF-8 twice to make a string (once to
 * measure, once to decode): ICU's transcoding to UTF-16, read back by Node, takes a third of the
 * instructions and gives the same string, a one-byte one when it can be. ASCII is read as it is.
 * The validity check is the TextDecoder's own (simdutf). Without ICU (a Node built without
 * Intl has no transcode) the TextDecoder reads it.
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return typeof transcode === 'function' ? transcode(bytes, 'utf8', 'ucs2').toString('ucs2') : utf8.decode(bytes);
}
// Windows-1252 differs from Latin-1 in 0x80-0x9F (– — ‘ ’ “ ” … € and more). Node's TextDecoder
// treats "windows-1252" as Latin-1 in some builds, so the table is spelt out here.
const CP1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j]!;
      chars[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    out += chars.join('');
  }
  return out;
}

/**
 * Decode a notes file. UTF-8 with or without BOM and UTF-16 with BOM (or, in Latin letters,
 * without) are recognised by their bytes; anything that is not valid UTF-8 is read as
 * Windows-1252, which is what Word's "Save as plain text" writes on Norwegian Windows. Line
 * endings become `\n`.
 */
export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  let mixedAt: number | undefined;
  // Only a file with a zero byte near its start can be UTF-16 (indexOf looks natively).
  const utf16 = bytes.subarray(0, 8192).indexOf(0) !== -1 ? utf16WithoutBom(bytes) : undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    const decoded = utf8Text(bytes.subarray(3));
    if (decoded !== undefined) text = decoded;
    else {
      // A UTF-8 file with a few Windows-1252 bytes pasted in: read as a file without the mark is.
      if (looksBinary(bytes.subarray(3))) return { ok: false, reason: 'binary' };
      ({ text, encoding, mixedAt } = notUtf8(bytes.subarray(3)));
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else if (utf16 !== undefined) {
    // UTF-16 saved without its byte order mark: every other byte is zero in Norwegian and English text.
    encoding = utf16;
    text = new TextDecoder(utf16).decode(bytes);
  } else {
    if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
    const decoded = utf8Text(bytes);
    if (decoded !== undefined) {
      text = decoded;
      encoding = 'utf-8';
    } else {
      ({ text, encoding, mixedAt } = notUtf8(bytes));
    }
  }
  // Every note passes here, so the whole text is only searched (natively) for NUL; the other
  // control characters are looked for in the first 8 KiB, as a binary file shows them there.
  const sample = text.slice(0, 8192);
  const strayInSample = STRAY.test(sample);
  if (strayInSample && sample.match(STRAY_ALL)!.length > sample.length / 100) return { ok: false, reason: 'binary' };
  const normalised = normaliseNewlines(text);
  const stray = strayInSample || normalised.indexOf('\u0000') !== -1 ? STRAY.exec(normalised) : null;
  const where = mixedAt !== undefined ? { mixedAt } : {};
  if (!stray) return { ok: true, text: normalised, encoding, ...where };
  // A few stray control characters in a text: blanked, one space each, so offsets stay put.
  return { ok: true, text: normalised.replace(STRAY_ALL, ' '), encoding, stray: stray.index, ...where };
}

/**
 * Bytes that are not valid UTF-8: pasted together from UTF-8 and Windows-1252 sources, each
 * character read by its own bytes ('mixed'), or Windows-1252 throughout.
 */
function notUtf8(bytes: Uint8Array): { text: string; encoding: Encoding; mixedAt?: number } {
  const mixed = decodeMixed(bytes);
  if (mixed === undefined) return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  // Counted in the text with its newlines normalised, like every other offset.
  return { text: mixed.text, encoding: 'mixed', mixedAt: mixed.firstCp1252 - (mixed.text.slice(0, mixed.firstCp1252).match(/\r\n/g)?.length ?? 0) };
}

/** Control characters that are no part of a text (tab, line feed, vertical tab, form feed and carriage return are). */
const STRAY = /[\u0000-\u0008\u000e-\u001f]/;
const STRAY_ALL = new RegExp(STRAY.source, 'g');

/**
 * UTF-16 without a byte order mark: in the first 8 KiB, the high byte of nearly every character
 * is zero (text in Latin letters, æøå included) and the low byte nearly never.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.7 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.7 && oddZero <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Length of a well-formed UTF-8 multi-byte sequence at i, or 0. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Text that is neither UTF-8 nor Windows-1252 throughout: well-formed UTF-8 sequences are read as
 * UTF-8, every other byte as Windows-1252. Undefined when the bytes hold no UTF-8 sequence at all.
 * `firstCp1252` is the offset in `text` of the first character read as Windows-1252.
 */
function decodeMixed(bytes: Uint8Array): { text: string; firstCp1252: number } | undefined {
  let out = '';
  let runStart = 0;
  let runUtf8 = true;
  let sawUtf8 = false;
  let firstCp1252 = -1;
  const flush = (end: number) => {
    if (end <= runStart) return;
    if (runUtf8) out += utf8.decode(bytes.subarray(runStart, end));
    else {
      if (firstCp1252 === -1) firstCp1252 = out.length;
      out += decodeCp1252(bytes.subarray(runStart, end));
    }
    runStart = end;
  };
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8Length(bytes, i);
    const isUtf = n > 0;
    if (isUtf) sawUtf8 = true;
    if (isUtf !== runUtf8) {
      flush(i);
      runUtf8 = isUtf;
    }
    i += isUtf ? n : 1;
  }
  flush(bytes.length);
  return sawUtf8 ? { text: out, firstCp1252 } : undefined;
}

/** The first bytes of images, PDF, zip (also .docx and .qdpx), gzip and executables. */
const MAGIC: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b], [0x7f, 0x45, 0x4c, 0x46],
];

/**
 * A file type's magic bytes, or NUL bytes in the first 8 KiB, mean an image, a PDF, a zip: not
 * text. A few NUL bytes (one in a hundred is many) are strays in a text, which decode() blanks.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return true;
  const sample = bytes.subarray(0, 8192);
  // indexOf searches natively: about ten times faster than a loop over the bytes.
  let at = sample.indexOf(0);
  if (at === -1) return false;
  let zeros = 0;
  const limit = sample.length / 100;
  for (; at !== -1; at = sample.indexOf(0, at + 1)) if (++zeros > limit) return true;
  return false;
}

export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
