import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export type WriteProblem =
  | { kind: 'is-file'; path: string }
  | { kind: 'not-empty'; path: string }
  | { kind: 'no-parent'; path: string };

/**
 * Write a folder of files whole or not at all: everything goes into a hidden sibling folder
 * first, which is renamed into place at the end. An interrupted run leaves the old folder as it was.
 */
export function writeBundle(dir: string, files: ReadonlyMap<string, string | Uint8Array>, force: boolean): WriteProblem | undefined {
  const parent = dirname(dir);
  if (!existsSync(parent)) return { kind: 'no-parent', path: parent };
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) return { kind: 'is-file', path: dir };
    if (readdirSync(dir).length > 0 && !force) return { kind: 'not-empty', path: dir };
  }
  const tmp = join(parent, `.${basename(dir)}.tmp-${randomUUID().slice(0, 8)}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeFileSync(join(tmp, name), content);
    }
    if (existsSync(dir)) {
      const old = join(parent, `.${basename(dir)}.old-${randomUUID().slice(0, 8)}`);
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return undefined;
}

/** Write one file atomically: a temporary file beside it, then rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): WriteProblem | undefined {
  const parent = dirname(path);
  if (!existsSync(parent)) return { kind: 'no-parent', path: parent };
  if (existsSync(path) && statSync(path).isDirectory()) return { kind: 'is-file', path };
  const tmp = join(parent, `.${basename(path)}.tmp-${randomUUID().slice(0, 8)}`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return undefined;
}
