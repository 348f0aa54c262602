/**
 * Rendering an explain trace (`--explain ID`): as text, a heading then each section's steps
 * aligned in columns by display width (`label  figure  = formula  [source]`); as JSON (`--format json`), the
 * trace data itself, with every parameter read.
 */
import { escapeControl } from '../domain/errors.js';
import type { Trace } from '../domain/trace.js';
import { padEndWidth, padStartWidth, terminalWidth } from './text.js';

/**
 * The text account, one line per step, labels padded to the widest. Input text in it (a claim id,
 * an occupation …) has its control characters escaped, so no line break or terminal escape
 * sequence from a file reaches the terminal.
 */
export function renderTrace(trace: Trace): string {
  const e = escapeControl;
  const lines = trace.heading.map(e);
  const width = Math.max(...trace.sections.flatMap((t) => t.steps.map((s) => terminalWidth(e(s.label)))), 10);
  for (const t of trace.sections) {
    lines.push('', e(t.title));
    for (const s of t.steps) {
      let line = `  ${padEndWidth(e(s.label), width)}  ${padStartWidth(e(s.value), 14)}`;
      if (s.how) line += `  = ${e(s.how)}`;
      if (s.source) line += `  [${e(s.source)}]`;
      lines.push(line);
    }
  }
  return lines.join('\n') + '\n';
}

/** The same trace as JSON: subject, heading, sections of steps (with the parameters each applies), every parameter read. */
export function renderTraceJson(trace: Trace): string {
  return JSON.stringify(trace, null, 2) + '\n';
}
