/**
 * CSV records from text (RFC 4180 as Excel writes it: `,` between cells (or the delimiter given: tab, `;`), `"` around a cell that
 * holds a comma, a quote or a line break, `""` for a quote inside it), with the physical line
 * where each record starts. A line ends at LF, CR LF or CR, also inside a quoted cell.
 *
 * The text comes in batches of whole lines (see encoding.ts); a record continues into the next
 * batch only inside a quoted cell. A line without a quote is split at once (the common case: a
 * payroll row); a line with one is read cell by cell.
 *
 * Nothing here throws on bad input: a malformed record is handed over with its `issue` (the
 * first problem found in it, at its cell), and reading goes on with the next record, so every
 * problem of a file is listed. An unclosed quote takes the rest of the file into its cell: it is
 * reported at the line where its record starts.
 */
import type { Text } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import type { TextMark } from './encoding.js';

export interface RecordIssue {
  /** 1-based column of the cell at fault */
  column: number;
  message: Text;
  value: string;
}

/**
 * Receives each record: its cells, the physical line where it starts, the first problem found in
 * it, and whether it may hold a NUL character. Returns false to stop reading.
 */
export type RecordSink = (cells: string[], line: number, issue: RecordIssue | undefined, maybeNul: boolean) => boolean;

const LF = 10;
const CR = 13;
const QUOTE = 34;

export const STRAY_QUOTE: Text = () => t('io.strayQuote');
export const AFTER_QUOTE: Text = () => t('io.afterQuote');
export const UNCLOSED_QUOTE: Text = () => t('io.unclosedQuote');

export class CsvTokenizer {
  /** The physical line at the reading position (1-based). */
  line = 1;
  stopped = false;

  private recLine = 1;
  private cells: string[] = [];
  /** Inside a quoted cell: its text so far. */
  private parts: string[] | undefined;
  private quoteColumn = 0;
  private issue: RecordIssue | undefined;
  private nul = false;
  /** Where the record being read starts in the batch (0 when it began in an earlier one). */
  private recordStart = 0;
  /** After a quoted cell and its comma: where the next cell starts. */
  private lastFieldEnd = 0;

  // The batch being read, and the next position of LF, CR, quote and NUL at or after the reading position.
  private s = '';
  private n = 0;
  private lf = -1;
  private cr = -1;
  private qt = -1;
  private nulAt = -1;
  private marks: readonly TextMark[] = [];
  private mi = 0;

  private readonly delim: string;
  private readonly delimCode: number;

  /** `delimiter`: the character between cells (`,` by default; tab and `;` for other exports). */
  constructor(
    private readonly sink: RecordSink,
    delimiter = ',',
  ) {
    this.delim = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
  }

  private nextLF(from: number): number {
    if (this.lf < from) {
      const k = this.s.indexOf('\n', from);
      this.lf = k < 0 ? this.n : k;
    }
    return this.lf;
  }

  private nextCR(from: number): number {
    if (this.cr < from) {
      const k = this.s.indexOf('\r', from);
      this.cr = k < 0 ? this.n : k;
    }
    return this.cr;
  }

  private nextQuote(from: number): number {
    if (this.qt < from) {
      const k = this.s.indexOf('"', from);
      this.qt = k < 0 ? this.n : k;
    }
    return this.qt;
  }

  private nextNul(from: number): number {
    if (this.nulAt < from) {
      const k = this.s.indexOf('\0', from);
      this.nulAt = k < 0 ? this.n : k;
    }
    return this.nulAt;
  }

  private markPos(): number {
    return this.mi < this.marks.length ? this.marks[this.mi]!.pos : Infinity;
  }

  /** Marks (encoding problems) before `end` belong to the cell being read. */
  private takeMarks(end: number): void {
    while (this.mi < this.marks.length && this.marks[this.mi]!.pos < end) {
      const m = this.marks[this.mi++]!;
      this.issue ??= { column: this.cells.length + 1, message: m.message, value: m.value };
    }
  }

  /** Line breaks in s[a, b), counted into `line`. */
  private countBreaks(a: number, b: number): void {
    if (this.nextLF(a) >= b && this.nextCR(a) >= b) return;
    const s = this.s;
    for (let p = a; p < b; p++) {
      const c = s.charCodeAt(p);
      if (c === LF) this.line++;
      else if (c === CR) {
        this.line++;
        if (s.charCodeAt(p + 1) === LF) p++;
      }
    }
  }

  /** Reads one batch of whole lines (the last batch may end without a line end). */
  push(s: string, marks: readonly TextMark[] = []): void {
    this.s = s;
    this.n = s.length;
    this.lf = this.cr = this.qt = this.nulAt = -1;
    this.marks = marks;
    this.mi = 0;
    const n = s.length;
    let i = 0;
    if (this.parts !== undefined) {
      this.recordStart = 0;
      i = this.continueQuoted(0);
      if (i < 0) return;
      i = this.afterQuoted(i);
      if (i < 0) i = this.fields(this.lastFieldEnd);
    }
    while (i < n && !this.stopped) {
      this.recLine = this.line;
      const lf = this.nextLF(i);
      const cr = this.nextCR(i);
      const e = lf < cr ? lf : cr;
      if (this.nextQuote(i) >= e && this.markPos() >= e) {
        // A line without a quote: its cells at once.
        const cells = s.slice(i, e).split(this.delim);
        const nul = this.nextNul(i) < e;
        if (e < n) {
          i = e + (s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? 2 : 1);
          this.line++;
        } else i = n;
        if (!this.sink(cells, this.recLine, undefined, nul)) this.stopped = true;
        continue;
      }
      this.recordStart = i;
      i = this.fields(i);
    }
  }

  /**
   * Reads the cells of the record from `i` (a cell start) to its end, which it hands over; or to
   * the end of the batch inside a quoted cell. Returns the position after the record.
   */
  private fields(i: number): number {
    const s = this.s;
    const n = this.n;
    for (;;) {
      if (s.charCodeAt(i) === QUOTE) {
        this.parts = [];
        this.quoteColumn = this.cells.length + 1;
        const j = this.continueQuoted(i + 1);
        if (j < 0) return n;
        const k = this.afterQuoted(j);
        if (k >= 0) return k;
        i = this.lastFieldEnd;
        continue;
      }
      // An unquoted cell: to the next comma or line end.
      const lf = this.nextLF(i);
      const cr = this.nextCR(i);
      const e = lf < cr ? lf : cr;
      let c = s.indexOf(this.delim, i);
      if (c < 0 || c > e) c = e;
      if (this.nextQuote(i) < c) this.issue ??= { column: this.cells.length + 1, message: STRAY_QUOTE, value: s.slice(i, c) };
      this.takeMarks(c);
      this.cells.push(s.slice(i, c));
      if (c < n && s.charCodeAt(c) === this.delimCode) {
        i = c + 1;
        continue;
      }
      return this.endRecord(c);
    }
  }

  /**
   * After the closing quote at `j - 1`: a comma (returns -1 and sets lastFieldEnd to the next
   * cell's start), a line end or the end of the text (hands the record over, returns the position
   * after it), or stray text, which joins the cell and is an issue.
   */
  private afterQuoted(j: number): number {
    const s = this.s;
    const n = this.n;
    if (j >= n) return this.endRecord(n);
    const c0 = s.charCodeAt(j);
    if (c0 === this.delimCode) {
      this.lastFieldEnd = j + 1;
      return -1;
    }
    if (c0 === LF || c0 === CR) return this.endRecord(j);
    // `"1"x`: the rest of the cell up to a comma or the line end joins it.
    const lf = this.nextLF(j);
    const cr = this.nextCR(j);
    const e = lf < cr ? lf : cr;
    let c = s.indexOf(this.delim, j);
    if (c < 0 || c > e) c = e;
    const last = this.cells[this.cells.length - 1]!;
    this.issue ??= { column: this.cells.length, message: AFTER_QUOTE, value: `"${last.replace(/"/g, '""')}"${s.slice(j, c)}` };
    this.takeMarks(c);
    this.cells[this.cells.length - 1] += s.slice(j, c);
    if (c < n && s.charCodeAt(c) === this.delimCode) {
      this.lastFieldEnd = c + 1;
      return -1;
    }
    return this.endRecord(c);
  }

  /**
   * Inside a quoted cell from `k`: to its closing quote (the cell is then complete; returns the
   * position after the quote), or to the end of the batch (returns -1: the cell goes on).
   */
  private continueQuoted(k: number): number {
    const s = this.s;
    const n = this.n;
    const parts = this.parts!;
    for (;;) {
      const j = this.nextQuote(k);
      this.takeMarks(j);
      if (j >= n) {
        parts.push(s.slice(k));
        this.countBreaks(k, n);
        if (this.nextNul(this.recordStart) < n) this.nul = true;
        return -1;
      }
      if (s.charCodeAt(j + 1) === QUOTE) {
        parts.push(s.slice(k, j + 1));
        this.countBreaks(k, j);
        k = j + 2;
        continue;
      }
      parts.push(s.slice(k, j));
      this.countBreaks(k, j);
      this.cells.push(parts.length === 1 ? parts[0]! : parts.join(''));
      this.parts = undefined;
      return j + 1;
    }
  }

  /** Hands over the record that ends at `e` (a line end, or the end of the text); returns the position after it. */
  private endRecord(e: number): number {
    const s = this.s;
    let next = e;
    if (e < this.n) {
      next = e + (s.charCodeAt(e) === CR && s.charCodeAt(e + 1) === LF ? 2 : 1);
      this.line++;
    }
    const start = this.recordStart <= e ? this.recordStart : 0;
    const nul = this.nul || this.nextNul(start) < e;
    const cells = this.cells;
    const issue = this.issue;
    this.cells = [];
    this.issue = undefined;
    this.nul = false;
    this.recordStart = next;
    if (!this.sink(cells, this.recLine, issue, nul)) this.stopped = true;
    return next;
  }

  /** The end of the text: a quoted cell still open is an unclosed quote, reported where its record starts. */
  end(): void {
    if (this.stopped || this.parts === undefined) return;
    const cell = this.parts.join('');
    this.parts = undefined;
    this.cells.push(cell);
    const value = cell.length > 40 ? `"${cell.slice(0, 40)}…` : `"${cell}`;
    const issue = { column: this.quoteColumn, message: UNCLOSED_QUOTE, value };
    const cells = this.cells;
    this.cells = [];
    this.issue = undefined;
    if (!this.sink(cells, this.recLine, issue, this.nul)) this.stopped = true;
  }
}
