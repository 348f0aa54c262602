/** A report as data: typed columns (English and Chinese header) and rows of cells. `io` renders it. */

/** `money` and `rate` cells are already formatted text; only `text` cells get Excel's guard. */
export type CellType = 'text' | 'money' | 'rate' | 'int';

export interface ColumnDef {
  name: string;
  zh: string;
  type: CellType;
  /** its cells identify a person (身份证号): a report with such a column is created private (0600) */
  personal?: boolean;
}

export type Cell = string | number;
export type Record_ = Record<string, Cell>;

/** A row as a large report makes it: its cells in column order (no lookup by name per cell). */
export type Cells = readonly Cell[];

/** A report as the writers take it: its rows an array, or made as they are written (a million enterprise-years). */
export interface ReportTable {
  columns: readonly ColumnDef[];
  /** records by column name, or cells in column order; iterable more than once (a `run` renders a report after computing the next) */
  rows: Iterable<Record_ | Cells>;
}

/** A row's cells in column order, whichever way it was given. */
export function cellsOf(columns: readonly ColumnDef[], row: Record_ | Cells): readonly (Cell | undefined)[] {
  return Array.isArray(row) ? row : columns.map((c) => (row as Record_)[c.name]);
}

export interface Table extends ReportTable {
  rows: readonly Record_[];
}
