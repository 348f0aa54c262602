/**
 * Identifiers (RULES §6): 统一社会信用代码 (GB 32100-2015) and 居民身份证号 (GB 11643-1999).
 * The expected check characters are recomputed here from the tables in RULES §6, not taken
 * from the implementation.
 */
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../src/domain/periods.js';
import { maskPersonId, personIdCheckChar, personIdInfo, personIdProblem, usccCheckChar, usccProblem, withUsccCheck } from '../src/domain/ids.js';
import { parseUscc, ValueProblem } from '../src/io/values.js';

// RULES §6, copied independently of src/io/ids.ts.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

function usccExpected(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * USCC_W[i]!;
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

function idExpected(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_W[i]!;
  return ID_CHECK[sum % 11]!;
}

describe('统一社会信用代码 check character (RULES §6, GB 32100-2015)', () => {
  // 91330282MA2AF7XJ3P
  //   values   9 1 3 3 0 2 8 2 M=21 A=10 2 A=10 F=15 7 X=29 J=18 3
  //   weights  1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
  //   products 9 3 27 81 0 52 128 34 420 290 50 130 120 168 290 540 84 → Σ 2426
  //   2426 mod 31 = 8; 31 − 8 = 23 → alphabet[23] = P
  // 91350100M000100Y43
  //   products 9 3 27 135 0 26 0 0 420 0 0 0 8 0 0 900 112 → Σ 1640; 1640 mod 31 = 28; 31 − 28 = 3 → "3"
  // 91110000600037341L
  //   products 9 3 9 27 0 0 0 0 120 0 0 0 24 168 30 120 28 → Σ 538; 538 mod 31 = 11; 31 − 11 = 20 → L
  const VALID: [string, number, string][] = [
    ['91330282MA2AF7XJ3P', 2426, 'P'],
    ['91350100M000100Y43', 1640, '3'],
    ['91110000600037341L', 538, 'L'],
  ];

  it.each(VALID)('%s: weighted sum %d → check %s', (code, sum, check) => {
    let s = 0;
    for (let i = 0; i < 17; i++) s += ALPHABET.indexOf(code[i]!) * USCC_W[i]!;
    expect(s).toBe(sum);
    expect(usccExpected(code.slice(0, 17))).toBe(check);
    expect(code[17]).toBe(check);
    expect(usccCheckChar(code.slice(0, 17))).toBe(check);
    expect(usccProblem(code)).toBeUndefined();
    expect(parseUscc(code)).toBe(code);
  });

  it('a sum divisible by 31 gives check "0" (31 → 0)', () => {
    // 17 zeros: Σ = 0, 31 − 0 = 31 → 0
    expect(usccExpected('00000000000000000')).toBe('0');
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(usccProblem('000000000000000000')).toBeUndefined();
  });

  it('lower case input is accepted by the reader (upper-cased)', () => {
    expect(parseUscc('91330282ma2af7xj3p')).toBe('91330282MA2AF7XJ3P');
  });

  it.each([
    ['91330282MA2AF7XJ3T', 'check character is "T", the first 17 characters call for "P"'], // the last character changed
    ['91330282MA2AF7XJ4P', 'call for'], // a digit in the body changed
    ['91330200MA2AF7XJ3P', 'call for'], // two digits changed
    ['19330282MA2AF7XJ3P', 'call for'], // two characters swapped
  ])('corrupted %s is refused (%s)', (code, why) => {
    expect(usccProblem(code)).toContain(why);
    expect(() => parseUscc(code)).toThrow(ValueProblem);
  });

  it('every single-character substitution of a valid code is caught', () => {
    const code = '91330282MA2AF7XJ3P';
    for (let i = 0; i < 18; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        const bad = code.slice(0, i) + c + code.slice(i + 1);
        expect(usccProblem(bad), bad).toBeDefined();
      }
    }
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('forbidden letter %s is refused wherever it stands', (letter) => {
    expect(usccProblem(`9133028${letter}MA2AF7XJ3P`)).toContain(`character 8 "${letter}" is not allowed`);
    expect(usccProblem(`91330282MA2AF7XJ3${letter}`)).toContain(`character 18 "${letter}" is not allowed`);
    expect(usccCheckChar(`9133028${letter}MA2AF7XJ3`)).toBeUndefined();
  });

  it.each([
    ['', 'must have 18 characters, this has 0'],
    ['91330282MA2AF7XJ3', 'this has 17'],
    ['91330282MA2AF7XJ3PP', 'this has 19'],
    ['91330282ma2af7xj3p', 'is not allowed'], // lower case never appears in the code itself
    ['91330282MA2AF7XJ-P', 'is not allowed'],
  ])('%j is refused (%s)', (code, why) => {
    expect(usccProblem(code)).toContain(why);
  });

  it('withUsccCheck appends the check character RULES §6 calls for', () => {
    for (const body of ['91330282MA2AF7XJ3', '92330282MA00000AB', 'Y1000000000000001', '12330200470000000']) {
      expect(withUsccCheck(body)).toBe(body + usccExpected(body));
      expect(usccProblem(withUsccCheck(body))).toBeUndefined();
    }
    expect(() => withUsccCheck('91330282MA2AF7XJO')).toThrow();
  });
});

describe('居民身份证号 check character, birth date and sex (RULES §6, GB 11643-1999)', () => {
  // GB 11643-1999's own example 11010519491231002X:
  //   digits   1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2
  //   weights  7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
  //   products 7 9 0 5 0 20 2 9 24 27 7 18 30 5 0 0 4 → Σ 167; 167 mod 11 = 2 → X
  // 440524188001010014 (the standard's other example): Σ 195; 195 mod 11 = 8 → 4
  it.each([
    ['11010519491231002X', 167, 'X', '1949-12-31', 'female'], // digit 17 = 2, even
    ['440524188001010014', 195, '4', '1880-01-01', 'male'], // digit 17 = 1, odd
  ])('%s: weighted sum %d → check %s, born %s, %s', (id, sum, check, birth, sex) => {
    let s = 0;
    for (let i = 0; i < 17; i++) s += Number(id[i]) * ID_W[i]!;
    expect(s).toBe(sum);
    expect(idExpected(id.slice(0, 17))).toBe(check);
    expect(personIdCheckChar(id.slice(0, 17))).toBe(check);
    expect(personIdProblem(id)).toBeUndefined();
    expect(personIdInfo(id)).toEqual({ birthDate: birth, sex });
  });

  it('every remainder maps to its check character (1 0 X 9 8 7 6 5 4 3 2)', () => {
    const seen = new Map<number, string>();
    for (let n = 0; seen.size < 11 && n < 100_000; n++) {
      const body = `3302821990010${String(n).padStart(4, '0')}`;
      let s = 0;
      for (let i = 0; i < 17; i++) s += Number(body[i]) * ID_W[i]!;
      if (!seen.has(s % 11)) {
        seen.set(s % 11, body);
        expect(personIdCheckChar(body)).toBe(ID_CHECK[s % 11]);
      }
    }
    expect(seen.size).toBe(11);
  });

  it.each([
    ['110105194912310021', 'check character is "1", the first 17 digits call for "X"'],
    ['11010519491231002x', 'must be 17 digits and a digit or X'], // lower-case x is not read as X
    ['11010519491231003X', 'call for'], // digit 17 changed
    ['1101051949123100', 'must be 17 digits'],
    ['11010519491231002XX', 'must be 17 digits'],
    ['A1010519491231002X', 'must be 17 digits'],
  ])('%j is refused (%s)', (id, why) => {
    expect(personIdProblem(id)).toContain(why);
  });

  it('a valid check over an impossible birth date is refused', () => {
    // 2001-02-29 does not exist; 2000-02-29 does.
    const bad = '33028220010229001';
    const good = '33028220000229001';
    expect(personIdProblem(bad + idExpected(bad))).toContain('birth date (digits 7–14) is not a calendar date');
    // the digits themselves are not repeated: messages may reach a terminal
    expect(personIdProblem(bad + idExpected(bad))).not.toContain('20010229');
    expect(personIdProblem(good + idExpected(good))).toBeUndefined();
    expect(personIdInfo(good + idExpected(good)).birthDate).toBe('2000-02-29');
  });

  it('digit 17 odd is male, even is female', () => {
    for (let d = 0; d <= 9; d++) {
      const body = `3302821990010100${d}`;
      expect(personIdInfo(body + idExpected(body)).sex).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it('masking shows the first 6 and the last 4 characters only', () => {
    expect(maskPersonId('11010519491231002X')).toBe('110105********002X');
    expect(maskPersonId('440524188001010014')).toBe('440524********0014');
    expect(maskPersonId('11010519491231002X')).not.toContain('19491231');
    expect(maskPersonId('1234567890')).toBe('**********');
    expect(maskPersonId('')).toBe('');
  });
});

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-30', true],
    ['2024-04-31', false],
    ['2024-4-30', false],
  ])('%s is a calendar date: %s', (iso, ok) => {
    expect(isCalendarDate(iso)).toBe(ok);
  });
});
