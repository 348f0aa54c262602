/**
 * Sums per enterprise and year, kept in columns (issue #13): a county's ten years of payroll and
 * training are a million enterprise-years, and a Map of Maps of small objects took ~100 bytes for
 * each of them (twice: payroll and training); here one takes a year, a link and one 8-byte cell
 * per field. It reads as a Map of Maps (`ByEnterpriseYear`): `get(id)` makes the enterprise's
 * Map of year → record when asked (for the calculator, one enterprise at a time), so the records
 * are never all held as objects.
 */
import type { ByEnterpriseYear } from './records.js';

/** A record of numbers, as the columns hold it. */
type Numeric = Record<string, number | undefined>;

/** A column: amounts in fen as Float64 (exact to 2^53), counts and line numbers as Int32. */
export type Column = Float64Array | Int32Array;

/** The value of an absent optional field: NaN in an amount column, -1 in a count column (counts and lines are never negative). */
export const absent = (v: number): boolean => v !== v || v < 0;

/** What a YearSums is made of, for a worker thread to send one (structured clone keeps no class). */
export interface YearSumsData {
  fields: readonly string[];
  ids: string[];
  head: Int32Array;
  year: Int32Array;
  next: Int32Array;
  cols: Column[];
  n: number;
}

/**
 * enterprise_id → year → record, in the order enterprises and years were first added (the order a
 * Map of Maps has). Amounts are integer fen in Float64 cells: exact to 2^53, which addFen's checks
 * keep every sum below.
 */
export class YearSums<T extends object> implements ByEnterpriseYear<T> {
  private readonly index = new Map<string, number>();
  private ids: (string | undefined)[] = [];
  /** per enterprise: its first slot, and its last (years are linked in the order added) */
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  /** per slot: its year, the enterprise's next slot (-1: none), and one column per field */
  private year = new Int32Array(1024);
  private next = new Int32Array(1024);
  private cols: Column[];
  private n = 0;
  private live = 0;
  /** how many times the columns were grown (a column fetched before a grow is stale) */
  generation = 0;
  private lastEnterprise = -1;
  private lastSlot = -1;

  /**
   * `fields`: the record's fields in order; `counts`: those that are whole numbers below 2^31
   * (rows, line numbers: Int32 columns, half the memory); `optional`: those absent until set
   * (yearLine …; see `absent`).
   */
  constructor(
    private readonly fields: readonly (keyof T & string)[],
    counts: ReadonlySet<string> = new Set(),
    private readonly optional: ReadonlySet<string> = new Set(),
  ) {
    this.cols = fields.map((f) => (counts.has(f) ? new Int32Array(1024) : new Float64Array(1024)));
    this.initial = fields.map((f) => (optional.has(f) ? (counts.has(f) ? -1 : NaN) : 0));
  }

  /** Each field's value in a new slot: 0, or absent (-1 in a count column, NaN in an amount column) for an optional one. */
  private readonly initial: readonly number[];

  /** The column of a field, to read and write cells by slot (fetch it again when `generation` changed: `slot` may grow it). */
  column(field: keyof T & string): Column {
    return this.cols[this.fields.indexOf(field)]!;
  }

  /** The slot of (id, year), made with every field 0 (absent for optional ones) when new. */
  slot(id: string, year: number): number {
    return this.slotAt(this.lastEnterprise >= 0 && this.ids[this.lastEnterprise] === id ? this.lastEnterprise : this.enterprise(id), year);
  }

  /** The number of an enterprise (made when new): for `slotAt`, which then needs no string. */
  enterprise(id: string): number {
    let e = this.index.get(id);
    if (e === undefined) {
      e = this.ids.length;
      this.index.set(id, e);
      this.ids.push(id);
      this.live++;
      if (e >= this.head.length) {
        this.head = grow(this.head);
        this.tail = grow(this.tail);
      }
      this.head[e] = -1;
      this.tail[e] = -1;
    }
    return e;
  }

  /** The slot of (enterprise number, year), made when new (see `slot`). */
  slotAt(e: number, year: number): number {
    if (e === this.lastEnterprise && this.lastSlot >= 0 && this.year[this.lastSlot] === year) return this.lastSlot;
    this.lastEnterprise = e;
    for (let s = this.head[e]!; s >= 0; s = this.next[s]!) {
      if (this.year[s] === year) return (this.lastSlot = s);
    }
    const s = this.n++;
    if (s >= this.year.length) {
      this.year = grow(this.year);
      this.next = grow(this.next);
      this.cols = this.cols.map(grow);
      this.generation++;
    }
    this.year[s] = year;
    this.next[s] = -1;
    for (let i = 0; i < this.cols.length; i++) this.cols[i]![s] = this.initial[i]!;
    if (this.tail[e]! >= 0) this.next[this.tail[e]!] = s;
    else this.head[e] = s;
    this.tail[e] = s;
    return (this.lastSlot = s);
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  /** The enterprise's years as a new Map of new records (undefined when it has none). */
  get(id: string): Map<number, T> | undefined {
    const e = this.index.get(id);
    return e === undefined ? undefined : this.years(e);
  }

  delete(id: string): boolean {
    const e = this.index.get(id);
    if (e === undefined) return false;
    this.index.delete(id);
    this.ids[e] = undefined;
    this.live--;
    if (this.lastEnterprise === e) this.lastEnterprise = -1;
    return true;
  }

  *keys(): IterableIterator<string> {
    for (const id of this.ids) if (id !== undefined) yield id;
  }

  *values(): IterableIterator<Map<number, T>> {
    for (let e = 0; e < this.ids.length; e++) if (this.ids[e] !== undefined) yield this.years(e);
  }

  *entries(): IterableIterator<[string, Map<number, T>]> {
    for (let e = 0; e < this.ids.length; e++) {
      const id = this.ids[e];
      if (id !== undefined) yield [id, this.years(e)];
    }
  }

  [Symbol.iterator](): IterableIterator<[string, Map<number, T>]> {
    return this.entries();
  }

  /** The years of enterprise e, in the order added, each a record of its fields (an absent optional field left out). */
  private years(e: number): Map<number, T> {
    const out = new Map<number, T>();
    for (let s = this.head[e]!; s >= 0; s = this.next[s]!) {
      const r: Numeric = {};
      for (let i = 0; i < this.fields.length; i++) {
        const v = this.cols[i]![s]!;
        if (!(this.optional.has(this.fields[i]!) && absent(v))) r[this.fields[i]!] = v;
      }
      out.set(this.year[s]!, r as T);
    }
    return out;
  }

  /** The parts, for a worker thread to post (see `forEachOf`). */
  toData(): YearSumsData {
    return { fields: this.fields, ids: this.ids.map((id) => id ?? ''), head: this.head, year: this.year, next: this.next, cols: this.cols, n: this.n };
  }

  /**
   * Calls `fn(id, year, cells)` for every enterprise-year of posted parts, enterprises and years
   * in the order added; `cells[i]` is the value of field i (see `absent`).
   */
  static forEachOf(d: YearSumsData, fn: (id: string, year: number, cells: readonly number[]) => void): void {
    const cells = new Array<number>(d.fields.length);
    d.ids.forEach((id, e) => {
      for (let s = d.head[e]!; s >= 0; s = d.next[s]!) {
        d.cols.forEach((c, i) => (cells[i] = c[s]!));
        fn(id, d.year[s]!, cells);
      }
    });
  }
}

function grow<A extends Column>(a: A): A {
  const b = new (a.constructor as { new (n: number): A })(a.length * 2);
  b.set(a);
  return b;
}
