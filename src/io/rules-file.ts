/**
 * `--rules FILE` (CONTRACT §9): a JSON object of whole parameter series by key, read, checked
 * against each key's kind, and applied over the built-in rules. Every problem is a UsageError
 * (exit 2) listing all of them.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { gbReading } from './encoding.js';
import { escapeControl, UsageError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import { t } from '../i18n/index.js';
import { ParamValueProblem, parseParamValue, Rules, type Entry, type Status } from '../rules/index.js';
import { parseDate, ValueProblem } from './values.js';

const STATUSES: Status[] = ['verified', 'practice', 'unverified'];
const ENTRY_FIELDS = ['from', 'to', 'value', 'source', 'status'];

/**
 * Parses the text of a rules file into whole-series overrides by key. `file` names it in
 * messages. Throws UsageError: not JSON, not an object, an unknown key or field, a value that
 * does not fit the key's kind, a bad date or status, two entries from one day, an entry running
 * past the next one's start, or a key with no entries.
 */
export function parseRulesFile(text: string, file: string, base: Rules = new Rules()): Map<string, Entry[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(t('io.rules.notJson', { file, error: (e as Error).message }));
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new UsageError(t('io.rules.notObject', { file }));
  }
  const known = new Set(base.keys());
  const problems: string[] = [];
  const out = new Map<string, Entry[]>();
  for (const [key, series] of Object.entries(json as Record<string, unknown>)) {
    if (!known.has(key)) {
      problems.push(t('io.rules.unknownParam', { file, key }));
      continue;
    }
    const kind = base.def(key).kind;
    if (!Array.isArray(series)) {
      problems.push(t('io.rules.notArray', { file, key }));
      continue;
    }
    if (series.length === 0) {
      problems.push(t('io.rules.noEntries', { file, key }));
      continue;
    }
    const entries: Entry[] = [];
    series.forEach((item: unknown, i) => {
      const where = `${file}: "${key}"[${i}]`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        problems.push(t('io.rules.entryNotObject', { where }));
        return;
      }
      const o = item as Record<string, unknown>;
      for (const f of Object.keys(o)) if (!ENTRY_FIELDS.includes(f)) problems.push(t('io.rules.unknownField', { where, field: f, fields: ENTRY_FIELDS }));
      const str = (f: string): string | undefined =>
        typeof o[f] === 'string' ? (o[f] as string).trim() : typeof o[f] === 'number' ? String(o[f]) : undefined;
      let from: string | undefined;
      let to: string | undefined;
      let value: string | undefined;
      try {
        const f = str('from');
        if (f === undefined) throw new ValueProblem(() => t('io.rules.fromRequired'));
        from = parseDate(f);
      } catch (e) {
        problems.push(`${where}.from: ${(e as Error).message}`);
      }
      if (o.to !== undefined && o.to !== null && o.to !== '') {
        try {
          to = parseDate(str('to') ?? '');
          if (from && to < from) throw new ValueProblem(() => t('io.rules.toBeforeFrom'));
        } catch (e) {
          problems.push(`${where}.to: ${(e as Error).message}`);
        }
      }
      try {
        const v = str('value');
        if (v === undefined) throw new ValueProblem(() => t('io.rules.valueRequired'));
        value = parseParamValue(kind, v, base.def(key).choices).text;
      } catch (e) {
        if (!(e instanceof ValueProblem || e instanceof ParamValueProblem)) throw e;
        problems.push(t('io.rules.badValue', { where, problem: e.message, got: JSON.stringify(o.value) }));
      }
      const status = o.status === undefined ? 'unverified' : o.status;
      if (!STATUSES.includes(status as Status)) problems.push(t('io.rules.badStatus', { where, statuses: STATUSES, got: JSON.stringify(o.status) }));
      if (o.source !== undefined && typeof o.source !== 'string') problems.push(t('io.rules.sourceNotText', { where }));
      // A source is printed in reports and explains: no control characters (a NUL would reach a report).
      else if (typeof o.source === 'string' && /[\u0000-\u001f\u007f-\u009f]/.test(o.source)) problems.push(t('io.rules.sourceControl', { where, source: escapeControl(o.source) }));
      if (from && value !== undefined) {
        entries.push({
          from,
          ...(to ? { to } : {}),
          value,
          source: typeof o.source === 'string' && o.source.trim() ? o.source.trim() : `override (${file})`,
          status: status as Status,
        });
      }
    });
    const sorted = [...entries].sort((a, b) => byText(a.from, b.from));
    sorted.forEach((e, i) => {
      const next = sorted[i + 1];
      if (next && e.from === next.from) problems.push(t('io.rules.sameFrom', { file, key, from: e.from }));
      else if (next && e.to !== undefined && e.to >= next.from) problems.push(t('io.rules.runsPastNext', { file, key, from: e.from, to: e.to, next: next.from }));
    });
    out.set(key, entries);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return out;
}

/** `base` (default the built-in rules), with the series of `file` (a rules JSON file) replacing theirs when given. */
export function loadRules(file?: string, base: Rules = new Rules()): Rules {
  if (!file) return base;
  let text: string;
  try {
    // UTF-8, else GB18030 (the rule of every input, --encoding auto): a rules file saved by Windows Notepad in GBK reads right
    const bytes = readFileSync(file);
    text = isUtf8(bytes) ? bytes.toString('utf8') : gbReading(bytes);
  } catch (e) {
    throw new UsageError(t('io.rules.cannotRead', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  return base.withOverrides(parseRulesFile(text.replace(/^\uFEFF/, ''), file, base), file);
}
