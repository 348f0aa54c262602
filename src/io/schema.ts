/**
 * One schema per input kind: canonical column names, the Chinese aliases of CONTRACT §2, the
 * parser of each cell and whether it is required. The TypeScript record type is derived from
 * the schema (`RowOf`), so the validation and the type never drift apart.
 */
import { normalizeHeader } from './values.js';

export interface ColumnSpec<T> {
  aliases: readonly string[];
  required: boolean;
  parse: (raw: string) => T;
  /** personal data (身份证号): shown masked in messages */
  sensitive?: boolean;
}

export type Columns = Record<string, ColumnSpec<unknown>>;

export interface Schema<C extends Columns = Columns> {
  kind: string;
  columns: C;
}

type Parsed<S> = S extends ColumnSpec<infer T> ? T : never;
type RequiredKeys<C extends Columns> = { [K in keyof C]: C[K] extends { required: true } ? K : never }[keyof C];
type OptionalKeys<C extends Columns> = Exclude<keyof C, RequiredKeys<C>>;

export type RowOf<S extends Schema> = {
  [K in RequiredKeys<S['columns']>]: Parsed<S['columns'][K]>;
} & {
  [K in OptionalKeys<S['columns']>]?: Parsed<S['columns'][K]>;
};

export function required<T>(parse: (raw: string) => T, aliases: readonly string[] = []): ColumnSpec<T> & { required: true } {
  return { aliases, required: true, parse };
}

export function optional<T>(parse: (raw: string) => T, aliases: readonly string[] = []): ColumnSpec<T> & { required: false } {
  return { aliases, required: false, parse };
}

/** The same column, marked as personal data. */
export function sensitive<S extends ColumnSpec<unknown>>(spec: S): S {
  return { ...spec, sensitive: true };
}

export function defineSchema<C extends Columns>(kind: string, columns: C): Schema<C> {
  return { kind, columns };
}

export function acceptedNames(name: string, spec: ColumnSpec<unknown>): string[] {
  return [name, ...spec.aliases];
}

/** Map from normalized header text to canonical column name. */
export function headerIndex(schema: Schema): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, spec] of Object.entries(schema.columns)) {
    for (const label of acceptedNames(name, spec)) m.set(normalizeHeader(label), name);
  }
  return m;
}
