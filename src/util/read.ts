import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A file's bytes, read until its end or until more than `max` bytes have come (then undefined).
 * For inputs that need not be regular files (-c /dev/stdin, a pipe): a device such as /dev/zero
 * never ends, and reading it whole filled gigabytes of memory.
 */
export function readCapped(path: string, max: number): Buffer | undefined {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > max) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}
