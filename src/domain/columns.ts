/**
 * Growable columns of numbers for results kept by the million (one value per enterprise-year):
 * typed arrays in chunks of 65,536, so a column costs its element size per value (8 bytes for an
 * amount in fen) and growing it never copies what is already stored.
 */

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type TypedArray = Float64Array | Uint32Array | Uint16Array | Uint8Array;

/** One column: `push` appends (RangeError for a value the element type cannot hold), `at(i)` reads the i-th value (0 ≤ i < length). */
export class Column<A extends TypedArray = TypedArray> {
  private readonly chunks: A[] = [];
  private n = 0;

  constructor(
    private readonly make: (size: number) => A,
    /** the largest whole number an element holds (Infinity: any number) */
    private readonly max = Number.POSITIVE_INFINITY,
  ) {}

  get length(): number {
    return this.n;
  }

  push(v: number): void {
    if (this.max !== Number.POSITIVE_INFINITY && !(Number.isInteger(v) && v >= 0 && v <= this.max)) throw new RangeError(`${v} does not fit a column of whole numbers up to ${this.max}`);
    const c = this.n >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(this.make(CHUNK));
    this.chunks[c]![this.n & MASK] = v;
    this.n++;
  }

  at(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
  }
}

/** Amounts in fen (exact integers up to 2^53) or any other float. */
export const float64Column = () => new Column((n) => new Float64Array(n));
/** Indexes and counts below 2^32. */
export const uint32Column = () => new Column((n) => new Uint32Array(n), 0xffffffff);
/** Years, and indexes below 65,536. */
export const uint16Column = () => new Column((n) => new Uint16Array(n), 0xffff);
/** Flags and small codes (below 256). */
export const uint8Column = () => new Column((n) => new Uint8Array(n), 0xff);

/**
 * Distinct values given small numbers in the order they were first seen (a few rates, a few
 * periods among a million rows): `index(key, make)` gives the key's number, `value(i)` its value.
 */
export class Interned<T> {
  private readonly numbers = new Map<string, number>();
  private readonly values: T[] = [];

  index(key: string, make: () => T): number {
    let i = this.numbers.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.numbers.set(key, i);
      this.values.push(make());
    }
    return i;
  }

  value(i: number): T {
    return this.values[i]!;
  }

  get size(): number {
    return this.values.length;
  }
}
