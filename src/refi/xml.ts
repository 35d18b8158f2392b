import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Escape text for an XML attribute or element; control characters XML 1.0 forbids are dropped. */
export function esc(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Element text keeps its line breaks as they are. */
export function escText(s: string): string {
  return esc(s).replace(/&#10;/g, '\n').replace(/&#9;/g, '\t');
}

/** A parsed element: attributes, child elements by local name (always arrays), text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export type XmlResult = { ok: true; root: XmlNode } | { ok: false; line: number; column: number; message: string };

type Raw = Record<string, unknown>;

/** Elements nested deeper than this are refused (fast-xml-parser's default is 100). */
const MAX_NESTING = 1000;

/**
 * Parse with fast-xml-parser (well kept, no native code, reports line and column of syntax
 * errors) into a small tree of local names: namespace prefixes and URI variants do not matter on import.
 */
export function parseXml(text: string): XmlResult {
  const src = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(src);
  if (valid !== true) return { ok: false, line: valid.err.line, column: valid.err.col, message: valid.err.msg };
  const amp = bareAmpersand(src);
  if (amp !== undefined) return { ok: false, ...amp, message: "'&' that does not start an entity (write &amp;)" };
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '', attributesGroupName: ':@', preserveOrder: true,
    removeNSPrefix: false, parseAttributeValue: false, parseTagValue: false, trimValues: false,
    processEntities: false, ignoreDeclaration: true, ignorePiTags: true, cdataPropName: '#cdata',
    // A codebook of themes nested a hundred deep (which themes itself exports) is still read.
    maxNestedTags: MAX_NESTING,
  });
  const local = (name: string) => name.replace(/^[^:]*:/, '');
  let tree: Raw[];
  try {
    tree = parser.parse(src) as Raw[];
  } catch (e) {
    // What the validator lets through and the parser still refuses: an unclosed processing
    // instruction, entity declarations in a DOCTYPE, nesting deeper than MAX_NESTING.
    return { ok: false, line: 1, column: 1, message: (e as Error).message.replace(/\.$/, '') };
  }
  const convert = (item: Raw): XmlNode | undefined => {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (!name || name === '#text' || name === '#comment') return undefined;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[':@'] as Raw | undefined) ?? {})) {
      attrs[k.startsWith('xmlns') ? k : local(k)] = unescapeXml(String(v));
    }
    const kids = (item[name] as Raw[] | undefined) ?? [];
    const children: XmlNode[] = [];
    let text = '';
    for (const kid of kids) {
      if ('#text' in kid) text += unescapeXml(String(kid['#text']));
      else if ('#cdata' in kid) text += (kid['#cdata'] as Raw[]).map((c) => String(c['#text'] ?? '')).join('');
      else {
        const node = convert(kid);
        if (node) children.push(node);
      }
    }
    return { name: local(name), attrs, children, text };
  };
  const root = tree.map(convert).find((n) => n !== undefined);
  if (!root) return { ok: false, line: 1, column: 1, message: 'no root element' };
  return { ok: true, root };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[e] ?? all;
  });
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/**
 * The place of the first '&' that starts no entity or character reference, outside comments and
 * CDATA: XML forbids it, other tools refuse the file, and fast-xml-parser's validator lets it by.
 */
function bareAmpersand(src: string): { line: number; column: number } | undefined {
  const skipped = src.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const bad = /&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/.exec(skipped);
  if (!bad) return undefined;
  const before = src.slice(0, bad.index);
  return { line: before.split('\n').length, column: bad.index - before.lastIndexOf('\n') };
}
