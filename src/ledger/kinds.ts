/**
 * What distinguishes one carryforward chain from another (CONTRACT §3, §4): the period its
 * rows are kept by, how a row's closing follows from its opening, added and used, whether
 * amounts may be negative, and whether a row must open with the previous row's closing across
 * a hole. Every check, plan and merge of the ledger goes through these descriptors.
 */
import type { Fen } from '../domain/money.js';
import { t } from '../i18n/index.js';
import type { Period } from '../domain/periods.js';
import type { LedgerKind } from '../domain/vocabulary.js';

export interface LedgerKindSpec {
  kind: LedgerKind;
  /** does a row of this kind have the right period form */
  periodOk(p: Period): boolean;
  /** the message when it does not (in the current language) */
  periodProblem(): string;
  /** closing as the kind's own formula gives it from opening, added and used */
  closing(opening: Fen, added: Fen, used: Fen): Fen;
  /** may closing, opening, added and used be negative */
  negative: boolean;
  /**
   * Whether every row opens with the previous row's closing even across a hole. A 产教融合
   * pool does not move in a period without a return, so it does; an education year may be
   * missing (a gap, noted `ledger_gap`), so only adjacent years chain.
   */
  chainsAcrossHoles: boolean;
}

export const LEDGER_KIND_SPECS: Record<LedgerKind, LedgerKindSpec> = {
  education_expense: {
    kind: 'education_expense',
    periodOk: (p) => p.kind === 'year',
    periodProblem: () => t('ledger.period.education'),
    closing: (opening, added, used) => opening + added - used,
    negative: false,
    chainsAcrossHoles: false,
  },
  pcie_credit: {
    kind: 'pcie_credit',
    periodOk: (p) => p.kind !== 'year',
    periodProblem: () => t('ledger.period.pcie'),
    // The 产教融合 pool never goes below zero (RULES §2.4).
    closing: (opening, added, used) => Math.max(0, opening + added - used),
    negative: true,
    chainsAcrossHoles: true,
  },
  refund_deduction: {
    kind: 'refund_deduction',
    periodOk: (p) => p.kind !== 'year',
    periodProblem: () => t('ledger.period.refund'),
    // The 留抵退税 deduction not yet used: what the periods' bases could not take (附列资料（五）).
    closing: (opening, added, used) => opening + added - used,
    negative: false,
    chainsAcrossHoles: true,
  },
};
