/**
 * The inputs of the bureau's view of the subsidy fund (issue #15, CONTRACT §2): the certificate
 * registry's export, unemployment-insurance months, training providers and the skills fund
 * (专账). insurance.csv is streamed and aggregated per person as it is read (a county's export
 * holds tens of millions of rows); the other three are small lists.
 */
import { InsuredMonthsBuilder } from '../domain/insured-months.js';
import type { Certificate, FundAllocation, InsuredMonths, Provider } from '../domain/records.js';
import { personIdProblem } from '../domain/ids.js';
import { ProblemList } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import { readRows, type ReadOptions } from './csv-in.js';
import { certificatesSchema, fundSchema, insuranceSchema, providersSchema } from './kinds.js';
import { interner, owned } from './values.js';

/** What these loaders need of load.ts's LoadOptions (declared here: load.ts imports this file). */
export interface KindLoadOptions extends ReadOptions {
  maxErrors: number;
}

/**
 * certificates.csv. A certificate_no listed twice (for one person or two) is not an input error:
 * the registry's own duplicates are what `match` lists as conflicts (issue #15), not paid. A training that ends before it starts is an
 * input error; a certificate dated before its training ended is not (a provider flag).
 */
export async function loadCertificates(path: string, o: KindLoadOptions): Promise<Certificate[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: Certificate[] = [];
  const date = interner();
  const text = interner();
  const person = interner(Infinity);
  await readRows(path, certificatesSchema, o, problems, (r, ctx) => {
    if (r.training_start !== undefined && r.training_end !== undefined && r.training_end < r.training_start) {
      ctx.problem('training_end', () => t('io.trainingEndsBeforeStart', { from: r.training_start! }), r.training_end);
      return;
    }
    // Every certificate of one shape (a column left empty is undefined). The name is read but
    // not kept: no rule or report uses it.
    out.push({
      person_id: person(r.person_id),
      certificate_no: owned(r.certificate_no),
      certificate_type: r.certificate_type,
      occupation: text(r.occupation),
      level: r.level,
      certificate_date: date(r.certificate_date),
      route: r.route,
      provider_id: r.provider_id === undefined ? undefined : text(r.provider_id),
      training_start: r.training_start === undefined ? undefined : date(r.training_start),
      training_end: r.training_end === undefined ? undefined : date(r.training_end),
      line: ctx.line,
    });
  });
  problems.throwIfAny();
  return out;
}

/**
 * insurance.csv, streamed: no row is kept, only each person's distinct months and the employer
 * of each (domain/insured-months.ts). A month paid twice is not an input error: it counts once.
 */
export async function loadInsurance(path: string, o: KindLoadOptions): Promise<InsuredMonths> {
  const problems = new ProblemList(o.maxErrors);
  // a 身份证号 is checked once, when first seen (20 million rows are a few hundred thousand persons)
  const months = new InsuredMonthsBuilder(owned, (person) => personIdProblem(person) === undefined);
  await readRows(path, insuranceSchema, o, problems, (r, ctx) => {
    if (!months.add(r.person_id, r.period, r.enterprise_id)) ctx.problem('person_id', () => `person_id: ${personIdProblem(r.person_id)!}`, r.person_id);
  });
  problems.throwIfAny();
  return months.build();
}

/** providers.csv: a provider_id twice, or a 备案 that ends before it starts, is an input error. */
export async function loadProviders(path: string, o: KindLoadOptions): Promise<Provider[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: Provider[] = [];
  const seen = new Map<string, number>();
  await readRows(path, providersSchema, o, problems, (r, ctx) => {
    const first = seen.get(r.provider_id);
    if (first !== undefined) {
      ctx.problem('provider_id', () => t('io.secondProvider', { id: r.provider_id, first }), r.provider_id);
      return;
    }
    seen.set(r.provider_id, ctx.line);
    if (r.filed_to !== undefined && r.filed_to < r.filed_from) {
      ctx.problem('filed_to', () => t('io.filingEndsBeforeStart', { from: r.filed_from }), r.filed_to);
      return;
    }
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

/** fund.csv: the same year and program twice is an input error (which allocation counts would be unclear). */
export async function loadFund(path: string, o: KindLoadOptions): Promise<FundAllocation[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: FundAllocation[] = [];
  const seen = new Map<string, number>();
  await readRows(path, fundSchema, o, problems, (r, ctx) => {
    const key = `${r.year}\u0000${r.program}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem('program', () => t('io.secondAllocation', { year: r.year, program: r.program, first }), r.program);
      return;
    }
    seen.set(key, ctx.line);
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}
