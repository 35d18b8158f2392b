// Word forms interned to small integers, looked up straight from a range of a text. A corpus of
// millions of words has only some hundred thousand distinct forms; hashing the characters in
// place (lower-cased one by one) finds a form's id without making a string for every token.

/** Lower case of a UTF-16 unit plus one; -1 when it cannot be lower-cased one unit at a time; 0 = not yet known. */
const lowerTable = new Int32Array(65536);

function lowerOf(c: number): number {
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

export class FormTable {
  /** Lower-cased form by id, in order of first sight. */
  readonly forms: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);

  get size(): number {
    return this.forms.length;
  }

  /** Id of `text.slice(start, end).toLowerCase()`, added when new. */
  idOf(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x41 && c <= 0x5a) c += 32;
      } else {
        c = lowerOf(c);
        if (c < 0) return this.add(text.slice(start, end).toLowerCase());
      }
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let id = this.slots[slot]!; id !== -1; id = this.slots[slot]!) {
      if (this.hashes[id] === h && sameForm(this.forms[id]!, text, start, end)) return id;
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, text.slice(start, end).toLowerCase(), h);
  }

  /** Id of `text.slice(start, end)`, which is already lower-cased, or -1 when it is not in the table. */
  find(text: string, start: number, end: number): number {
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let id = this.slots[slot]!; id !== -1; id = this.slots[slot]!) {
      if (this.hashes[id] === h && text.startsWith(this.forms[id]!, start) && this.forms[id]!.length === end - start) return id;
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** Id of a form that is already lower-cased, added when new. */
  add(form: string): number {
    const h = hashOf(form);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let id = this.slots[slot]!; id !== -1; id = this.slots[slot]!) {
      if (this.hashes[id] === h && this.forms[id] === form) return id;
      slot = (slot + 1) & mask;
    }
    return this.insert(slot, form, h);
  }

  private insert(slot: number, form: string, h: number): number {
    const id = this.forms.length;
    this.forms.push(form);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = h;
    this.slots[slot] = id;
    if (this.forms.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.forms.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function hashOf(form: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < form.length; i++) h = Math.imul(h ^ form.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether `form` equals the range lower-cased unit by unit (only called for ranges without slow characters). */
function sameForm(form: string, text: string, start: number, end: number): boolean {
  if (form.length !== end - start) return false;
  for (let k = 0; k < form.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) c += 32;
    } else c = lowerOf(c);
    if (c !== form.charCodeAt(k)) return false;
  }
  return true;
}
