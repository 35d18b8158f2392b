import type { Document } from '../model.js';

export type Encoding = Document['encoding'];

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'binary' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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
 * Decode a notes file. UTF-8 with or without BOM and UTF-16 with BOM are recognised by their
 * bytes; anything that is not valid UTF-8 is read as Windows-1252, which is what Word's
 * "Save as plain text" writes on Norwegian Windows. Line endings become `\n`.
 */
export function decode(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: Encoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    try {
      text = utf8.decode(bytes.subarray(3));
    } catch {
      return { ok: false, reason: 'binary' };
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
    try {
      text = utf8.decode(bytes);
      encoding = 'utf-8';
    } catch {
      const mixed = decodeMixed(bytes);
      if (mixed !== undefined) {
        // A file pasted together from UTF-8 and Windows-1252 sources: each character by its own bytes.
        text = mixed;
        encoding = 'mixed';
      } else {
        text = decodeCp1252(bytes);
        encoding = 'windows-1252';
      }
    }
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 8192))) return { ok: false, reason: 'binary' };
  return { ok: true, text: normaliseNewlines(text), encoding };
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
 */
function decodeMixed(bytes: Uint8Array): string | undefined {
  let out = '';
  let runStart = 0;
  let runUtf8 = true;
  let sawUtf8 = false;
  const flush = (end: number) => {
    if (end > runStart) out += runUtf8 ? utf8.decode(bytes.subarray(runStart, end)) : decodeCp1252(bytes.subarray(runStart, end));
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
  return sawUtf8 ? out : undefined;
}

/** NUL bytes in the first 8 KiB mean an image, a PDF, a zip: not text. */
function looksBinary(bytes: Uint8Array): boolean {
  // indexOf searches natively: about ten times faster than a loop over the bytes.
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

export function normaliseNewlines(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}
