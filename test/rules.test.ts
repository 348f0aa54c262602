/**
 * Dated parameters (CONTRACT §8 `skilltax rules`, §9 overrides; STYLE: a lookup takes the
 * latest start date on or before the instant).
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/domain/errors.js';
import { parseRulesFile } from '../src/io/rules-file.js';
import { Rules } from '../src/rules/index.js';

const RATE = 'eit.education_expense.rate';
const HIGH_TECH = 'eit.education_expense.high_tech_rate';
const ATS = 'eit.education_expense.advanced_tech_service_rate';

describe('lookup by date: the entry with the latest start on or before the date', () => {
  const rules = new Rules();

  it.each([
    ['2007-12-31', undefined, undefined], // before the first entry: nothing in force
    ['2008-01-01', '0.025', '企业所得税法实施条例 第四十二条'],
    ['2012-06-30', '0.025', '企业所得税法实施条例 第四十二条'],
    ['2017-12-31', '0.025', '企业所得税法实施条例 第四十二条'], // last day of the 2.5% era
    ['2018-01-01', '0.08', '财税〔2018〕51号'], // first day of 8%
    ['2030-01-01', '0.08', '财税〔2018〕51号'], // open-ended
  ])('%s: %s (%s)', (date, value, source) => {
    const e = rules.at(RATE, date);
    if (value === undefined) {
      expect(e).toBeUndefined();
    } else {
      expect(e).toMatchObject({ key: RATE, value, source, status: 'verified' });
    }
  });

  it.each([
    [2007, undefined],
    [2008, '0.025'],
    [2017, '0.025'],
    [2018, '0.08'],
    [2024, '0.08'],
  ])('tax year %d: general rate %s', (year, value) => {
    expect(rules.at(RATE, `${year}-12-31`)?.value).toBe(value);
    expect(value === undefined ? undefined : rules.rate(RATE, `${year}-12-31`).toFixed()).toBe(value);
  });

  it('an entry with its own end date is not in force after it (高新技术企业 8%: 2015–2017)', () => {
    expect(rules.at(HIGH_TECH, '2014-12-31')).toBeUndefined();
    expect(rules.at(HIGH_TECH, '2015-01-01')?.value).toBe('0.08');
    expect(rules.at(HIGH_TECH, '2017-12-31')?.value).toBe('0.08');
    expect(rules.at(HIGH_TECH, '2018-01-01')).toBeUndefined();
    expect(rules.at(ATS, '2016-12-31')).toBeUndefined();
    expect(rules.at(ATS, '2017-01-01')?.value).toBe('0.08');
    expect(rules.at(ATS, '2018-01-01')).toBeUndefined();
  });

  it('a gap between dated entries, and the end of the last one, leave nothing in force', () => {
    const r = new Rules([
      {
        key: 'k',
        kind: 'rate',
        description: '',
        entries: [
          { from: '2020-01-01', to: '2020-06-30', value: '0.1', source: 's1', status: 'verified' },
          { from: '2021-01-01', to: '2021-12-31', value: '0.2', source: 's2', status: 'verified' },
        ],
      },
    ]);
    expect(r.at('k', '2020-06-30')?.value).toBe('0.1');
    expect(r.at('k', '2020-07-01')).toBeUndefined();
    expect(r.at('k', '2021-01-01')?.value).toBe('0.2');
    expect(r.at('k', '2022-01-01')).toBeUndefined();
  });

  it('entries are ordered by start date whatever order they are given in', () => {
    const r = new Rules([
      {
        key: 'k',
        kind: 'rate',
        description: '',
        entries: [
          { from: '2018-01-01', value: '0.08', source: 'b', status: 'verified' },
          { from: '2008-01-01', value: '0.025', source: 'a', status: 'verified' },
        ],
      },
    ]);
    expect(r.at('k', '2010-01-01')?.value).toBe('0.025');
    expect(r.at('k', '2019-01-01')?.value).toBe('0.08');
  });

  it('an unknown key is a programming error', () => {
    expect(() => rules.at('no.such.key', '2020-01-01')).toThrow('unknown parameter no.such.key');
  });
});

describe('list (skilltax rules): key, value, valid_from, valid_to, source, status', () => {
  const rules = new Rules();

  it('valid_to is the day before the next entry starts, or the entry’s own end, or empty', () => {
    const rows = rules.listing().filter((r) => r.key === RATE);
    expect(rows).toEqual([
      { key: RATE, value: '0.025', valid_from: '2008-01-01', valid_to: '2017-12-31', source: '企业所得税法实施条例 第四十二条', status: 'verified' },
      { key: RATE, value: '0.08', valid_from: '2018-01-01', valid_to: '', source: '财税〔2018〕51号', status: 'verified' },
    ]);
    expect(rules.listing().find((r) => r.key === HIGH_TECH)?.valid_to).toBe('2017-12-31');
  });

  it('the day before a 1 March start is the last day of February, leap years included', () => {
    const mk = (next: string) =>
      new Rules([
        {
          key: 'k',
          kind: 'rate',
          description: '',
          entries: [
            { from: '2000-01-01', value: '0.1', source: 's', status: 'verified' },
            { from: next, value: '0.2', source: 's', status: 'verified' },
          ],
        },
      ]).listing()[0]!.valid_to;
    expect(mk('2024-03-01')).toBe('2024-02-29');
    expect(mk('2023-03-01')).toBe('2023-02-28');
    expect(mk('2021-01-01')).toBe('2020-12-31');
  });

  it('statuses are shown: the high-tech rate is unverified, the general rates verified', () => {
    const rows = rules.listing();
    expect(rows.find((r) => r.key === HIGH_TECH)?.status).toBe('unverified');
    expect(rows.filter((r) => r.key === RATE).every((r) => r.status === 'verified')).toBe(true);
    expect(rows.find((r) => r.key === ATS)?.status).toBe('verified');
    // RULES §1.3: software_ic after 公告2020年第45号 is [U]
    const sw = rows.filter((r) => r.key === 'eit.education_expense.full_deduction.software_ic');
    expect(sw.map((r) => [r.valid_from, r.valid_to, r.status])).toEqual([
      ['2011-01-01', '2019-12-31', 'verified'],
      ['2020-01-01', '', 'unverified'],
    ]);
    for (const r of rows) expect(['verified', 'practice', 'unverified']).toContain(r.status);
  });

  it('rows come sorted by key, and every CONTRACT §9 fixed key is listed', () => {
    const keys = rules.listing().map((r) => r.key);
    expect(keys).toEqual([...keys].sort());
    for (const k of [
      'eit.education_expense.rate',
      'surcharge.education.rate',
      'surcharge.local_education.rate',
      'pcie.credit_rate',
      'surcharge.exemption.monthly_sales',
      'surcharge.exemption.quarterly_sales',
      'surcharge.reduction.rate',
      'subsidy.yearly_cap',
      'subsidy.claim_window_months',
    ]) {
      expect(rules.keys()).toContain(k);
    }
  });

  it.each([
    ['2017-06-30', '0.025', true, true],
    ['2017-12-31', '0.025', true, true],
    ['2018-01-01', '0.08', false, false],
    ['2014-06-30', '0.025', false, false],
  ])('listing(%s): general %s, high-tech listed %s, advanced-tech-service listed %s', (at, general, highTech, ats) => {
    const rows = rules.listing(at);
    expect(rows.filter((r) => r.key === RATE).map((r) => r.value)).toEqual([general]);
    expect(rows.some((r) => r.key === HIGH_TECH)).toBe(highTech);
    expect(rows.some((r) => r.key === ATS)).toBe(ats);
  });

  it('listing(at) before every series starts is empty for the education rate', () => {
    expect(rules.listing('2007-12-31').filter((r) => r.key === RATE)).toEqual([]);
  });
});

describe('overrides (CONTRACT §9: --rules FILE replaces whole series by key)', () => {
  it('the CONTRACT §9 example is accepted and replaces the series', () => {
    const text = '{ "eit.education_expense.rate": [ { "from": "2018-01-01", "value": "0.08", "source": "财税〔2018〕51号" } ] }';
    const o = parseRulesFile(text, 'rules.json');
    expect([...o.keys()]).toEqual([RATE]);
    expect(o.get(RATE)).toEqual([{ from: '2018-01-01', value: '0.08', source: '财税〔2018〕51号', status: 'unverified' }]);
    const r = new Rules().withOverrides(o);
    // the whole series is replaced: 2.5% before 2018 is gone
    expect(r.at(RATE, `${2017}-12-31`)).toBeUndefined();
    expect(r.at(RATE, `${2018}-12-31`)?.value).toBe('0.08');
    // other series untouched
    expect(r.at(HIGH_TECH, `${2016}-12-31`)?.value).toBe('0.08');
    // the base is not changed
    expect(new Rules().at(RATE, `${2017}-12-31`)?.value).toBe('0.025');
  });

  it('a pilot-area regime can be added (RULES §1.1: regional 8% via a rules file)', () => {
    const text = JSON.stringify({
      [RATE]: [
        { from: '2008-01-01', value: '0.025', source: '实施条例 第四十二条', status: 'verified' },
        { from: '2013-01-01', value: '0.08', source: '财税〔2013〕14号', status: 'practice' },
        { from: '2018-01-01', value: '0.08', source: '财税〔2018〕51号', status: 'verified' },
      ],
    });
    const r = new Rules().withOverrides(parseRulesFile(text, 'r.json'));
    expect(r.at(RATE, `${2012}-12-31`)?.value).toBe('0.025');
    expect(r.at(RATE, `${2013}-12-31`)).toMatchObject({ value: '0.08', status: 'practice' });
  });

  it('values are normalised; numbers are read as text; a missing source names the file; to is kept', () => {
    const text = JSON.stringify({
      'surcharge.education.rate': [{ from: '2005/10/1', value: 0.03, to: '20301231', status: 'verified', source: ' 国务院令第448号 ' }],
      'surcharge.exemption.monthly_sales': [{ from: '2016-02-01', value: '100,000' }],
      'subsidy.yearly_cap': [{ from: '2019-01-01', value: '03' }],
    });
    const o = parseRulesFile(text, 'r.json');
    expect(o.get('surcharge.education.rate')).toEqual([{ from: '2005-10-01', to: '2030-12-31', value: '0.03', source: '国务院令第448号', status: 'verified' }]);
    expect(o.get('surcharge.exemption.monthly_sales')?.[0]).toMatchObject({ value: '100000.00', source: 'override (r.json)', status: 'unverified' });
    expect(o.get('subsidy.yearly_cap')?.[0]?.value).toBe('3');
  });

  it('an override shows up in listing() with its status', () => {
    const o = parseRulesFile(JSON.stringify({ [HIGH_TECH]: [{ from: '2015-01-01', to: '2017-12-31', value: '0.08', source: '财税〔2015〕63号', status: 'verified' }] }), 'r.json');
    const rows = new Rules().withOverrides(o).listing().filter((r) => r.key === HIGH_TECH);
    expect(rows).toEqual([{ key: HIGH_TECH, value: '0.08', valid_from: '2015-01-01', valid_to: '2017-12-31', source: '财税〔2015〕63号', status: 'verified' }]);
  });

  const refused: [string, string, string][] = [
    ['unknown key', JSON.stringify({ 'eit.education.rate': [] }), 'unknown parameter "eit.education.rate"'],
    ['not JSON', '{ "eit.education_expense.rate": [ }', 'not valid JSON'],
    ['not an object', '[1, 2]', 'expected an object of parameter series by key'],
    ['series not an array', JSON.stringify({ [RATE]: { from: '2018-01-01', value: '0.08' } }), 'must be an array of entries'],
    ['entry not an object', JSON.stringify({ [RATE]: ['0.08'] }), 'an entry must be an object'],
    ['malformed rate', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '8%' }] }), 'a rate is a decimal fraction'],
    ['text as a rate', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: 'eight' }] }), 'a rate is a decimal fraction'],
    ['negative rate', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '-0.08' }] }), 'a rate is a decimal fraction'],
    ['rate > 1', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '8' }] }), 'a rate is a fraction between 0 and 1'],
    ['rate 1.5', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '1.5' }] }), 'between 0 and 1'],
    ['missing value', JSON.stringify({ [RATE]: [{ from: '2018-01-01' }] }), '"value" is required'],
    ['bad date', JSON.stringify({ [RATE]: [{ from: '2018-02-30', value: '0.08' }] }), 'not a calendar date'],
    ['not a date', JSON.stringify({ [RATE]: [{ from: 'January 2018', value: '0.08' }] }), 'not a date'],
    ['missing from', JSON.stringify({ [RATE]: [{ value: '0.08' }] }), '"from" (YYYY-MM-DD) is required'],
    ['to before from', JSON.stringify({ [RATE]: [{ from: '2018-01-01', to: '2017-12-31', value: '0.08' }] }), '"to" is before "from"'],
    ['unknown field', JSON.stringify({ [RATE]: [{ from: '2018-01-01', valeu: '0.08', value: '0.08' }] }), 'unknown field "valeu"'],
    ['bad status', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '0.08', status: 'sure' }] }), '.status: one of verified, practice, unverified'],
    ['source not text', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '0.08', source: 51 }] }), '.source: a text is expected'],
    ['two entries with one start', JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '0.08' }, { from: '2018-01-01', value: '0.09' }] }), 'two entries with the same "from"'],
    ['amount with 3 decimals', JSON.stringify({ 'surcharge.exemption.monthly_sales': [{ from: '2016-02-01', value: '100000.001' }] }), 'at most 2 decimals'],
    ['count not whole', JSON.stringify({ 'subsidy.yearly_cap': [{ from: '2019-01-01', value: '2.5' }] }), 'a whole number is expected'],
    ['flag not yes/no', JSON.stringify({ 'eit.education_expense.full_deduction.airline': [{ from: '2011-01-01', value: 'true' }] }), '"yes" or "no" is expected'],
  ];

  it.each(refused)('%s is refused with a UsageError', (_what, text, message) => {
    let err: unknown;
    try {
      parseRulesFile(text, 'rules.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(message);
    expect((err as Error).message).toContain('rules.json');
  });

  it('every problem of the file is listed, not just the first', () => {
    const text = JSON.stringify({
      'no.such.key': [],
      [RATE]: [{ from: '2018-13-01', value: '2' }],
    });
    let message = '';
    try {
      parseRulesFile(text, 'r.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toHaveLength(3);
    expect(message).toContain('unknown parameter "no.such.key"');
    expect(message).toContain('"eit.education_expense.rate"[0].from');
    expect(message).toContain('"eit.education_expense.rate"[0].value');
  });

  it('a rate of exactly 0 or 1 is accepted', () => {
    expect(parseRulesFile(JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '0' }] }), 'r').get(RATE)?.[0]?.value).toBe('0');
    expect(parseRulesFile(JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '1' }] }), 'r').get(RATE)?.[0]?.value).toBe('1');
    expect(parseRulesFile(JSON.stringify({ [RATE]: [{ from: '2018-01-01', value: '.08' }] }), 'r').get(RATE)?.[0]?.value).toBe('0.08');
  });
});
