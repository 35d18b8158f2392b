import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export type WriteProblem =
  | { kind: 'is-file'; path: string }
  | { kind: 'not-empty'; path: string }
  | { kind: 'no-parent'; path: string }
  | { kind: 'cannot-write'; path: string; reason: string };

/** What the file system said, in words a researcher can act on (no stack, no errno number). */
function cannotWrite(path: string, e: unknown): WriteProblem {
  // Only what the file system refused; a programming error stays an error.
  if (!(e instanceof Error) || !('syscall' in e)) throw e;
  const code = (e as NodeJS.ErrnoException).code;
  const reason = {
    EACCES: 'no permission to write there',
    EPERM: 'no permission to write there',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENAMETOOLONG: 'the name is too long',
  }[code ?? ''] ?? `the file system refused (${code ?? e.message})`;
  return { kind: 'cannot-write', path, reason };
}

/**
 * From the first write on, Ctrl-C (SIGINT), SIGTERM and SIGHUP wait for the write in hand to end,
 * whole (it is synchronous, so it ends before a listener can run), and then stop the run by the
 * same signal, as Node's default would have: the listeners take themselves away and raise it
 * again, so a shell sees the run die of it (and a loop in a script stops). Without them Node
 * dies at once, in the middle of a write, and leaves the hidden temporary folder or file behind
 * (for a key, one that re-identifies people). Only SIGKILL still can.
 */
const HELD = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let holding = false;
function holdSignals(): void {
  if (holding) return;
  holding = true;
  const raise = (signal: NodeJS.Signals) => {
    for (const s of HELD) process.removeListener(s, raise);
    process.kill(process.pid, signal);
  };
  for (const signal of HELD) process.on(signal, raise);
}

/**
 * A signal that came during a write is only seen when the event loop next waits for events; a
 * run that ends right after its last write never waits, and exited 0 as if nothing had come (an
 * interrupted `themes anonymize` went on to a script's next step). So before exiting, a run that
 * held signals waits once, a few milliseconds, and a held signal stops it there.
 */
export async function deliverHeldSignals(): Promise<void> {
  if (holding) await new Promise((done) => setTimeout(done, 5));
}

/** The folder to write into must be a folder; a file there is a mistake in the path. */
export function parentProblem(parent: string): WriteProblem | undefined {
  if (!existsSync(parent)) return { kind: 'no-parent', path: parent };
  if (!statSync(parent).isDirectory()) return { kind: 'cannot-write', path: parent, reason: `${parent} is a file, not a folder` };
  return undefined;
}

/**
 * Why a folder of files could not be written to dir, as far as can be told before writing: no
 * parent folder, a file in its place, or (without force) files in it. Undefined: it can.
 */
export function bundleProblem(dir: string, force: boolean): WriteProblem | undefined {
  const noParent = parentProblem(dirname(dir));
  if (noParent) return noParent;
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return { kind: 'is-file', path: dir };
    if (readdirSync(dir).length > 0 && !force) return { kind: 'not-empty', path: dir };
  }
  return undefined;
}

/**
 * Write a folder of files whole or not at all: everything goes into a hidden sibling folder
 * first, which is renamed into place at the end. An interrupted run leaves the old folder as it was.
 */
export function writeBundle(dir: string, files: ReadonlyMap<string, string | Uint8Array>, force: boolean): WriteProblem | undefined {
  const problem = bundleProblem(dir, force);
  if (problem) return problem;
  const parent = dirname(dir);
  const tmp = join(parent, `.${basename(dir)}.tmp-${randomUUID().slice(0, 8)}`);
  holdSignals();
  try {
    mkdirSync(tmp);
  } catch (e) {
    return cannotWrite(dir, e);
  }
  let old: string | undefined;
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content);
    }
    if (existsSync(dir)) {
      old = join(parent, `.${basename(dir)}.old-${randomUUID().slice(0, 8)}`);
      renameSync(dir, old);
      renameSync(tmp, dir);
    } else {
      renameSync(tmp, dir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // The old folder was moved aside but the new one could not take its place: put it back.
    if (old !== undefined && !existsSync(dir) && existsSync(old)) renameSync(old, dir);
    return cannotWrite(dir, e);
  }
  // The new folder is in place. The old one goes now; if it cannot (its files are read-only),
  // it stays as a hidden sibling, which loses nothing.
  if (old !== undefined) {
    try {
      rmSync(old, { recursive: true, force: true });
    } catch {
      // Left in place on purpose.
    }
  }
  return undefined;
}

/** Write one file atomically: a temporary file beside it, then rename. `mode` 0o600 for a file only its owner may read. */
export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): WriteProblem | undefined {
  const parent = dirname(path);
  const noParent = parentProblem(parent);
  if (noParent) return noParent;
  if (existsSync(path) && statSync(path).isDirectory()) return { kind: 'is-file', path };
  const tmp = join(parent, `.${basename(path)}.tmp-${randomUUID().slice(0, 8)}`);
  holdSignals();
  try {
    writeFileSync(tmp, content, mode === undefined ? {} : { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    return cannotWrite(path, e);
  }
  return undefined;
}
