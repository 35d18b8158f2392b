// Character ranges of one text, taken so far: does a new one overlap any of them?

/**
 * Character ranges of a text, to ask whether a new range overlaps one of them. A list while
 * there are few (most notes have a handful of identifiers); past that, a mark per character,
 * so that a note with tens of thousands of phone numbers takes time in proportion, not squared.
 */
export class Ranges {
  private readonly list: Array<[number, number]> = [];
  private marks?: Uint8Array;

  constructor(private readonly length: number) {}

  overlaps(start: number, end: number): boolean {
    if (!this.marks) return this.list.some(([s, e]) => s < end && start < e);
    for (let i = start; i < end; i++) if (this.marks[i] === 1) return true;
    return false;
  }

  add(start: number, end: number): void {
    if (this.marks) {
      this.marks.fill(1, start, end);
      return;
    }
    this.list.push([start, end]);
    if (this.list.length > 32) {
      this.marks = new Uint8Array(this.length);
      for (const [s, e] of this.list) this.marks.fill(1, s, e);
    }
  }
}
