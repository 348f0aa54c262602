/**
 * Training-provider supervision (培训机构监管, issue #15; CONTRACT §8 `skilltax providers`). Pure:
 * the certificate registry, the claims with their decisions and the providers' 备案 in; one row of
 * figures and flags per provider and year out.
 *
 * The flags are heuristics of this tool, not legal rules: each asks a person to look at a
 * provider, none decides anything. Their thresholds are parameters (`providers.*`, status
 * `practice`, source "skilltax heuristic, not law"), set by a bureau with --rules.
 */
import { addFen, formatFen, shareText, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { yearOf } from '../domain/periods.js';
import type { Certificate, Claim, Provider } from '../domain/records.js';
import type { ColumnDef, ReportTable } from '../domain/table.js';
import type { Rules } from '../rules/index.js';
import { t } from '../i18n/index.js';
import type { TextKey } from './messages.js';

/** The flag codes of providers.csv, in the order a row lists them. Never translated. */
export const PROVIDER_FLAGS = ['not_filed', 'same_day_batch', 'high_refusal', 'cert_before_training_end'] as const;
export type ProviderFlag = (typeof PROVIDER_FLAGS)[number];

/** The decision of one claim, as `subsidy` made it (amount in fen; `reasons` its reason codes). */
export interface ProviderDecision {
  claim_id: string;
  status: 'eligible' | 'ineligible';
  amount: Fen;
  reasons: readonly string[];
}

export interface ProviderInput {
  /** certificates.csv */
  certificates: readonly Certificate[];
  /** trainees.csv */
  claims: readonly Claim[];
  /** the decision of each claim by claim_id (a claim without one counts as filed only) */
  decisions: readonly ProviderDecision[];
  /** providers.csv; when absent, `not_filed` is not tested */
  providers?: readonly Provider[] | undefined;
}

/** One provider-year of providers.csv. Money in fen; shares as decimal-fraction text. */
export interface ProviderRow {
  provider_id: string;
  /** the year of the certificate_date (of a claim without a certificate of the provider: see attribution) */
  year: number;
  /** from providers.csv ('' when the provider is not there) */
  name: string;
  star?: number | undefined;
  /** distinct persons holding a certificate of the provider dated in the year */
  people_trained: number;
  certificates: number;
  /** certificates by level: [level 1 (高级技师), …, level 5 (初级工)] */
  levels: readonly [number, number, number, number, number];
  /** claims attributed to the provider and year */
  claims: number;
  eligible: number;
  refused: number;
  /** the three most frequent reason codes of the refused claims, `code:count;…` (most frequent first, then by code) */
  top_reasons: string;
  /** the sum of the eligible amounts, in fen */
  subsidy_paid: Fen;
  /** subsidy_paid / certificates, half-up to the fen; undefined without certificates */
  subsidy_per_certificate?: Fen | undefined;
  /** certificates no claim names / certificates (4 places half-up, '' without certificates) */
  never_claimed_share: string;
  /** refused / decided (4 places half-up, '' without decided claims): what high_refusal compares */
  refusal_rate: string;
  /** the area's refused / decided of the same year (every claim, with or without a provider) */
  area_refusal_rate: string;
  flags: readonly ProviderFlag[];
  /** the certificates.csv lines behind not_filed, same_day_batch and cert_before_training_end */
  evidence: Readonly<Partial<Record<ProviderFlag, readonly number[]>>>;
}

/** The parameters the flags read. */
type RuleReader = Pick<Rules, 'count'>;

const yearEnd = (year: number): string => `${year}-12-31`;

/** Occupations compare after folding full-width forms, case and surrounding space (as `subsidy` does). */
const fold = (o: string | undefined): string => (o ?? '').normalize('NFKC').trim().toLowerCase();

/** Builds one provider-year as certificates and claims are attributed to it. */
interface Acc {
  provider_id: string;
  year: number;
  persons: Set<string>;
  certs: Certificate[];
  claimed: number;
  claims: number;
  eligible: number;
  refused: number;
  reasons: Map<string, number>;
  paid: Fen;
}

/**
 * The certificate a claim is for: the one with its certificate_no (of the same person when several
 * share the number, else the first in file order); for a claim without a number, the person's
 * certificate of the same occupation and level (the earliest). Undefined when none matches.
 */
function certificateMatcher(certificates: readonly Certificate[]): (c: Claim) => Certificate | undefined {
  const byNo = new Map<string, Certificate[]>();
  const byPerson = new Map<string, Certificate[]>();
  for (const cert of certificates) {
    const no = byNo.get(cert.certificate_no);
    if (no) no.push(cert);
    else byNo.set(cert.certificate_no, [cert]);
    const p = byPerson.get(cert.person_id);
    if (p) p.push(cert);
    else byPerson.set(cert.person_id, [cert]);
  }
  return (c) => {
    if (c.certificate_no !== undefined && c.certificate_no !== '') {
      const same = byNo.get(c.certificate_no);
      return same?.find((x) => x.person_id === c.person_id) ?? same?.[0];
    }
    if (c.occupation === undefined || c.level === undefined) return undefined;
    const occ = fold(c.occupation);
    let best: Certificate | undefined;
    for (const x of byPerson.get(c.person_id) ?? [])
      if (x.level === c.level && fold(x.occupation) === occ && (!best || x.certificate_date < best.certificate_date)) best = x;
    return best;
  };
}

/** Whether `date` lies in one of the provider's 备案 spans (filed_from … filed_to, inclusive; no filed_to = still filed). */
const filedOn = (spans: readonly Provider[], date: string): boolean => spans.some((p) => date >= p.filed_from && (p.filed_to === undefined || date <= p.filed_to));

/** The providers.csv row that names a provider-year: the one reviewed that year, else the latest filed by the year's end, else the first. */
function rowFor(spans: readonly Provider[], year: number): Provider | undefined {
  const reviewed = spans.find((p) => p.review_year === year);
  if (reviewed) return reviewed;
  let latest: Provider | undefined;
  for (const p of spans) if (p.filed_from <= yearEnd(year) && (!latest || p.filed_from > latest.filed_from)) latest = p;
  return latest ?? spans[0];
}

/**
 * The figures and flags of every provider and year (CONTRACT §8 `providers`), sorted by
 * provider_id then year.
 *
 * Attribution: a certificate belongs to its provider_id and the year of its certificate_date
 * (certificates without a provider_id are in no row). A claim counts once, for its own
 * provider_id when it gives one, else for the provider of the certificate it is for (see
 * certificateMatcher); its year is that certificate's year when the certificate is the provider's,
 * else the year of the claim's certificate_date, else of its claim_date. A certificate is "never
 * claimed" when no claim is for it.
 *
 * Flags (heuristics, not law; thresholds from the rules):
 * - `not_filed`: a certificate's training_start, training_end or certificate_date outside every
 *   备案 span of the provider in providers.csv; or, when providers.csv is given, the provider is not in it.
 * - `same_day_batch`: more than `providers.same_day_batch.max` (read on that date) certificates
 *   with the same certificate_date and occupation.
 * - `high_refusal`: at least `providers.high_refusal.min_claims` decided claims, and a refusal rate
 *   above `providers.high_refusal.ratio_percent`% of the area's rate of the year (both read on 31
 *   December of the year). Compared exactly in integers: refused × decided_area × 100 >
 *   ratio × refused_area × decided.
 * - `cert_before_training_end`: a certificate_date before the training_end.
 *
 * Throws RuleGapError when a threshold has no value in force on the date it is read.
 */
export function providerFigures(rules: RuleReader, input: ProviderInput): ProviderRow[] {
  const accs = new Map<string, Acc>();
  const acc = (provider_id: string, year: number): Acc => {
    const key = `${provider_id}\u0000${year}`;
    let a = accs.get(key);
    if (!a) accs.set(key, (a = { provider_id, year, persons: new Set(), certs: [], claimed: 0, claims: 0, eligible: 0, refused: 0, reasons: new Map(), paid: 0 }));
    return a;
  };

  for (const cert of input.certificates) {
    if (!cert.provider_id) continue;
    const a = acc(cert.provider_id, yearOf(cert.certificate_date));
    a.persons.add(cert.person_id);
    a.certs.push(cert);
  }

  const decisions = new Map(input.decisions.map((d) => [d.claim_id, d]));
  const matchOf = certificateMatcher(input.certificates);
  const claimed = new Set<Certificate>();
  /** the area's decided and refused claims by year */
  const area = new Map<number, { decided: number; refused: number }>();
  for (const c of input.claims) {
    const cert = matchOf(c);
    if (cert) claimed.add(cert);
    const provider = c.provider_id || cert?.provider_id;
    const year = cert && cert.provider_id === provider ? yearOf(cert.certificate_date) : yearOf(c.certificate_date ?? c.claim_date);
    const d = decisions.get(c.claim_id);
    if (d) {
      let y = area.get(year);
      if (!y) area.set(year, (y = { decided: 0, refused: 0 }));
      y.decided++;
      if (d.status === 'ineligible') y.refused++;
    }
    if (!provider) continue;
    const a = acc(provider, year);
    a.claims++;
    if (!d) continue;
    if (d.status === 'eligible') {
      a.eligible++;
      a.paid = addFen(a.paid, d.amount);
    } else {
      a.refused++;
      for (const r of d.reasons) a.reasons.set(r, (a.reasons.get(r) ?? 0) + 1);
    }
  }

  const spansOf = new Map<string, Provider[]>();
  for (const p of input.providers ?? []) {
    const s = spansOf.get(p.provider_id);
    if (s) s.push(p);
    else spansOf.set(p.provider_id, [p]);
  }

  const rows: ProviderRow[] = [];
  for (const a of accs.values()) {
    for (const cert of a.certs) if (claimed.has(cert)) a.claimed++;
    const spans = spansOf.get(a.provider_id);
    const levels: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const cert of a.certs) if (cert.level >= 1 && cert.level <= 5) levels[cert.level - 1]!++;

    const evidence: Partial<Record<ProviderFlag, number[]>> = {};
    const flags = new Set<ProviderFlag>();
    const note = (flag: ProviderFlag, lines: readonly number[]) => {
      if (!lines.length) return;
      flags.add(flag);
      evidence[flag] = [...lines].sort((x, y) => x - y);
    };
    if (input.providers !== undefined) {
      if (!spans) flags.add('not_filed');
      else {
        const outside = a.certs.filter((c) => [c.training_start, c.training_end, c.certificate_date].some((d) => d !== undefined && !filedOn(spans, d)));
        note('not_filed', outside.map((c) => c.line));
      }
    }
    const batches = new Map<string, Certificate[]>();
    for (const c of a.certs) {
      const key = `${c.certificate_date}\u0000${fold(c.occupation)}`;
      const b = batches.get(key);
      if (b) b.push(c);
      else batches.set(key, [c]);
    }
    const batched: number[] = [];
    for (const b of batches.values()) if (b.length > rules.count('providers.same_day_batch.max', b[0]!.certificate_date)) batched.push(...b.map((c) => c.line));
    note('same_day_batch', batched);
    const decided = a.eligible + a.refused;
    const y = area.get(a.year) ?? { decided: 0, refused: 0 };
    if (decided > 0) {
      const on = yearEnd(a.year);
      const min = rules.count('providers.high_refusal.min_claims', on);
      const ratio = rules.count('providers.high_refusal.ratio_percent', on);
      if (decided >= min && a.refused * y.decided * 100 > ratio * y.refused * decided) flags.add('high_refusal');
    }
    note('cert_before_training_end', a.certs.filter((c) => c.training_end !== undefined && c.certificate_date < c.training_end).map((c) => c.line));

    const named = spans && rowFor(spans, a.year);
    const top = [...a.reasons].sort((x, y) => y[1] - x[1] || byText(x[0], y[0])).slice(0, 3);
    const n = a.certs.length;
    rows.push({
      provider_id: a.provider_id,
      year: a.year,
      name: named?.name ?? '',
      star: named?.star,
      people_trained: a.persons.size,
      certificates: n,
      levels,
      claims: a.claims,
      eligible: a.eligible,
      refused: a.refused,
      top_reasons: top.map(([code, count]) => `${code}:${count}`).join(';'),
      subsidy_paid: a.paid,
      subsidy_per_certificate: n === 0 ? undefined : perCertificate(a.paid, n),
      never_claimed_share: shareText(n - a.claimed, n),
      refusal_rate: shareText(a.refused, decided),
      area_refusal_rate: shareText(y.refused, y.decided),
      flags: PROVIDER_FLAGS.filter((f) => flags.has(f)),
      evidence,
    });
  }
  return rows.sort((x, y) => byText(x.provider_id, y.provider_id) || x.year - y.year);
}

/** fen / n half-up to the fen, exact in integers (n > 0; fen ≥ 0 as subsidies are). */
function perCertificate(fen: Fen, n: number): Fen {
  const q = Math.floor(fen / n);
  return 2 * (fen - q * n) >= n ? q + 1 : q;
}

/** providers.csv columns (CONTRACT §8), English and Chinese headers. */
export const PROVIDER_COLUMNS: readonly ColumnDef[] = [
  { name: 'provider_id', zh: '培训机构编号', type: 'text' },
  { name: 'year', zh: '年度', type: 'int' },
  { name: 'name', zh: '培训机构名称', type: 'text' },
  { name: 'star', zh: '星级', type: 'int' },
  { name: 'people_trained', zh: '培训人数', type: 'int' },
  { name: 'certificates', zh: '取证数', type: 'int' },
  { name: 'level_1', zh: '一级/高级技师', type: 'int' },
  { name: 'level_2', zh: '二级/技师', type: 'int' },
  { name: 'level_3', zh: '三级/高级工', type: 'int' },
  { name: 'level_4', zh: '四级/中级工', type: 'int' },
  { name: 'level_5', zh: '五级/初级工', type: 'int' },
  { name: 'claims', zh: '申请数', type: 'int' },
  { name: 'eligible', zh: '符合条件数', type: 'int' },
  { name: 'refused', zh: '不符合条件数', type: 'int' },
  { name: 'top_reasons', zh: '主要不符合原因', type: 'text' },
  { name: 'subsidy_paid', zh: '补贴金额', type: 'money' },
  { name: 'subsidy_per_certificate', zh: '每证补贴金额', type: 'money' },
  { name: 'never_claimed_share', zh: '未申领证书占比', type: 'rate' },
  { name: 'flags', zh: '提示', type: 'text' },
];

/**
 * providers.csv as a report: one row per provider and year in the order of providerFigures.
 * Money with 2 decimals; `never_claimed_share` a decimal fraction rounded half-up to 4 places
 * (no trailing zeros; empty without certificates); `star` and `subsidy_per_certificate` empty
 * when unknown; `flags` `;`-separated codes.
 */
export function providersTable(rows: readonly ProviderRow[]): ReportTable {
  return {
    columns: PROVIDER_COLUMNS,
    rows: rows.map((r) => [
      r.provider_id,
      r.year,
      r.name,
      r.star ?? '',
      r.people_trained,
      r.certificates,
      ...r.levels,
      r.claims,
      r.eligible,
      r.refused,
      r.top_reasons,
      formatFen(r.subsidy_paid),
      r.subsidy_per_certificate === undefined ? '' : formatFen(r.subsidy_per_certificate),
      r.never_claimed_share,
      r.flags.join(';'),
    ]),
  };
}

/** What a flag code means, for a person (messages, the HTML report), in the current language. */
export function providerFlagText(flag: ProviderFlag): string {
  return t(`providers.flag.${flag}` as TextKey);
}

/**
 * The note every providers report carries: the flags are heuristics of skilltax, not legal rules,
 * with the thresholds in force on `on` (YYYY-MM-DD) and their parameter keys. Throws RuleGapError
 * when one has no value on that date.
 */
export function providerHeuristicsNote(rules: RuleReader, on: string): string {
  return t('providers.heuristics', {
    batch: rules.count('providers.same_day_batch.max', on),
    ratio: rules.count('providers.high_refusal.ratio_percent', on),
    minClaims: rules.count('providers.high_refusal.min_claims', on),
  });
}
