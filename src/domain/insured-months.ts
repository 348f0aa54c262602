/**
 * Unemployment-insurance months per person (insurance.csv, issue #15), aggregated as the rows
 * come: a county's export holds tens of millions of rows (one per person and month paid), so no
 * row is kept. Per person only the distinct months paid are kept, as sorted month numbers
 * (year × 12 + month − 1, 2 bytes each), with the employer of each month (4 bytes: the number of
 * an interned 统一社会信用代码). While reading, every person's months live in blocks of one shared
 * pair of typed arrays (a block doubles when full, freed blocks are reused); `build` packs them
 * into one array per column, the persons' ranges side by side.
 *
 * A month paid twice counts once: by two enterprises (the employer kept is the first of them in
 * byText order, whatever the order of the rows), or the same row twice.
 */
import { byText } from './order.js';
import type { InsuredMonths, InsuredMonthsRule } from './records.js';

/** The month number of a date (`YYYY-MM-DD`) or month (`YYYY-MM`): year × 12 + month − 1. */
export function monthNumber(dateOrMonth: string): number {
  return Number(dateOrMonth.slice(0, 4)) * 12 + Number(dateOrMonth.slice(5, 7)) - 1;
}

/** The first block of a person holds 2^FIRST_CLASS months. */
const FIRST_CLASS = 3;

/** Collects insurance months person by person; `build` gives the InsuredMonths of what was added. */
export class InsuredMonthsBuilder {
  private readonly personIndex = new Map<string, number>();
  private readonly enterpriseIndex = new Map<string, number>();
  private readonly enterprises: string[] = [];
  private count = 0;
  // per person: where its block starts, how many months it holds, its size class (2^class months)
  private start = new Int32Array(1024);
  private size = new Int32Array(1024);
  private sizeClass = new Uint8Array(1024);
  // the blocks, month numbers and employer numbers side by side
  private months = new Uint16Array(1 << 16);
  private employers = new Int32Array(1 << 16);
  private used = 0;
  private readonly free: number[][] = [];
  // the last person added: an export lists a person's months one after another
  private lastPerson: string | undefined;
  private lastIndex = -1;

  /**
   * @param own makes the string kept for a new person or enterprise id (the loader passes one
   * that copies a cell out of the text it was read from); the identity by default.
   * @param accept decides a person id the first time it is seen (the loader: a valid 身份证号);
   * a refused one is not added, and `add` returns false for each of its rows.
   */
  constructor(
    private readonly own: (s: string) => string = (s) => s,
    private readonly accept: (person: string) => boolean = () => true,
  ) {}

  /** One month paid for `person` by `enterprise`; `month` is a month number (monthNumber). False: the person id was refused. */
  add(person: string, month: number, enterprise: string): boolean {
    const p = person === this.lastPerson ? this.lastIndex : this.personNumber(person);
    if (p < 0) return false;
    this.lastPerson = person;
    this.lastIndex = p;
    const e = this.enterpriseNumber(enterprise);
    const base = this.start[p]!;
    const n = this.size[p]!;
    // The usual row: a month after every month of the person so far.
    if (n === 0 || this.months[base + n - 1]! < month) {
      const at = this.room(p);
      this.months[at + n] = month;
      this.employers[at + n] = e;
      this.size[p] = n + 1;
      return true;
    }
    const i = lowerBound(this.months, base, base + n, month);
    if (this.months[i] === month) {
      if (byText(enterprise, this.enterprises[this.employers[i]!]!) < 0) this.employers[i] = e;
      return true;
    }
    const at = this.room(p);
    const k = i - base;
    this.months.copyWithin(at + k + 1, at + k, at + n);
    this.employers.copyWithin(at + k + 1, at + k, at + n);
    this.months[at + k] = month;
    this.employers[at + k] = e;
    this.size[p] = n + 1;
    return true;
  }

  /** The InsuredMonths of everything added (the builder is done: add nothing more). */
  build(): InsuredMonths {
    const offsets = new Int32Array(this.count + 1);
    for (let p = 0; p < this.count; p++) offsets[p + 1] = offsets[p]! + this.size[p]!;
    const total = offsets[this.count]!;
    const months = new Uint16Array(total);
    const employers = new Int32Array(total);
    for (let p = 0; p < this.count; p++) {
      const from = this.start[p]!;
      months.set(this.months.subarray(from, from + this.size[p]!), offsets[p]);
      employers.set(this.employers.subarray(from, from + this.size[p]!), offsets[p]);
    }
    const table = new InsuredMonthsTable(this.personIndex, offsets, months, employers, this.enterprises);
    this.months = new Uint16Array(0);
    this.employers = new Int32Array(0);
    return table;
  }

  private personNumber(person: string): number {
    let p = this.personIndex.get(person);
    if (p !== undefined) return p;
    if (!this.accept(person)) {
      this.personIndex.set(this.own(person), -1);
      return -1;
    }
    p = this.count++;
    this.personIndex.set(this.own(person), p);
    if (p === this.start.length) {
      this.start = grown(this.start, p * 2);
      this.size = grown(this.size, p * 2);
      this.sizeClass = grown(this.sizeClass, p * 2);
    }
    this.start[p] = this.block(FIRST_CLASS);
    this.sizeClass[p] = FIRST_CLASS;
    return p;
  }

  private enterpriseNumber(enterprise: string): number {
    let e = this.enterpriseIndex.get(enterprise);
    if (e === undefined) {
      const own = this.own(enterprise);
      e = this.enterprises.push(own) - 1;
      this.enterpriseIndex.set(own, e);
    }
    return e;
  }

  /** Where person p's block starts, after making room in it for one more month. */
  private room(p: number): number {
    const c = this.sizeClass[p]!;
    const n = this.size[p]!;
    if (n < 1 << c) return this.start[p]!;
    const to = this.block(c + 1);
    // read after block(), which may have moved every block
    const from = this.start[p]!;
    this.months.copyWithin(to, from, from + n);
    this.employers.copyWithin(to, from, from + n);
    (this.free[c] ??= []).push(from);
    this.start[p] = to;
    this.sizeClass[p] = c + 1;
    return to;
  }

  /** A free block of 2^c months: one freed before, or a new one at the end (when full, the blocks in use are packed into new arrays). */
  private block(c: number): number {
    const reused = this.free[c]?.pop();
    if (reused !== undefined) return reused;
    if (this.used + (1 << c) > this.months.length) this.pack(1 << c);
    const at = this.used;
    this.used += 1 << c;
    return at;
  }

  /**
   * Copies the blocks in use side by side into new arrays half as long again as they need (with
   * room for `extra` more), leaving the freed blocks behind: when months come month by month
   * rather than person by person, every person outgrows its blocks at once and the freed ones
   * would never be reused.
   */
  private pack(extra: number): void {
    let live = extra;
    for (let p = 0; p < this.count; p++) live += 1 << this.sizeClass[p]!;
    const length = Math.max(1 << 16, Math.ceil(live * 1.5));
    const months = new Uint16Array(length);
    const employers = new Int32Array(length);
    let at = 0;
    for (let p = 0; p < this.count; p++) {
      const from = this.start[p]!;
      months.set(this.months.subarray(from, from + this.size[p]!), at);
      employers.set(this.employers.subarray(from, from + this.size[p]!), at);
      this.start[p] = at;
      at += 1 << this.sizeClass[p]!;
    }
    this.months = months;
    this.employers = employers;
    this.used = at;
    this.free.length = 0;
  }
}

/** A copy of `a`, `length` long. */
function grown<A extends Int32Array | Uint16Array | Uint8Array>(a: A, length: number): A {
  const b = new (a.constructor as new (n: number) => A)(length);
  b.set(a);
  return b;
}

/** The first index in [lo, hi) whose month is ≥ month (hi when none is). */
function lowerBound(a: Uint16Array, lo: number, hi: number, month: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < month) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The built InsuredMonths: each person's months a range of `months` (offsets[p] to offsets[p + 1]). */
class InsuredMonthsTable implements InsuredMonths {
  constructor(
    private readonly personIndex: ReadonlyMap<string, number>,
    private readonly offsets: Int32Array,
    private readonly months: Uint16Array,
    private readonly employers: Int32Array,
    private readonly enterprises: readonly string[],
  ) {}

  monthsBy(person: string, date: string, rule: InsuredMonthsRule): number {
    const at = this.latest(person, date);
    if (!at) return 0;
    const { first, last } = at;
    if (rule === 'cumulative') return last - first + 1;
    // Months are distinct and sorted, so months[last] − months[j] ≥ last − j, equal exactly when
    // j … last is an unbroken run: the smallest such j by binary search.
    let lo = first;
    let hi = last;
    const m = this.months;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (m[last]! - m[mid]! === last - mid) hi = mid;
      else lo = mid + 1;
    }
    return last - lo + 1;
  }

  employerOn(person: string, date: string): string | undefined {
    const at = this.latest(person, date);
    return at ? this.enterprises[this.employers[at.last]!] : undefined;
  }

  persons(): number {
    return this.personIndex.size;
  }

  /** The person's range, and the index of their latest month up to the month of `date`; undefined when there is none. */
  private latest(person: string, date: string): { first: number; last: number } | undefined {
    const p = this.personIndex.get(person);
    if (p === undefined) return undefined;
    const first = this.offsets[p]!;
    const last = lowerBound(this.months, first, this.offsets[p + 1]!, monthNumber(date) + 1) - 1;
    return last < first ? undefined : { first, last };
  }
}
