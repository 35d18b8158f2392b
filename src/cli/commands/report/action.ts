import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { buildTableSet } from '../../../analysis/tables.js';
import { reportHtml, type ChartLibrary } from '../../../render/html.js';
import { toolInfo } from '../../../version.js';
import type { Context } from '../../context.js';
import { EXIT } from '../../errors.js';
import { checkOutOutsideNotes, checkOutWritable, writeOneFile } from '../../output.js';
import { prepare } from '../code/action.js';
import type { ReportOptions } from './index.js';

/** `themes report`: code the notes and write one HTML page with everything inlined. */
export async function reportAction(paths: string[], options: ReportOptions, ctx: Context): Promise<number> {
  if (options.out) {
    checkOutOutsideNotes(options.out, paths, ctx.io.cwd, 'file');
    checkOutWritable(options.out, ctx.io.cwd, 'file', options.force === true);
  }
  const prepared = prepare(paths, options, ctx);
  const { report } = prepared;
  const html = reportHtml({
    set: buildTableSet(report, []),
    tool: toolInfo(),
    // A page is shared: an absolute path (a home folder, a user name) shows as its file name; the
    // sha256 beside it still says which file it was.
    // The codebooks that coded the notes: not the English one of the defaults when no note is English.
    codebooks: (report.codebooksUsed?.map((u) => u.codebook) ?? prepared.codebooks).map((c) => ({ id: c.id, path: isAbsolute(c.source.path) ? basename(c.source.path) : c.source.path, sha256: c.source.sha256 })),
  }, chartLibrary());
  if (options.out) {
    writeOneFile(ctx.io.cwd, options.out, html, options.force === true);
    ctx.info(`wrote ${options.out}`);
  } else {
    ctx.io.stdout.write(html);
  }
  return prepared.failed.length > 0 ? EXIT.partial : EXIT.ok;
}

/**
 * Apache ECharts' prebuilt UMD bundle, read from node_modules at run time and inlined, so the
 * page needs no network and the library is the one npm installed (and audited).
 */
export function chartLibrary(): ChartLibrary {
  // The package's exports map names only dist/echarts.js; the minified build sits beside it.
  const dist = dirname(createRequire(import.meta.url).resolve('echarts'));
  const pkg = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string; license: string };
  return { name: 'Apache ECharts', version: pkg.version, license: pkg.license, source: readFileSync(join(dist, 'echarts.min.js'), 'utf8') };
}
