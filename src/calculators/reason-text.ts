/**
 * What a reason code of a report means, in words, for the calculators that refuse with reasons
 * (the HTML report shows refusal reasons this way; the CSV reports keep the codes). Each
 * calculator's catalogue area holds the texts: `subsidy.reason.*`, `awards.reason.*`,
 * `exempt.reason.*`.
 */
import type { Lang } from '../i18n/index.js';
import { awardReasonText } from './awards.js';
import { exemptReasonText } from './exempt.js';
import { reasonText } from './training-subsidy.js';

export { awardReasonText, exemptReasonText, reasonText };

const BY_CALCULATOR: Readonly<Record<string, (code: string, lang?: Lang) => string>> = {
  training_subsidy: reasonText,
  awards: awardReasonText,
  exempt: exemptReasonText,
};

/**
 * The meaning of `code` among the reasons of the calculator named `calculator` (its descriptor's
 * `name`: training_subsidy, awards, exempt), in `lang` (default: the current language); the code
 * itself for a calculator without reason texts or a code it does not document.
 */
export function reasonTextOf(calculator: string, code: string, lang?: Lang): string {
  const f = BY_CALCULATOR[calculator];
  return f ? f(code, lang) : code;
}
