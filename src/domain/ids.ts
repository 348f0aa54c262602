/** 统一社会信用代码 (GB 32100-2015) and 居民身份证号 (GB 11643-1999) check characters: RULES §6. */
import { t } from '../i18n/index.js';
import { isCalendarDate } from './periods.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for, or undefined if one is not in the alphabet. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return undefined;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** Why the code is not a valid 统一社会信用代码 (in the language of the process), or undefined when it is. */
export function usccProblem(id: string): string | undefined {
  if (id.length !== 18) return t('domain.uscc.length', { n: id.length });
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(id[i]!)) {
      return t('domain.uscc.char', { position: i + 1, char: id[i]! });
    }
  }
  const want = usccCheckChar(id.slice(0, 17));
  if (want !== id[17]) return t('domain.uscc.check', { got: id[17]!, want: want ?? '' });
  return undefined;
}

/** The 18-character code from its first 17 characters. Throws Error when they are not 17 USCC characters. */
export function withUsccCheck(first17: string): string {
  const c = first17.length === 17 ? usccCheckChar(first17) : undefined;
  if (c === undefined) throw new Error(`not a USCC prefix: ${first17}`);
  return first17 + c;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function personIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11];
}

export interface PersonIdInfo {
  birthDate: string;
  sex: 'male' | 'female';
}

/** Why the number is not a valid 居民身份证号 (in the language of the process), or undefined when it is. */
export function personIdProblem(id: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return t('domain.personId.form');
  const want = personIdCheckChar(id.slice(0, 17));
  if (want !== id[17]) return t('domain.personId.check', { got: id[17]!, want: want ?? '' });
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birth)) return t('domain.personId.birthDate');
  return undefined;
}

export function personIdInfo(id: string): PersonIdInfo {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** For logs and terminal summaries: first 6 and last 4 characters shown. */
export function maskPersonId(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
