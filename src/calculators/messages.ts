/**
 * What the calculators share to make their messages (src/i18n): the keys of plain messages, and
 * reason codes paired with their meaning for an explain.
 */
import type { en } from '../i18n/en.js';

/** The keys of the messages without parameters (a check's label, a reason's meaning). */
export type TextKey = { [K in keyof typeof en]: (typeof en)[K] extends string ? K : never }[keyof typeof en];

/** A reason code with what it means, as an explain shows it. */
export interface ReasonInWords {
  code: string;
  text: string;
}

/** Each code with its meaning by `text` (a calculator's reasonText). */
export function withTexts(codes: readonly string[], text: (code: string) => string): ReasonInWords[] {
  return codes.map((code) => ({ code, text: text(code) }));
}
