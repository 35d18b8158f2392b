// Word notes: .docx bytes in, note text out (headings as `#` lines, paragraphs, list items as
// `- ` lines, table rows as `a | b` lines), so the ordinary segmenter keeps the heading path.

export type DocxText =
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; reason: 'encrypted' | 'corrupt'; detail: string };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Convert with mammoth (a well-kept .docx reader that maps Word styles to HTML), then flatten its
 * small, regular HTML to note text. A password-protected .docx is an OLE container, not a zip.
 */
export async function docxToText(bytes: Uint8Array): Promise<DocxText> {
  if (OLE.every((b, i) => bytes[i] === b)) {
    return { ok: false, reason: 'encrypted', detail: 'an encrypted (password-protected) Word file or an old .doc file' };
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return { ok: false, reason: 'corrupt', detail: 'not a zip archive' };
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
    );
    return { ok: true, text: htmlToNote(result.value), warnings: result.messages.map((m) => m.message).sort() };
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: String((e as Error)?.message ?? e).split('\n')[0]! };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** mammoth's HTML is flat and well formed: block tags h1-h6, p, li, tr/td, with inline tags inside. */
export function htmlToNote(html: string): string {
  const blocks: string[] = [];
  let current: string | undefined;
  let prefix = '';
  let cells: string[] | undefined;
  let listDepth = 0;
  const flush = () => {
    if (current === undefined) return;
    const text = current.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
    if (cells) cells.push(text);
    else if (text !== '') blocks.push(prefix + text);
    current = undefined;
  };
  const re = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[3] !== undefined) {
      if (current === undefined) { current = ''; if (!cells) prefix = listDepth ? `${'  '.repeat(listDepth - 1)}- ` : ''; }
      current += unescape(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
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
      if (closing && cells) { if (cells.some((c) => c !== '')) blocks.push(cells.join(' | ')); cells = undefined; }
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

/** Blank lines between blocks, except between list items (one list reads as one list). */
function joinBlocks(blocks: string[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += /^\s*- /.test(b) && /^\s*- /.test(blocks[i - 1]!) ? '\n' : '\n\n';
    out += b;
  });
  return frontMatterFromWord(out) + '\n';
}

/** `---` / `key: value` / `---` typed as Word paragraphs becomes real front matter. */
function frontMatterFromWord(text: string): string {
  if (!text.startsWith('---\n\n')) return text;
  const end = text.indexOf('\n\n---', 4);
  if (end === -1) return text;
  const inner = text.slice(5, end).split('\n\n');
  if (!inner.every((l) => /^[A-Za-z_][\w-]*:/.test(l))) return text;
  return `---\n${inner.join('\n')}\n---${text.slice(end + 5)}`;
}
