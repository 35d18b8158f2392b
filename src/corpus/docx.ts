// Word notes: .docx bytes in, note text out (headings as `#` lines, paragraphs, list items as
// `- ` lines, table rows as `a | b` lines), so the ordinary segmenter keeps the heading path.
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { DEFAULT_SPEAKERS, speakerPattern } from './segment.js';

export type DocxText =
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; reason: 'encrypted' | 'corrupt'; detail: string };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * mammoth (the well-kept .docx reader, which maps Word's heading and list styles to HTML) only
 * has a promise API, while reading notes is synchronous everywhere in themes. So the conversion
 * runs in a worker thread and this thread waits for it (Atomics.wait + receiveMessageOnPort, the
 * pattern of the `synckit` library): all Word files of a run in one worker, started only when there are any.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const done = (out) => {
  workerData.port.postMessage(out);
  Atomics.store(workerData.flag, 0, 1);
  Atomics.notify(workerData.flag, 0);
};
(async () => {
  const out = [];
  try {
    const mammoth = require(workerData.mammoth);
    // A page or column break between words is a break, not nothing: «tid.[page]Ledelsen» was one word.
    const options = { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true, styleMap: ["br[type='page'] => br", "br[type='column'] => br"] };
    for (const bytes of workerData.files) {
      try {
        const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, options);
        out.push({ ok: true, html: r.value, warnings: r.messages.map((m) => m.message) });
      } catch (e) {
        out.push({ ok: false, detail: String((e && e.message) || e).split('\\n')[0] });
      }
    }
  } catch (e) {
    while (out.length < workerData.files.length) out.push({ ok: false, detail: String((e && e.message) || e).split('\\n')[0] });
  }
  done(out);
})();
`;

type Converted = { ok: true; html: string; warnings: string[] } | { ok: false; detail: string };

function convertAll(files: readonly Uint8Array[]): Converted[] {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const mammoth = createRequire(import.meta.url).resolve('mammoth');
  const worker = new Worker(WORKER, { eval: true, workerData: { files, port: port2, flag, mammoth }, transferList: [port2] });
  try {
    Atomics.wait(flag, 0, 0, 5 * 60 * 1000);
    const message = receiveMessageOnPort(port1);
    const out = message?.message as Converted[] | undefined;
    return out ?? files.map(() => ({ ok: false as const, detail: 'the Word converter did not answer' }));
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** Word files' bytes in, note text (or why not) out, in the same order. */
export function docxToText(files: readonly Uint8Array[]): DocxText[] {
  const results: Array<DocxText | undefined> = files.map((bytes) => {
    if (OLE.every((b, i) => bytes[i] === b)) {
      return { ok: false, reason: 'encrypted', detail: 'an encrypted (password-protected) Word file or an old .doc file' };
    }
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: 'corrupt', detail: 'not a zip archive' };
    return undefined;
  });
  const todo = files.filter((_, i) => results[i] === undefined);
  const converted = todo.length > 0 ? convertAll(todo) : [];
  let next = 0;
  return results.map((r) => {
    if (r) return r;
    const c = converted[next++]!;
    return c.ok ? { ok: true, text: htmlToNote(c.html), warnings: [...c.warnings].sort() } : { ok: false, reason: 'corrupt', detail: c.detail };
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** Word's invisible hyphens: a soft hyphen (Ctrl+-) is no character of the word; a non-breaking hyphen is a hyphen. */
function wordText(s: string): string {
  return s.replace(/\u00ad/g, '').replace(/\u2011/g, '-');
}

/**
 * mammoth's HTML is flat and well formed: block tags h1-h6, p, li, tr/td, with inline tags inside.
 * Footnotes and endnotes are the researcher's remarks, not what was said: their text (a list at
 * the end, `<li id="footnote-1">`) and their markers in the text (`<a href="#footnote-1">[1]</a>`)
 * are left out, so they are neither coded nor quoted.
 */
export function htmlToNote(html: string): string {
  const blocks: string[] = [];
  let current: string | undefined;
  let prefix = '';
  let cells: string[] | undefined;
  let listDepth = 0;
  /** Inside a note's text (depth of li elements) or a note marker (<a>): text there is skipped. */
  let inNote = 0;
  let inMarker = false;
  const flush = () => {
    if (current === undefined) return;
    const text = current.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (cells) cells.push(text);
    else if (text !== '') blocks.push(prefix + text);
    current = undefined;
  };
  const re = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      if (inNote > 0 || inMarker) continue;
      if (current === undefined) { current = ''; if (!cells) prefix = listDepth ? `${'  '.repeat(listDepth - 1)}- ` : ''; }
      current += wordText(unescape(m[4]));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'a') {
      if (closing) inMarker = false;
      else if (/href="#(foot|end)note-/.test(m[3]!)) inMarker = true;
      continue;
    }
    if (tag === 'li' && (inNote > 0 || (!closing && /id="(foot|end)note-/.test(m[3]!)))) {
      inNote += closing ? -1 : 1;
      continue;
    }
    if (inNote > 0) continue;
    if (cells && current !== undefined && tag !== 'td' && tag !== 'th' && tag !== 'tr' && tag !== 'br') {
      // Paragraphs and lists inside a table cell stay in the cell.
      if (tag === 'p' || tag === 'li') current += ' ';
    } else if (/^h[1-6]$/.test(tag)) {
      flush();
      if (!closing) { current = ''; prefix = `${'#'.repeat(Number(tag[1]))} `; }
    } else if (tag === 'p' || tag === 'li') {
      flush();
      if (!closing) { current = ''; prefix = tag === 'li' || listDepth ? `${'  '.repeat(Math.max(0, listDepth - 1))}- ` : ''; }
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      listDepth += closing ? -1 : 1;
    } else if (tag === 'tr') {
      flush();
      if (closing && cells) { if (cells.some((c) => c !== '')) blocks.push(rowText(cells)); cells = undefined; }
      else if (!closing) cells = [];
    } else if (tag === 'td' || tag === 'th') {
      flush();
      if (!closing) current = '';
    } else if (tag === 'br') {
      if (current !== undefined) current += '\n';
    }
  }
  flush();
  return joinBlocks(blocks);
}

/**
 * A table row as a line: `cell | cell`; but a transcript laid out as a table of two columns,
 * speaker and words (`Intervjuer | Har dere tid?`), as a speaker line, `Intervjuer: Har dere
 * tid?`, so that the interviewer's questions are not coded as the informant's words. The first
 * cell is a speaker if it is a known label, or a short one typed with its colon (`Kari:`).
 */
function rowText(cells: string[]): string {
  const [first, words] = cells;
  if (cells.length === 2 && first && words) {
    const label = first.trim().replace(/:$/, '').trim();
    const known = speakerPattern(DEFAULT_SPEAKERS).exec(`${label}: `)?.[0].trim() === `${label}:`;
    if (known || (first.trim().endsWith(':') && label !== '' && label.split(/\s+/).length <= 4)) return `${label}: ${words}`;
  }
  return cells.join(' | ');
}

/** Blank lines between blocks, except between list items (one list reads as one list). */
function joinBlocks(blocks: string[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += /^\s*- /.test(b) && /^\s*- /.test(blocks[i - 1]!) ? '\n' : '\n\n';
    out += b;
  });
  return frontMatterFromWord(out) + '\n';
}

/**
 * `---` / `key: value` / `---` typed as Word paragraphs becomes real front matter. Word's
 * AutoCorrect capitalises the first letter of a paragraph: `Id:`, `Role:` are read as `id:`,
 * `role:` (a key typed in capitals, `ID:`, stays as typed).
 */
function frontMatterFromWord(text: string): string {
  if (!text.startsWith('---\n\n')) return text;
  const end = text.indexOf('\n\n---', 4);
  if (end === -1) return text;
  const inner = text.slice(5, end).split('\n\n');
  if (!inner.every((l) => /^[\p{L}_][\p{L}\p{N}_-]*:/u.test(l))) return text;
  const keys = inner.map((l) => l.replace(/^(\p{Lu})(\p{Ll}[\p{L}\p{N}_-]*:)/u, (_, first: string, rest: string) => first.toLowerCase() + rest));
  return `---\n${keys.join('\n')}\n---${text.slice(end + 5)}`;
}
