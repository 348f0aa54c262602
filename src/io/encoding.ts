/**
 * Bytes to text, line by line, for the CSV reader: the encoding of a file (UTF-8, with or
 * without BOM, or GB18030/GBK as Excel on Chinese Windows writes) is chosen by its lines, and
 * every line is checked against it, so a line of the other encoding is an error AT THAT LINE
 * with both readings of its text, never a silent substitution (电工 read as 鐢靛伐).
 *
 * The bytes are cut into batches of whole physical lines (a line ends at LF, CR LF or CR), so
 * no character is ever split between batches. A batch that is all ASCII needs no encoding; a
 * batch that is valid in the chosen encoding is decoded at once; only a batch with a suspect
 * line is decoded line by line. In `auto` mode the choice waits for the first line that is not
 * ASCII and is made by the lines of the next 64 KiB: UTF-8 when most of those lines are valid
 * UTF-8, else GB18030.
 *
 * Lines checked in `auto` mode (with `--encoding` given, only invalid bytes are refused: the
 * option is the way out when a line is taken for the other encoding by mistake):
 *   - in a UTF-8 file, a line that is not valid UTF-8, or that is valid but reads as stray
 *     Latin letters where GB18030 reads common Chinese (a GB18030 line that happens to be valid
 *     UTF-8);
 *   - in a GB18030 file, bytes that are not GB18030, or a line that is valid UTF-8 and reads as
 *     Chinese text more common than its GB18030 reading (a UTF-8 line: 电工 vs 鐢靛伐).
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Text } from '../domain/errors.js';
import { t } from '../i18n/index.js';

export type EncodingOption = 'auto' | 'utf8' | 'gb18030';
type Encoding = 'utf8' | 'gb18030';

/** A problem of the text at `pos` (a position in the batch's text, inside the offending cell). */
export interface TextMark {
  pos: number;
  message: Text;
  /** the offending cell as read in the file's encoding, undecodable bytes as \xNN */
  value: string;
}

/** Text of whole lines, with the marks of the lines refused; or a reason the file cannot be read as CSV at all. */
export type Batch = { text: string; marks: TextMark[] } | { fatal: Text };

const LF = 0x0a;
const CR = 0x0d;
/** A physical line longer than this is not a CSV line (a binary file, or a file without line ends). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** After the first line that is not ASCII, how much text the choice of encoding looks at. */
const SAMPLE_AFTER_FIRST_HIGH = 64 * 1024;
/** U+FFFD as GB18030 encodes it: a replacement character that was in the file. */
const GB_REPLACEMENT = Buffer.from([0x84, 0x31, 0xa4, 0x37]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The GB18030 byte order mark (a file that starts with it is GB18030). */
export const GB_BOM = Buffer.from([0x84, 0x31, 0x95, 0x33]);

/** Calls `fn(start, contentEnd, end)` for each physical line of `buf` (LF, CR LF or CR ends a line). */
export function forEachLine(buf: Buffer, fn: (start: number, contentEnd: number, end: number) => boolean | void): void {
  const n = buf.length;
  let a = 0;
  let lf = -1;
  let cr = -1;
  while (a < n) {
    if (lf < a) {
      lf = buf.indexOf(LF, a);
      if (lf < 0) lf = n;
    }
    if (cr < a) {
      cr = buf.indexOf(CR, a);
      if (cr < 0) cr = n;
    }
    const c = lf < cr ? lf : cr;
    let e = c < n ? c + 1 : n;
    if (c === cr && c < n && buf[c + 1] === LF) e = c + 2;
    if (fn(a, c, e) === false) return;
    a = e;
  }
}

/** What the first bytes say about a file that is no CSV text at all: UTF-16, an Excel workbook on standard input (a workbook file is read as one before this: csv-in.ts). */
export function signatureProblem(head: Buffer): Text | undefined {
  const utf16: Text = () => t('io.utf16');
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return utf16;
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return () => t('io.xlsxOnStdin');
  }
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return () => t('io.xlsOnStdin');
  }
  // UTF-16 without a BOM: ASCII text with a NUL byte after (LE) or before (BE) every character.
  const n = Math.min(head.length, 512) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const half = n / 2;
    if ((oddNul >= 0.4 * half && evenNul <= 0.05 * half) || (evenNul >= 0.4 * half && oddNul <= 0.05 * half)) return utf16;
  }
  return undefined;
}

// ── Readings of a text in both encodings ─────────────────────────────────────

/** The length of the UTF-8 sequence a lead byte starts (0: not a lead byte). */
function utf8SeqLen(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

const hex = (b: number) => `\\x${b.toString(16).padStart(2, '0')}`;

/** The UTF-8 reading of `buf`, each byte that is no part of a valid sequence shown as \xNN. */
export function utf8Reading(buf: Buffer): string {
  if (isUtf8(buf)) return buf.toString('utf8');
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const len = utf8SeqLen(buf[i]!);
    if (len > 0 && i + len <= buf.length && isUtf8(buf.subarray(i, i + len))) {
      out += buf.toString('utf8', i, i + len);
      i += len;
    } else {
      out += hex(buf[i]!);
      i++;
    }
  }
  return out;
}

/** iconv-lite, loaded when a GB18030 text is first decoded (a UTF-8 or ASCII run never pays for it). */
let iconv: { decode(buf: Buffer, encoding: string): string } | undefined;
function gbDecode(buf: Buffer): string {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as { decode(buf: Buffer, encoding: string): string };
  return iconv.decode(buf, 'gb18030');
}

/** Replacement characters that GB18030 decoding made (not the ones the file encodes). */
function gbInvalid(buf: Buffer, text: string): boolean {
  const i = text.indexOf('\ufffd');
  if (i < 0) return false;
  if (buf.indexOf(GB_REPLACEMENT) < 0) return true;
  let inText = 0;
  for (let k = i; k >= 0; k = text.indexOf('\ufffd', k + 1)) inText++;
  let inBytes = 0;
  for (let k = buf.indexOf(GB_REPLACEMENT); k >= 0; k = buf.indexOf(GB_REPLACEMENT, k + 4)) inBytes++;
  return inText > inBytes;
}

/** The GB18030 reading of `buf`, each byte that starts no valid sequence shown as \xNN. */
export function gbReading(buf: Buffer): string {
  const whole = gbDecode(buf);
  if (!gbInvalid(buf, whole)) return whole;
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let done = false;
    for (const len of [1, 2, 4]) {
      if (i + len > buf.length) break;
      const t = gbDecode(buf.subarray(i, i + len));
      if (t.length > 0 && !t.includes('\ufffd')) {
        out += t;
        i += len;
        done = true;
        break;
      }
    }
    if (!done) {
      out += hex(b);
      i++;
    }
  }
  return out;
}

let commonHan: Set<string> | undefined;
/** The 3,755 most common Chinese characters (GB 2312 level 1, rows B0–D7). */
function common(): Set<string> {
  if (!commonHan) {
    const bytes: number[] = [];
    for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) if (!(lead === 0xd7 && trail > 0xf9)) bytes.push(lead, trail);
    commonHan = new Set(gbDecode(Buffer.from(bytes)));
  }
  return commonHan;
}

/** The share of the characters beyond ASCII that are common Chinese characters. */
function commonShare(s: string): number {
  const set = common();
  let n = 0;
  let k = 0;
  for (const c of s) {
    if (c.charCodeAt(0) < 0x80) continue;
    n++;
    if (set.has(c)) k++;
  }
  return n ? k / n : 0;
}

const isHan = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);

/** Text that reads as Chinese: beyond ASCII only Chinese characters, CJK and full-width punctuation, quotes and dashes; at least one character. */
function readsChinese(s: string): boolean {
  let han = false;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80) continue;
    if (isHan(cp)) han = true;
    else if (!((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x2010 && cp <= 0x2027) || cp === 0xb7)) return false;
  }
  return han;
}

/** A line of valid UTF-8 `u` whose GB18030 reading is `g`: is it UTF-8 text (电工 rather than 鐢靛伐)? */
function looksUtf8(u: string, g: string): boolean {
  return readsChinese(u) && commonShare(u) > commonShare(g);
}

const LATIN_RANGE = /[\u0080-\u07ff]/;
const LATIN_RUNS = /[\u0080-\u07ff]+/g;

/** A rough script of a character of U+0080–U+07FF: the two-byte UTF-8 range GB18030 bytes fall into. */
function script(cp: number): string {
  if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7) return 'symbol';
  if (cp < 0x250) return 'latin';
  if (cp < 0x370) return 'modifier';
  if (cp < 0x400) return 'greek';
  if (cp < 0x530) return 'cyrillic';
  if (cp < 0x590) return 'armenian';
  if (cp < 0x600) return 'hebrew';
  return 'other';
}

/**
 * Two or more letters in a row beyond ASCII that no word is written in: scripts mixed (ǿԲ), or
 * with a symbol or modifier among them (Õ¡). What GB18030 text looks like when its bytes happen to
 * be valid UTF-8; an accented letter (café, Müller) or a Greek or Cyrillic word is not.
 */
function garbled(u: string): boolean {
  for (const run of u.match(LATIN_RUNS) ?? []) {
    if (run.length < 2) continue;
    const scripts = new Set<string>();
    for (const c of run) scripts.add(script(c.codePointAt(0)!));
    if (scripts.size > 1 || scripts.has('symbol') || scripts.has('modifier')) return true;
  }
  return false;
}

/**
 * A line of valid UTF-8 `u` (with characters of U+0080–U+07FF) whose GB18030 reading is `g`: is it
 * GB18030 text that happens to be valid UTF-8 (ǿǷ rather than 强欠)? Only when the UTF-8 reading
 * has no Chinese, has garbled letters, and the GB18030 reading is all common Chinese.
 */
function looksGb(u: string, g: string): boolean {
  for (const c of u) if (isHan(c.codePointAt(0)!)) return false;
  return garbled(u) && readsChinese(g) && commonShare(g) === 1;
}

// ── Cells of a raw line, for the messages ────────────────────────────────────

/** [start, end) of each cell of one line's bytes, without the quotes of a quoted cell. */
function cellSpans(line: Buffer): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line[i] === 0x22) {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf(0x22, j);
        if (q < 0) {
          j = n;
          break;
        }
        if (line[q + 1] === 0x22) {
          j = q + 2;
          continue;
        }
        j = q;
        break;
      }
      spans.push([i + 1, j]);
      let c = line.indexOf(0x2c, j);
      if (c < 0) return spans;
      i = c + 1;
    } else {
      const c = line.indexOf(0x2c, i);
      spans.push([i, c < 0 ? n : c]);
      if (c < 0) return spans;
      i = c + 1;
    }
  }
}

// ── Batches ──────────────────────────────────────────────────────────────────

type LineVerdict = 'ok' | 'invalid' | 'other';

/** What is wrong with one line (its content, without the line end) in `enc`, when anything is. */
function lineVerdict(content: Buffer, enc: Encoding, auto: boolean): LineVerdict {
  if (isAscii(content)) return 'ok';
  if (enc === 'utf8') {
    if (!isUtf8(content)) return 'invalid';
    if (!auto) return 'ok';
    const u = content.toString('utf8');
    return LATIN_RANGE.test(u) && looksGb(u, gbDecode(content)) ? 'other' : 'ok';
  }
  const g = gbDecode(content);
  if (gbInvalid(content, g)) return 'invalid';
  return auto && isUtf8(content) && looksUtf8(content.toString('utf8'), g) ? 'other' : 'ok';
}

function cellVerdict(cell: Buffer, enc: Encoding, verdict: LineVerdict): boolean {
  if (isAscii(cell)) return false;
  if (verdict === 'invalid') return enc === 'utf8' ? !isUtf8(cell) : gbInvalid(cell, gbDecode(cell));
  if (enc === 'utf8') return garbled(cell.toString('utf8'));
  return isUtf8(cell);
}

const NAME: Record<Encoding, string> = { utf8: 'UTF-8', gb18030: 'GB18030' };

function lineMessage(enc: Encoding, verdict: LineVerdict, forced: boolean, cell: Buffer): { message: Text; value: string } {
  const u = utf8Reading(cell);
  const g = gbReading(cell);
  const chosen = enc === 'utf8' ? u : g;
  const other: Encoding = enc === 'utf8' ? 'gb18030' : 'utf8';
  const readings = () =>
    t('io.encoding.readings', enc === 'utf8' ? { first: u, firstName: NAME.utf8, second: g, secondName: NAME.gb18030 } : { first: g, firstName: NAME.gb18030, second: u, secondName: NAME.utf8 });
  const names = { name: NAME[enc], otherName: NAME[other] };
  let message: Text;
  if (verdict === 'invalid') {
    message = forced
      ? () => t('io.encoding.invalidForced', { ...names, enc, readings: readings(), other, excel: other === 'gb18030' })
      : () => t('io.encoding.invalid', { name: NAME[enc], readings: readings() });
  } else {
    message = () => t('io.encoding.mixed', { ...names, readings: readings(), other });
  }
  return { message, value: chosen };
}

function decodeText(buf: Buffer, enc: Encoding): string {
  if (isAscii(buf)) return buf.toString('latin1');
  return enc === 'utf8' ? buf.toString('utf8') : gbDecode(buf);
}

/** A batch decoded line by line, with a mark in each line refused. */
function decodeLines(buf: Buffer, enc: Encoding, auto: boolean, forced: boolean): { text: string; marks: TextMark[] } {
  const parts: string[] = [];
  const marks: TextMark[] = [];
  let len = 0;
  forEachLine(buf, (a, c, e) => {
    const content = buf.subarray(a, c);
    const verdict = lineVerdict(content, enc, auto);
    const t = decodeText(content, enc);
    if (verdict !== 'ok') {
      const spans = cellSpans(content);
      const span = spans.find(([s, f]) => cellVerdict(content.subarray(s, f), enc, verdict)) ?? [0, content.length];
      const { message, value } = lineMessage(enc, verdict, forced, content.subarray(span[0], span[1]));
      marks.push({ pos: len + decodeText(content.subarray(0, span[0]), enc).length, message, value });
    }
    parts.push(t);
    len += t.length;
    if (e > c) {
      const brk = buf.toString('latin1', c, e);
      parts.push(brk);
      len += brk.length;
    }
  });
  return { text: parts.join(''), marks };
}

/** One batch of whole lines in `enc`: decoded at once when no line is suspect, else line by line. */
export function decodeBatch(buf: Buffer, enc: Encoding, auto: boolean, forced: boolean): { text: string; marks: TextMark[] } {
  if (isAscii(buf)) return { text: buf.toString('latin1'), marks: [] };
  let suspect = false;
  if (enc === 'utf8') {
    if (!isUtf8(buf)) suspect = true;
    else {
      const text = buf.toString('utf8');
      if (!auto || !LATIN_RANGE.test(text)) return { text, marks: [] };
      suspect = true; // rare: decide line by line
    }
  } else {
    const text = gbDecode(buf);
    if (gbInvalid(buf, text)) suspect = true;
    else if (auto) {
      forEachLine(buf, (a, c) => {
        const line = buf.subarray(a, c);
        if (!isUtf8(line) || isAscii(line)) return true;
        if (looksUtf8(line.toString('utf8'), gbDecode(line))) {
          suspect = true;
          return false;
        }
        return true;
      });
    }
    if (!suspect) return { text, marks: [] };
  }
  const decoded = decodeLines(buf, enc, auto, forced);
  return decoded;
}

/**
 * The encoding of a sample of whole lines, the first of which is not ASCII: UTF-8 when more of
 * its lines beyond ASCII are valid UTF-8 than not (a tie goes to the first such line).
 */
export function chooseEncoding(sample: Buffer): Encoding {
  let utf8 = 0;
  let other = 0;
  let first: Encoding | undefined;
  forEachLine(sample, (a, c) => {
    const line = sample.subarray(a, c);
    if (isAscii(line)) return;
    const valid = isUtf8(line);
    first ??= valid ? 'utf8' : 'gb18030';
    if (valid) utf8++;
    else other++;
  });
  if (utf8 !== other) return utf8 > other ? 'utf8' : 'gb18030';
  return first ?? 'utf8';
}

/** Where the last whole line of `chunk` ends (0: no line end yet). A CR at the very end waits: an LF may follow. */
function lastLineEnd(chunk: Buffer): number {
  const lf = chunk.lastIndexOf(LF);
  const cr = chunk.lastIndexOf(CR);
  if (cr > lf) {
    if (cr < chunk.length - 1) return cr + 1;
    const cr2 = cr > 0 ? chunk.lastIndexOf(CR, cr - 1) : -1;
    return Math.max(lf, cr2) + 1;
  }
  return lf + 1;
}

/**
 * Decodes a byte stream into batches of whole lines. `option` forces an encoding or lets the
 * lines choose (`auto`). Yields `{fatal}` once and stops when the bytes are no CSV text.
 */
export async function* decodeStream(bytes: AsyncIterable<Buffer | string>, option: EncodingOption): AsyncGenerator<Batch> {
  const auto = option === 'auto';
  const forced = !auto;
  let chosen: Encoding | undefined = auto ? undefined : option;
  let head: Buffer | undefined = Buffer.alloc(0); // the first bytes, until the signature is checked
  let carry: Buffer[] = [];
  let carryLen = 0;
  /** Whole-line batches waiting for the choice of encoding (auto), and their size after the first non-ASCII one. */
  let waiting: Buffer[] = [];
  let waitingLen = 0;

  function* emit(batch: Buffer): Generator<Batch> {
    if (!chosen) {
      if (waiting.length === 0 && isAscii(batch)) {
        yield { text: batch.toString('latin1'), marks: [] };
        return;
      }
      waiting.push(batch);
      waitingLen += batch.length;
      if (waitingLen < SAMPLE_AFTER_FIRST_HIGH) return;
      yield* decide();
      return;
    }
    yield decodeBatch(batch, chosen, auto, forced);
  }
  function* decide(): Generator<Batch> {
    const sample = Buffer.concat(waiting);
    chosen = chooseEncoding(sample);
    waiting = [];
    waitingLen = 0;
    yield decodeBatch(sample, chosen, auto, forced);
  }
  function* take(chunk: Buffer): Generator<Batch> {
    const cut = lastLineEnd(chunk);
    if (cut === 0) {
      carry.push(chunk);
      carryLen += chunk.length;
      if (carryLen > MAX_LINE_BYTES) yield { fatal: () => t('io.lineTooLong', { mib: MAX_LINE_BYTES / 1024 / 1024 }) };
      return;
    }
    const whole = carry.length ? Buffer.concat([...carry, chunk.subarray(0, cut)]) : chunk.subarray(0, cut);
    carry = cut < chunk.length ? [chunk.subarray(cut)] : [];
    carryLen = chunk.length - cut;
    yield* emit(whole);
  }
  function* start(first: Buffer): Generator<Batch> {
    const fatal = signatureProblem(first);
    if (fatal) {
      yield { fatal };
      return;
    }
    let body = first;
    if (body.subarray(0, 3).equals(UTF8_BOM) && option !== 'gb18030') {
      body = body.subarray(3);
      chosen ??= 'utf8';
    } else if (body.subarray(0, 4).equals(GB_BOM) && option !== 'utf8') {
      body = body.subarray(4);
      chosen ??= 'gb18030';
    }
    yield* take(body);
  }

  for await (const raw of bytes) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 512) continue;
      const first = head;
      head = undefined;
      for (const b of start(first)) {
        yield b;
        if ('fatal' in b) return;
      }
      continue;
    }
    for (const b of take(chunk)) {
      yield b;
      if ('fatal' in b) return;
    }
  }
  if (head) {
    for (const b of start(head)) {
      yield b;
      if ('fatal' in b) return;
    }
  }
  // The last line, without a line end.
  const rest = carry.length ? Buffer.concat(carry) : undefined;
  if (rest && rest.length) yield* emit(rest);
  if (waiting.length) yield* decide();
}
