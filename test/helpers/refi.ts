import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cli.js';
import { tempDir } from './temp.js';

/** The shared REFI-QDA schemas and fixtures live beside the repository, as ../shared/refi. */
export const refi = join(root, '..', 'shared', 'refi');
export const hasShared = existsSync(join(refi, 'Codebook.xsd'));

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
export const canValidate = hasShared && hasXmllint();
if (!hasShared) console.warn(`REFI-QDA schema tests skipped: ${refi} is absent`);
else if (!canValidate) console.warn('REFI-QDA schema tests skipped: xmllint not found (Debian package libxml2-utils)');

/** Validate XML text against one of the shared XSDs; returns xmllint's complaint, or '' when valid. */
export function xmllint(xml: string | Uint8Array, schema: 'Codebook.xsd' | 'Project.xsd'): string {
  const dir = tempDir('themes-xsd-');
  const file = join(dir, 'file.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(refi, schema), file], { stdio: 'pipe' });
    return '';
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}
