import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * The bytes of a file, or its size when that is over `max` (then it is not read): one open, one
 * fstat, the reads and one close, without a separate stat of the path. A size of 0 is a file
 * whose size the system does not know (a pipe, -c /dev/stdin, a device such as /dev/zero that
 * never ends, a /proc file): it is read until its end or until more than `max` bytes have come,
 * and then the size is Infinity.
 */
export function readUpTo(path: string, max: number): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return size;
    if (size === 0) return readToEnd(fd, max);
    const bytes = Buffer.allocUnsafeSlow(size);
    let at = 0;
    for (let n = 1; at < size && n > 0; at += n) n = readSync(fd, bytes, at, size - at, at);
    return at === size ? bytes : bytes.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

function readToEnd(fd: number, max: number): Buffer | number {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
    if (total > max) return Infinity;
  }
}
