/**
 * Progress of long reads on standard error (issue #13): a bar per input file with the bytes read
 * of the file's size, rows per second and the time left, drawn by cli-progress (the most used
 * terminal progress bar for Node). Only on a terminal, never under CI or with --quiet, and only
 * for a file still being read after a second (a short run prints nothing); a finished bar stays
 * on screen, so the summary follows the bars of every file read.
 */
import { createRequire } from 'node:module';
import type cliProgressTypes from 'cli-progress';
import { t } from '../i18n/index.js';
import type { OnBytes } from '../io/csv-in.js';

/** A bar appears for a file still being read after this long. */
const SHOW_AFTER_MS = 1000;

/** Whether progress may be drawn: standard error a terminal, not CI, not --quiet. */
export function progressWanted(g: { quiet: boolean }, stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return !g.quiet && stream.isTTY === true && (env.CI === undefined || env.CI === '' || env.CI === 'false') && env.TERM !== 'dumb';
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/**
 * The `progress` of the load options: for each file read, a callback taking (bytes done, file
 * size in bytes, rows read so far); undefined when progress is not wanted.
 */
export function progressFor(g: { quiet: boolean }): ((file: string) => OnBytes) | undefined {
  if (!progressWanted(g)) return undefined;
  let multi: cliProgressTypes.MultiBar | undefined;
  let active = 0;
  return (file) => {
    const started = Date.now();
    let bar: cliProgressTypes.SingleBar | undefined;
    let finished = false;
    return (done, total, rows = 0) => {
      if (finished) return;
      const elapsed = (Date.now() - started) / 1000;
      const payload = { file, done: mb(done), size: mb(total), rate: elapsed > 0 ? Math.round(rows / elapsed).toLocaleString('en-US') : '0' };
      if (!bar) {
        if (done >= total || Date.now() - started < SHOW_AFTER_MS) return;
        // Loaded when a bar is first drawn: a run that shows none never loads it.
        const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressTypes;
        multi ??= new cliProgress.MultiBar(
          {
            stream: process.stderr,
            format: t('cli.progressFormat'),
            hideCursor: true,
            clearOnComplete: false,
            stopOnComplete: false,
            etaBuffer: 50,
            fps: 5,
          },
          cliProgress.Presets.shades_classic,
        );
        bar = multi.create(total, done, payload);
        active++;
        return;
      }
      bar.update(Math.min(done, total), payload);
      if (done >= total) {
        finished = true;
        if (--active === 0) {
          multi!.stop();
          multi = undefined;
        }
      }
    };
  };
}
