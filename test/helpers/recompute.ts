/**
 * Pieces of the tests' independent recomputations, written from RULES.md without the project's
 * code (a golden file is checked against these, not against src/): fen as yuan text, and the
 * check digits of RULES §6, and RULES §1 (deductions.csv) recomputed from a demo-like folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DEMO, readCsv, type Row } from './demo.js';

/** Integer fen as yuan with exactly two decimals, a minus sign when negative: 123456 → "1234.56". */
export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** RULES §6: a valid 身份证号: 17 digits and a check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, Σ mod 11 → 1 0 X 9 8 7 6 5 4 3 2), digits 7–14 a real date. */
export function validPersonId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** RULES §6: a valid 统一社会信用代码 (GB 32100-2015 check character). */
export function validUscc(id: string): boolean {
  const abc = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  if (id.length !== 18 || [...id].some((c) => !abc.includes(c))) return false;
  const c = 31 - (w.reduce((a, x, i) => a + x * abc.indexOf(id[i]!), 0) % 31);
  return abc[c === 31 ? 0 : c] === id[17];
}

/** A yuan amount ("1234.56", "-0.50", thousands separators allowed) as integer fen. Throws on anything else. */
export const fen = (s: string): number => {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(s.replace(/,/g, ''));
  if (!m) throw new Error(`amount ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

/**
 * The rates of RULES §1.1 by tax year, as decimal text ("0.08"): the general rate, and the
 * 高新技术企业 rate where one is in force (undefined: the general rate applies).
 */
export interface DeductionRates {
  general: (year: number) => string;
  highTech: (year: number) => string | undefined;
}

/** RULES §1.1 as written: 2.5% before 2018, 8% from 2018 (财税〔2018〕51号); 高新技术企业 8% in 2015–2017 (财税〔2015〕63号). */
export const RULES_RATES: DeductionRates = {
  general: (y) => (y >= 2018 ? '0.08' : '0.025'),
  highTech: (y) => (y >= 2015 && y <= 2017 ? '0.08' : undefined),
};

/** The deductions of a folder recomputed: deductions.csv row by row, the years, the input ledger. */
export interface RecomputedDeductions {
  /** deductions.csv, row by row (without name and town) */
  rows: Row[];
  /** the years computed: the first and last year of the payroll and the deduction's training rows */
  from: number;
  to: number;
  /** the input ledger (ledger.csv of the folder) */
  ledger: Row[];
}

/**
 * RULES §1 recomputed in integer fen from payroll.csv, training.csv (GB18030),
 * qualifications.csv and ledger.csv (opening balances only) of `dir` (fixtures/demo by default),
 * under `rates`: cap = wages × rate rounded half-up to the fen, deductible = min(cap, incurred +
 * carry in), the excess carried; 全额扣除职工培训费用 of a software_ic enterprise outside the cap.
 */
export function recomputeDeductions(rates: DeductionRates = RULES_RATES, dir: string = DEMO): RecomputedDeductions {
  const file = (name: string) => join(dir, name);
  const wages = new Map<string, number>();
  const years = new Set<number>();
  for (const r of readCsv(readFileSync(file('payroll.csv')))) {
    const k = `${r.enterprise_id} ${r.period!.slice(0, 4)}`;
    wages.set(k, (wages.get(k) ?? 0) + fen(r.wages!));
    years.add(Number(r.period!.slice(0, 4)));
  }
  const spend = new Map<string, { book: number; inc: number; fbook: number; finc: number }>();
  for (const r of readCsv(iconv.decode(readFileSync(file('training.csv')), 'gb18030'))) {
    const k = `${r['纳税人识别号']} ${r['日期']!.slice(0, 4)}`;
    const s = spend.get(k) ?? { book: 0, inc: 0, fbook: 0, finc: 0 };
    if (r['类别'] === '职工教育经费') (s.book += fen(r['账载金额']!)), (s.inc += fen(r['实际发生额']!));
    else if (r['类别'] === '全额扣除职工培训费用') (s.fbook += fen(r['账载金额']!)), (s.finc += fen(r['实际发生额']!));
    else if (r['类别'] === '产教融合投资') continue; // the credit's, not the deduction's (RULES §2)
    else throw new Error(`category ${r['类别']}`);
    spend.set(k, s);
    years.add(Number(r['日期']!.slice(0, 4)));
  }
  // README "Years": by default the first and last year in payroll and training
  const [from, to] = [Math.min(...years), Math.max(...years)];
  const quals = readCsv(readFileSync(file('qualifications.csv')));
  const has = (id: string, q: string, y: number) =>
    quals.some((r) => r.enterprise_id === id && r.qualification === q && r.valid_from! <= `${y}-12-31` && (r.valid_to || '9999') >= `${y}-01-01`);
  const ledger = readCsv(readFileSync(file('ledger.csv')));
  if (!ledger.every((r) => r.kind === 'education_expense' && r.opening === '')) throw new Error('ledger.csv: opening balances only');
  const opening = new Map(ledger.map((r) => [r.enterprise_id!, { year: Number(r.period), closing: fen(r.closing!) }]));
  // RULES §1.1: the 高新技术企业 rate where it is in force for a certified enterprise, else the general rate. As [numerator, denominator].
  const rate = (id: string, y: number): [number, number, string] => {
    const high = has(id, 'high_tech', y) ? rates.highTech(y) : undefined;
    const text = high ?? rates.general(y);
    const [, decimals = ''] = text.split('.');
    return [Number(text.replace('.', '')), 10 ** decimals.length, text];
  };
  const dataKeys = [...wages.keys(), ...spend.keys()];
  const ids = [...new Set(dataKeys.map((k) => k.split(' ')[0]!))].sort();
  const rows: Row[] = [];
  for (const id of ids) {
    const first = Math.min(...dataKeys.filter((k) => k.startsWith(`${id} `)).map((k) => Number(k.split(' ')[1])));
    const o = opening.get(id);
    let carry = o && o.year === first - 1 ? o.closing : 0;
    for (let y = first; y <= to; y++) {
      const w = wages.get(`${id} ${y}`) ?? 0;
      const s = spend.get(`${id} ${y}`) ?? { book: 0, inc: 0, fbook: 0, finc: 0 };
      const full = has(id, 'software_ic', y);
      const book = full ? s.book : s.book + s.fbook;
      const inc = full ? s.inc : s.inc + s.finc;
      const [num, den, rateText] = rate(id, y);
      const cap = Math.floor((w * num * 2 + den) / (2 * den)); // round half-up to the fen
      const deductible = Math.min(cap, inc + carry);
      const fbook = full ? s.fbook : 0;
      const finc = full ? s.finc : 0;
      rows.push({
        enterprise_id: id, year: String(y), wages: yuan(w), rate: rateText, cap: yuan(cap), book: yuan(book), incurred: yuan(inc),
        carry_in: yuan(carry), deductible: yuan(deductible), adjustment: yuan(book - deductible), carry_out: yuan(inc + carry - deductible),
        full_book: yuan(fbook), full_incurred: yuan(finc), full_deductible: yuan(finc), full_adjustment: yuan(fbook - finc),
        total_book: yuan(book + fbook), total_deductible: yuan(deductible + finc), total_adjustment: yuan(book - deductible + fbook - finc), notes: '',
      });
      carry = inc + carry - deductible;
    }
  }
  return { rows, from, to, ledger };
}
