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

/** A report as the writers take it: its rows an array, or made as they are written (a million enterprise-years). */
export interface ReportTable {
  columns: readonly ColumnDef[];
  /** iterable more than once (a `run` may render a report after computing the next) */
  rows: Iterable<Record_>;
}

export interface Table extends ReportTable {
  rows: readonly Record_[];
}
