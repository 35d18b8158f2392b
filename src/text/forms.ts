// Word forms interned to small integers, looked up straight from a range of a text. A corpus of
// millions of words has only some hundred thousand distinct forms; hashing the characters in
// place (lower-cased one by one) finds a form's id without making a string for every token.

/** Lower case of a UTF-16 unit plus one; -1 when it cannot be lower-cased one unit at a time; 0 = not yet known. */
const lowerTable = new Int32Array(65536);

/** Lower case of a UTF-16 unit, or -1 when it cannot be lower-cased on its own (ASCII without a table look-up). */
export function lowerOf(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let l = lowerTable[c]!;
  if (l === 0) {
    const s = String.fromCharCode(c).toLowerCase();
    // Σ lower-cases by context (final ς), İ to two units; surrogates only as pairs: all go the slow way.
    l = s.length !== 1 || c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff) ? -1 : s.charCodeAt(0) + 1;
    lowerTable[c] = l;
  }
  return l < 0 ? -1 : l - 1;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Compact on purpose: a large corpus has close to a million distinct forms, and each lookup of
 * a rare one misses the CPU caches. Slots hold hash and id (8 bytes); each id has its offset and
 * length in one array, and its characters in a byte pool (Latin-1; wider forms compare as strings).
 */
export class FormTable {
  /** Lower-cased form by id, in order of first sight. */
  readonly forms: string[] = [];
  /** Two int32 per slot: hash, id + 1 (0 = empty). */
  private slots = new Int32Array(2 * 4096);
  /** Two int32 per id: offset in the pool, and length (negative: not Latin-1, compare as strings). */
  private spans = new Int32Array(2 * 1024);
  private pool = new Uint8Array(1 << 16);
  private poolSize = 0;

  get size(): number {
    return this.forms.length;
  }

  /** Id of `text.slice(start, end).toLowerCase()`, added when new. */
  idOf(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = lowerOf(text.charCodeAt(i));
      if (c < 0) return this.add(text.slice(start, end).toLowerCase());
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const slot = this.foldedSlot(text, start, end, h);
    const id = this.slots[(slot << 1) + 1]! - 1;
    return id >= 0 ? id : this.insert(slot, text.slice(start, end).toLowerCase(), h);
  }

  /** Id of `text.slice(start, end).toLowerCase()`, or -1 when it is not in the table (nothing is added). */
  findAnyCase(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      const c = lowerOf(text.charCodeAt(i));
      if (c < 0) {
        const form = text.slice(start, end).toLowerCase();
        return this.find(form, 0, form.length);
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    return this.slots[(this.foldedSlot(text, start, end, h) << 1) + 1]! - 1;
  }

  /** Id of `text.slice(start, end)`, which is already lower-cased, or -1 when it is not in the table. */
  find(text: string, start: number, end: number): number {
    const slot = this.slotOf(text, start, end, hashOf(text, start, end));
    return this.slots[(slot << 1) + 1]! - 1;
  }

  /** Id of a form that is already lower-cased, added when new. */
  add(form: string): number {
    const h = hashOf(form, 0, form.length);
    const slot = this.slotOf(form, 0, form.length, h);
    const id = this.slots[(slot << 1) + 1]! - 1;
    return id >= 0 ? id : this.insert(slot, form, h);
  }

  /** The slot that holds the already lower-cased `text.slice(start, end)` (hash `h`), or the empty slot where it would go. */
  private slotOf(text: string, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = h & mask;
    for (;;) {
      const id = slots[(slot << 1) + 1]! - 1;
      if (id < 0) return slot;
      const form = this.forms[id]!;
      if (slots[slot << 1] === h && form.length === end - start && text.startsWith(form, start)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The slot that holds the range lower-cased unit by unit (hash `h`; no slow characters), or the empty slot where it would go. */
  private foldedSlot(text: string, start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = h & mask;
    for (;;) {
      const id = slots[(slot << 1) + 1]! - 1;
      if (id < 0 || (slots[slot << 1] === h && this.sameForm(id, text, start, end))) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Whether form `id` equals the range lower-cased unit by unit (ranges here have no slow characters). */
  private sameForm(id: number, text: string, start: number, end: number): boolean {
    const offset = this.spans[id << 1]!;
    const length = this.spans[(id << 1) + 1]!;
    if (length < 0) {
      const form = this.forms[id]!;
      if (form.length !== end - start) return false;
      for (let k = 0; k < form.length; k++) {
        if (lowerOf(text.charCodeAt(start + k)) !== form.charCodeAt(k)) return false;
      }
      return true;
    }
    if (length !== end - start) return false;
    const pool = this.pool;
    for (let k = 0; k < length; k++) {
      if (lowerOf(text.charCodeAt(start + k)) !== pool[offset + k]) return false;
    }
    return true;
  }

  private insert(slot: number, form: string, h: number): number {
    const id = this.forms.length;
    this.forms.push(form);
    if ((id << 1) + 2 > this.spans.length) {
      const spans = new Int32Array(this.spans.length * 2);
      spans.set(this.spans);
      this.spans = spans;
    }
    let latin1 = true;
    for (let k = 0; k < form.length && latin1; k++) latin1 = form.charCodeAt(k) < 0x100;
    if (latin1) {
      if (this.poolSize + form.length > this.pool.length) {
        const pool = new Uint8Array(Math.max(this.pool.length * 2, this.poolSize + form.length));
        pool.set(this.pool);
        this.pool = pool;
      }
      for (let k = 0; k < form.length; k++) this.pool[this.poolSize + k] = form.charCodeAt(k);
      this.spans[id << 1] = this.poolSize;
      this.spans[(id << 1) + 1] = form.length;
      this.poolSize += form.length;
    } else {
      this.spans[id << 1] = 0;
      this.spans[(id << 1) + 1] = -1;
    }
    this.slots[slot << 1] = h;
    this.slots[(slot << 1) + 1] = id + 1;
    // Linear probing stays short up to three quarters full when slots are this small.
    if (this.forms.length * 4 > (this.slots.length >> 1) * 3) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & mask;
      while (slots[(slot << 1) + 1] !== 0) slot = (slot + 1) & mask;
      slots[slot << 1] = old[at]!;
      slots[(slot << 1) + 1] = old[at + 1]!;
    }
    this.slots = slots;
  }
}

function hashOf(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}
