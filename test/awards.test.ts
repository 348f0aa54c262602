/**
 * Talent awards and grants (RULES §5, CONTRACT §6): a table per program at its boundaries. Rows
 * are built with the defaults of unit-helpers/awards.ts (a 2024 row with a valid recipient of the
 * program's kind) and changed only in what the case is about. Built-in amounts: studio grants
 * 50,000 (city, Ningbo, province) and 200,000 (national), the excellence reward 50,000 after 3
 * consecutive excellent years (once per studio), 上林 20,000 / 10,000 / 5,000, 技能之星 10,000 /
 * 6,000 / 3,000 for ranks 1–3 (4 and 5: 0.00, not paid) capped at 10,000, housing 30,000 (高级技师)
 * / 15,000 (技师), retention 600 a worker, the certification enterprise reward 10,000.
 */
import { describe, expect, it } from 'vitest';
import { awardOrder, computeAwards, decideAwards, AWARD_REASONS, PROGRAM_SPECS } from '../src/calculators/awards.js';
import { RuleGapError } from '../src/domain/errors.js';
import { AWARD_PROGRAMS } from '../src/domain/vocabulary.js';
import { PARAMS } from '../src/rules/params.js';
import { award, decide, E1, E2, one, outcomes, override, P1, P2, paid, pid, reviews, rules, S1 } from './unit-helpers/awards.js';

const PER_RUN = override({ 'awards.master_studio_rating.repeat': 'per_run' });

describe('every program of CONTRACT §2 has its rules', () => {
  it('PROGRAM_SPECS covers the awards programs', () => {
    expect(Object.keys(PROGRAM_SPECS).sort()).toEqual([...AWARD_PROGRAMS].sort());
  });

  it('the reason codes of CONTRACT §6 are among the codes', () => {
    for (const r of ['duplicate_award', 'not_three_consecutive', 'headcount_fell', 'unknown_level', 'level_already_granted', 'invalid_recipient_id', 'rank_not_awarded']) {
      expect(AWARD_REASONS).toContain(r);
    }
  });
});

describe('invalid_recipient_id: checked by the kind of recipient (RULES §6), a decision, not an input error', () => {
  const bad = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  it.each([
    ['a person: valid 身份证号', { program: 'shanglin_gold', recipient_id: P1 }, 'eligible 20000.00'],
    ['a person: wrong check character', { program: 'shanglin_gold', recipient_id: bad(P1) }, 'ineligible 0.00 invalid_recipient_id'],
    ['a person: 15 digits (the old number)', { program: 'housing_allowance', level: '1', recipient_id: P1.slice(0, 15) }, 'ineligible 0.00 invalid_recipient_id'],
    ['a person: birth date 1990-02-30', { program: 'skill_star', rank: 1, recipient_id: pid('1990-02-30') }, 'ineligible 0.00 invalid_recipient_id'],
    ['a person: a small x is an X', { program: 'shanglin_silver', recipient_id: '33028219880808121x' }, 'eligible 10000.00'],
    ['a person: a 统一社会信用代码 is no 身份证号', { program: 'shanglin_gold', recipient_id: E1 }, 'ineligible 0.00 invalid_recipient_id'],
    ['an enterprise: valid 统一社会信用代码', { program: 'certification_enterprise', rating: 'excellent', recipient_id: E1 }, 'eligible 10000.00'],
    ['an enterprise: wrong check character', { program: 'certification_enterprise', rating: 'excellent', recipient_id: E1.slice(0, 17) + 'X' }, 'ineligible 0.00 invalid_recipient_id'],
    ['an enterprise: a 身份证号 is no 统一社会信用代码', { program: 'shortage_retention', count: 3, prior_count: 3, recipient_id: P1 }, 'ineligible 0.00 invalid_recipient_id'],
    ['an enterprise: lower case is read upper case', { program: 'shortage_retention', count: 3, prior_count: 3, recipient_id: E1.toLowerCase() }, 'eligible 1800.00'],
    ['a studio: any text', { program: 'master_studio', level: 'city', recipient_id: '胡建国技能大师工作室' }, 'eligible 50000.00'],
  ] as const)('%s', (_what, a, want) => {
    expect(one(a)).toBe(want);
  });

  it('an invalid id still has the other reasons listed', () => {
    expect(one({ program: 'skill_star', rank: 4, recipient_id: bad(P1) })).toBe('ineligible 0.00 invalid_recipient_id;rank_not_awarded');
  });

  it('the id is reported upper-cased and cited by its standard', () => {
    const [d] = decide([award({ program: 'shanglin_silver', recipient_id: '33028219880808121x' })]);
    expect(d!.recipient).toBe('33028219880808121X');
    expect(d!.refs[0]).toBe('GB 11643-1999');
    const [e] = decide([award({ program: 'certification_enterprise', rating: 'excellent' })]);
    expect(e!.refs[0]).toBe('GB 32100-2015');
  });
});

describe('master_studio: the grant of each level once per studio, a promotion gets the new level’s grant', () => {
  const studio = (year: number, level: string | undefined, id?: string) => award({ program: 'master_studio', year, level, ...(id ? { award_id: id } : {}) });

  it.each([
    ['city', 'eligible 50000.00'],
    ['ningbo', 'eligible 50000.00'],
    ['province', 'eligible 50000.00'],
    ['national', 'eligible 200000.00'],
  ])('a new studio at %s level', (level, want) => {
    expect(one({ program: 'master_studio', level })).toBe(want);
  });

  it('promoted city → ningbo → province: each level once', () => {
    expect(outcomes([studio(2019, 'city'), studio(2021, 'ningbo'), studio(2023, 'province')])).toEqual(['eligible 50000.00', 'eligible 50000.00', 'eligible 50000.00']);
  });

  it('a level claimed again is refused, in the file or after the history', () => {
    expect(outcomes([studio(2019, 'city'), studio(2020, 'city')])).toEqual(['eligible 50000.00', 'ineligible 0.00 level_already_granted']);
    expect(outcomes([studio(2022, 'city')], [paid({ program: 'master_studio', level: 'city', year: 2016 })])).toEqual(['ineligible 0.00 level_already_granted']);
    expect(outcomes([studio(2022, 'ningbo')], [paid({ program: 'master_studio', level: 'city', year: 2016 })])).toEqual(['eligible 50000.00']);
  });

  it('a level below one already granted is refused too', () => {
    expect(outcomes([studio(2019, 'ningbo'), studio(2020, 'city')])).toEqual(['eligible 50000.00', 'ineligible 0.00 level_already_granted']);
  });

  it('the same level twice in one year: the first award_id is granted, whatever the file order', () => {
    expect(outcomes([studio(2020, 'city', 'B-2'), studio(2020, 'city', 'B-1')])).toEqual(['ineligible 0.00 level_already_granted', 'eligible 50000.00']);
  });

  it('another studio is not affected', () => {
    expect(outcomes([studio(2019, 'city'), award({ program: 'master_studio', recipient_id: 'CX-DSGZS-02', year: 2020, level: 'city' })])).toEqual(['eligible 50000.00', 'eligible 50000.00']);
  });

  it.each([
    ['no level', undefined],
    ['a level no studio has', 'county'],
    ['a skill level', '2'],
  ])('unknown_level: %s', (_what, level) => {
    expect(one({ program: 'master_studio', level })).toBe('ineligible 0.00 unknown_level');
  });

  it('an unverified amount says so in rule_refs', () => {
    const [d] = decide([studio(2022, 'ningbo')]);
    expect(d!.refs).toEqual(['慈溪市人力社保局 2021 答复 (seed: 相应补助, amount not given) [unverified]']);
    const [c] = decide([studio(2022, 'city')]);
    expect(c!.refs).toEqual(['慈溪市人力社保局 2021 答复 (seed) [practice]']);
  });
});

describe('master_studio_rating: the excellence reward in the year that completes three consecutive excellent reviews', () => {
  const E = 'excellent' as const;
  const G = 'good' as const;

  it('two consecutive excellent years: nothing due, nothing reported', () => {
    expect(outcomes(reviews([[2023, E], [2024, E]]))).toEqual(['-', '-']);
  });

  it('three: due in the third year', () => {
    expect(outcomes(reviews([[2022, E], [2023, E], [2024, E]]))).toEqual(['-', '-', 'eligible 50000.00']);
  });

  it('a year not excellent restarts the count', () => {
    expect(outcomes(reviews([[2020, E], [2021, E], [2022, G], [2023, E], [2024, E]]))).toEqual(['-', '-', '-', '-', '-']);
    expect(outcomes(reviews([[2019, E], [2020, E], [2021, G], [2022, E], [2023, E], [2024, E]]))).toEqual(['-', '-', '-', '-', '-', 'eligible 50000.00']);
  });

  it.each(['good', 'pass', 'fail'] as const)('a review rated %s is never reported', (rating) => {
    expect(outcomes(reviews([[2022, E], [2023, E], [2024, rating]]))).toEqual(['-', '-', '-']);
  });

  it('a missing year restarts the count: the third excellent review is refused not_three_consecutive, three more years pay', () => {
    expect(outcomes(reviews([[2018, E], [2019, E], [2021, E], [2022, E], [2023, E]]))).toEqual(['-', '-', 'ineligible 0.00 not_three_consecutive', '-', 'eligible 50000.00']);
  });

  it('six in a row, repeat once (the default): the first run pays, the second is refused duplicate_award', () => {
    const rows = reviews([[2019, E], [2020, E], [2021, E], [2022, E], [2023, E], [2024, E]]);
    expect(outcomes(rows)).toEqual(['-', '-', 'eligible 50000.00', '-', '-', 'ineligible 0.00 duplicate_award']);
  });

  it('six in a row, repeat per_run: each run of three pays', () => {
    const rows = reviews([[2019, E], [2020, E], [2021, E], [2022, E], [2023, E], [2024, E]]);
    expect(outcomes(rows, [], PER_RUN)).toEqual(['-', '-', 'eligible 50000.00', '-', '-', 'eligible 50000.00']);
  });

  it('seven in a row pay no more than six', () => {
    const rows = reviews([[2018, E], [2019, E], [2020, E], [2021, E], [2022, E], [2023, E], [2024, E]]);
    expect(outcomes(rows, [], PER_RUN).filter((o) => o !== '-')).toEqual(['eligible 50000.00', 'eligible 50000.00']);
  });

  it('once: a run after a break is refused when a reward was paid before', () => {
    const rows = reviews([[2017, E], [2018, E], [2019, E], [2020, G], [2021, E], [2022, E], [2023, E]]);
    expect(outcomes(rows)).toEqual(['-', '-', 'eligible 50000.00', '-', '-', '-', 'ineligible 0.00 duplicate_award']);
    expect(outcomes(rows, [], PER_RUN)).toEqual(['-', '-', 'eligible 50000.00', '-', '-', '-', 'eligible 50000.00']);
  });

  it('the history already paid (once): the next run is refused', () => {
    const history = [paid({ program: 'master_studio_rating', year: 2020 })];
    expect(outcomes(reviews([[2022, E], [2023, E], [2024, E]]), history)).toEqual(['-', '-', 'ineligible 0.00 duplicate_award']);
  });

  it('a reward in the history stands for its three years: the run continues into the file', () => {
    // paid for 2019–2021; the file has 2022–2024 only: 2024 completes the sixth year
    const history = [paid({ program: 'master_studio_rating', year: 2021 })];
    const rows = reviews([[2022, E], [2023, E], [2024, E]]);
    expect(outcomes(rows, history, PER_RUN)).toEqual(['-', '-', 'eligible 50000.00']);
    expect(outcomes(rows, history)).toEqual(['-', '-', 'ineligible 0.00 duplicate_award']);
    // the same run paid in the history for its own year: refused under per_run too
    expect(outcomes(reviews([[2019, E], [2020, E], [2021, E]]), history, PER_RUN)).toEqual(['-', '-', 'ineligible 0.00 duplicate_award']);
  });

  it('another studio’s history does not count', () => {
    const history = [paid({ program: 'master_studio_rating', recipient_id: 'CX-OTHER', year: 2020 })];
    expect(outcomes(reviews([[2022, E], [2023, E], [2024, E]]), history)).toEqual(['-', '-', 'eligible 50000.00']);
  });

  it('the file order does not matter', () => {
    const rows = reviews([[2024, E], [2021, E], [2023, E], [2022, E], [2020, G]]);
    expect(outcomes(rows)).toEqual(['-', '-', 'eligible 50000.00', '-', '-']);
  });

  it('a bureau sets the years with --rules: two consecutive excellent years', () => {
    expect(outcomes(reviews([[2023, E], [2024, E]]), [], override({ 'awards.master_studio_rating.years': '2' }))).toEqual(['-', 'eligible 50000.00']);
  });

  it('the repeat rule is cited with its status', () => {
    const d = decide(reviews([[2022, E], [2023, E], [2024, E]])).at(-1)!;
    expect(d.refs).toContain('慈溪市人力社保局 2021 答复 (seed wording, repeat rule not stated) [unverified]');
    expect(d.refs).toContain('慈溪市人力社保局 2021 答复 (seed: 连续三年考核优秀) [practice]');
  });
});

describe('上林金匠 / 银匠 / 工匠: the title’s amount once per person per title, with 工会疗休养', () => {
  it.each([
    ['shanglin_gold', 'eligible 20000.00'],
    ['shanglin_silver', 'eligible 10000.00'],
    ['shanglin_craftsman', 'eligible 5000.00'],
  ] as const)('%s', (program, want) => {
    expect(one({ program })).toBe(want);
    expect(decide([award({ program })])[0]!.benefits).toEqual(['工会疗休养']);
  });

  it('a duplicate title is refused, and gets no benefit', () => {
    const rows = [award({ program: 'shanglin_gold', year: 2023 }), award({ program: 'shanglin_gold', year: 2024 })];
    expect(outcomes(rows)).toEqual(['eligible 20000.00', 'ineligible 0.00 duplicate_award']);
    expect(decide(rows)[1]!.benefits).toEqual([]);
  });

  it('another title, or another person, is paid', () => {
    expect(outcomes([award({ program: 'shanglin_craftsman', year: 2022 }), award({ program: 'shanglin_silver', year: 2023 }), award({ program: 'shanglin_gold', year: 2024 })])).toEqual([
      'eligible 5000.00',
      'eligible 10000.00',
      'eligible 20000.00',
    ]);
    expect(outcomes([award({ program: 'shanglin_gold' }), award({ program: 'shanglin_gold', recipient_id: P2 })])).toEqual(['eligible 20000.00', 'eligible 20000.00']);
  });

  it('the history already paid the title', () => {
    expect(one({ program: 'shanglin_craftsman' }, [paid({ program: 'shanglin_craftsman', year: 2021 })])).toBe('ineligible 0.00 duplicate_award');
    expect(one({ program: 'shanglin_silver' }, [paid({ program: 'shanglin_craftsman', year: 2021 })])).toBe('eligible 10000.00');
  });

  it('an invalid 身份证号 does not use up the title', () => {
    const bad = P1.slice(0, 17) + (P1[17] === '0' ? '1' : '0');
    expect(outcomes([award({ program: 'shanglin_gold', year: 2023, recipient_id: bad }), award({ program: 'shanglin_gold', year: 2024 })])).toEqual([
      'ineligible 0.00 invalid_recipient_id',
      'eligible 20000.00',
    ]);
  });
});

describe('skill_star: the rank’s amount within the event, at most 10,000, once per person per event', () => {
  const EVENT = '2024年慈溪市技能之星大赛';
  it.each([
    [1, 'eligible 10000.00'],
    [2, 'eligible 6000.00'],
    [3, 'eligible 3000.00'],
    [4, 'ineligible 0.00 rank_not_awarded'],
    [5, 'ineligible 0.00 rank_not_awarded'],
    [6, 'ineligible 0.00 rank_not_awarded'],
    [0, 'ineligible 0.00 rank_not_awarded'],
  ])('rank %i', (rank, want) => {
    expect(one({ program: 'skill_star', rank, event: EVENT })).toBe(want);
  });

  it('the titles go in benefits', () => {
    expect(decide([award({ program: 'skill_star', rank: 2 })])[0]!.benefits).toEqual(['技能之星', '慈溪市技术能手']);
  });

  it('the cap holds when a bureau sets a rank above it; a rank given an amount is paid', () => {
    const r = override({ 'awards.skill_star.amount.rank1': '12000.00', 'awards.skill_star.amount.rank4': '1000.00' });
    expect(one({ program: 'skill_star', rank: 1 }, [], r)).toBe('eligible 10000.00');
    expect(one({ program: 'skill_star', rank: 4 }, [], r)).toBe('eligible 1000.00');
  });

  it('once per person per event: in the file, against the history; another event pays', () => {
    const rows = [award({ program: 'skill_star', rank: 1, event: EVENT }), award({ program: 'skill_star', rank: 3, event: ` ${EVENT}` })];
    expect(outcomes(rows)).toEqual(['eligible 10000.00', 'ineligible 0.00 duplicate_award']);
    expect(one({ program: 'skill_star', rank: 2, event: EVENT }, [paid({ program: 'skill_star', year: 2024, event: EVENT })])).toBe('ineligible 0.00 duplicate_award');
    expect(one({ program: 'skill_star', rank: 2, event: EVENT }, [paid({ program: 'skill_star', year: 2022, event: '2022年慈溪市技能之星大赛' })])).toBe('eligible 6000.00');
  });

  it('an unnamed event is its year', () => {
    expect(outcomes([award({ program: 'skill_star', rank: 1, year: 2022 }), award({ program: 'skill_star', rank: 1, year: 2024 })])).toEqual(['eligible 10000.00', 'eligible 10000.00']);
    expect(one({ program: 'skill_star', rank: 1, year: 2022 }, [paid({ program: 'skill_star', year: 2022 })])).toBe('ineligible 0.00 duplicate_award');
  });
});

describe('housing_allowance: by the level held on the award date, once per person', () => {
  it.each([
    ['1', 'eligible 30000.00'],
    ['2', 'eligible 15000.00'],
    ['3', 'ineligible 0.00 level_not_covered'],
    ['5', 'ineligible 0.00 level_not_covered'],
    ['province', 'ineligible 0.00 unknown_level'],
    [undefined, 'ineligible 0.00 unknown_level'],
  ])('level %s', (level, want) => {
    expect(one({ program: 'housing_allowance', level })).toBe(want);
  });

  it('once per person: a second allowance, even at a higher level, is refused', () => {
    expect(outcomes([award({ program: 'housing_allowance', level: '2', year: 2022 }), award({ program: 'housing_allowance', level: '1', year: 2024 })])).toEqual([
      'eligible 15000.00',
      'ineligible 0.00 duplicate_award',
    ]);
    expect(one({ program: 'housing_allowance', level: '1' }, [paid({ program: 'housing_allowance', level: '2' })])).toBe('ineligible 0.00 duplicate_award');
  });

  it('a refused level does not use up the allowance', () => {
    expect(outcomes([award({ program: 'housing_allowance', level: '3', year: 2022 }), award({ program: 'housing_allowance', level: '2', year: 2024 })])).toEqual([
      'ineligible 0.00 level_not_covered',
      'eligible 15000.00',
    ]);
  });

  it('the 高级技师 amount is the secondary source, the 技师 amount unverified', () => {
    expect(decide([award({ program: 'housing_allowance', level: '1' })])[0]!.refs).toContain('宁波 高技能人才生活安居补助 (secondary source) [practice]');
    expect(decide([award({ program: 'housing_allowance', level: '2' })])[0]!.refs.at(-1)).toMatch(/\[unverified\]$/);
  });
});

describe('shortage_retention: 600 a worker when the headcount is not below last year’s', () => {
  it.each([
    ['equal', 16, 16, 'eligible 9600.00'],
    ['up', 17, 16, 'eligible 10200.00'],
    ['one lower', 15, 16, 'ineligible 0.00 headcount_fell'],
    ['none left', 0, 3, 'ineligible 0.00 headcount_fell'],
    ['none either year', 0, 0, 'ineligible 0.00 no_workers'],
  ])('%s: %i against %i', (_what, count, prior_count, want) => {
    expect(one({ program: 'shortage_retention', count, prior_count })).toBe(want);
  });

  it('once per enterprise a year; another year or enterprise pays', () => {
    const rows = [
      award({ program: 'shortage_retention', count: 5, prior_count: 5, award_id: 'X1' }),
      award({ program: 'shortage_retention', count: 6, prior_count: 5, award_id: 'X2' }),
      award({ program: 'shortage_retention', count: 6, prior_count: 5, recipient_id: E2 }),
      award({ program: 'shortage_retention', count: 6, prior_count: 5, year: 2023 }),
    ];
    expect(outcomes(rows)).toEqual(['eligible 3000.00', 'ineligible 0.00 duplicate_award', 'eligible 3600.00', 'eligible 3600.00']);
  });

  it('before the Ningbo 2023 rule there is nothing in force: an error, not a default', () => {
    expect(() => one({ program: 'shortage_retention', count: 5, prior_count: 5, year: 2022 })).toThrow(RuleGapError);
    expect(() => one({ program: 'shortage_retention', count: 5, prior_count: 5, year: 2022 })).toThrow(/no value of awards\.shortage_retention\.amount_per_worker is in force for 2022-12-31/);
  });
});

describe('certification_enterprise: the reward for an enterprise rated excellent, once a year', () => {
  it.each([
    ['excellent', 'eligible 10000.00'],
    ['good', 'ineligible 0.00 not_excellent'],
    ['pass', 'ineligible 0.00 not_excellent'],
    ['fail', 'ineligible 0.00 not_excellent'],
  ] as const)('%s', (rating, want) => {
    expect(one({ program: 'certification_enterprise', rating })).toBe(want);
  });

  it('twice in a year is refused; the next year pays; the amount is unverified', () => {
    const rows = [
      award({ program: 'certification_enterprise', rating: 'excellent', year: 2023 }),
      award({ program: 'certification_enterprise', rating: 'excellent', year: 2023 }),
      award({ program: 'certification_enterprise', rating: 'excellent', year: 2024 }),
    ];
    expect(outcomes(rows)).toEqual(['eligible 10000.00', 'ineligible 0.00 duplicate_award', 'eligible 10000.00']);
    expect(decide([rows[0]!])[0]!.refs.at(-1)).toMatch(/amount not given\) \[unverified\]$/);
  });
});

describe('rule_refs is a ;-separated list', () => {
  it('no built-in award source holds a ";"', () => {
    for (const p of PARAMS.filter((x) => x.key.startsWith('awards.'))) for (const e of p.entries) expect(e.source, p.key).not.toContain(';');
  });

  it('a --rules source with ";" is cited with "," instead', () => {
    const r = rules.withOverrides(new Map([['awards.shanglin_gold.amount', [{ from: '2008-01-01', value: '20000.00', source: '慈溪 细则; 第三条', status: 'verified' as const }]]]));
    expect(decide([award({ program: 'shanglin_gold' })], [], r)[0]!.refs).toEqual(['GB 11643-1999', '慈溪 细则, 第三条 [verified]', '慈溪市人力社保局 2021 答复 (seed) [practice]']);
  });
});

describe('the order of decision: (year, award date, award_id)', () => {
  it('sorts by year, then the award date (default 12-31), then award_id', () => {
    const a = award({ program: 'shanglin_gold', year: 2024, award_id: 'Z' });
    const b = award({ program: 'shanglin_gold', year: 2024, award_id: 'A', award_date: '2025-01-05' });
    const c = award({ program: 'shanglin_gold', year: 2024, award_id: 'M', award_date: '2024-05-01' });
    const d = award({ program: 'shanglin_gold', year: 2023, award_id: 'ZZ' });
    expect([a, b, c, d].sort(awardOrder).map((x) => x.award_id)).toEqual(['ZZ', 'M', 'Z', 'A']);
  });

  it('parameters are read on the award date', () => {
    const r = rules.withOverrides(
      new Map([
        [
          'awards.shanglin_gold.amount',
          [
            { from: '2008-01-01', value: '20000.00', source: 'old', status: 'practice' as const },
            { from: '2024-07-01', value: '30000.00', source: 'new', status: 'unverified' as const },
          ],
        ],
      ]),
    );
    expect(one({ program: 'shanglin_gold', award_date: '2024-06-30' }, [], r)).toBe('eligible 20000.00');
    expect(one({ program: 'shanglin_gold' }, [], r)).toBe('eligible 30000.00');
  });
});

describe('computeAwards: --year and --explain', () => {
  const rows = [
    award({ program: 'shanglin_gold', year: 2023, award_id: 'G-2023' }),
    award({ program: 'shanglin_gold', year: 2024, award_id: 'G-2024' }),
    ...reviews([[2023, 'excellent'], [2024, 'excellent']]),
  ];
  const ctx = { rules, force: false, paths: { awards: 'awards.csv' } };

  it('reports the rows of the year asked for; earlier rows still count; reviews with nothing due are left out', () => {
    const all = computeAwards({ awards: rows }, { ...ctx, range: {} });
    expect(all.decisions.map((d) => d.award.award_id)).toEqual(['G-2023', 'G-2024']);
    const y = computeAwards({ awards: rows }, { ...ctx, range: { year: 2024 } });
    expect(y.decisions.map((d) => [d.award.award_id, d.status, d.reasons])).toEqual([['G-2024', 'ineligible', ['duplicate_award']]]);
  });

  it('traces only the row asked for, a review with nothing due too, the 身份证号 masked', () => {
    expect(computeAwards({ awards: rows }, { ...ctx, range: {} }).trace).toBeUndefined();
    const t = computeAwards({ awards: rows }, { ...ctx, range: {}, explain: ' G-2024 ' }).trace!;
    expect(t.subject).toBe('G-2024');
    expect(t.sections[0]!.title).toBe('ineligible (duplicate_award)');
    expect(t.sections[0]!.steps.find((s) => s.label === 'once per person (上林金匠)')!.how).toBe('already paid: award G-2023 (2023)');
    expect(JSON.stringify(t)).not.toContain(P1);
    expect(t.heading[0]).toContain(P1.slice(0, 6) + '********' + P1.slice(-4));
    const review = computeAwards({ awards: rows }, { ...ctx, range: {}, explain: `R-${S1}-2024` }).trace!;
    expect(review.sections[0]!.title).toBe('nothing due (not in award-payments.csv)');
    expect(review.sections[0]!.steps.find((s) => s.label === 'consecutive excellent years')!.value).toBe('2');
  });

  it('every parameter a step cites was read, with its status', () => {
    const t = computeAwards({ awards: rows }, { ...ctx, range: {}, explain: 'G-2023' }).trace!;
    const amount = t.sections[0]!.steps.find((s) => s.label === 'amount')!;
    expect(amount.params).toEqual([{ key: 'awards.shanglin_gold.amount', on: '2023-12-31', value: '20000.00', source: '慈溪市人力社保局 2021 答复 (seed)', status: 'practice', origin: 'built-in' }]);
    expect(t.reads.map((r) => r.key)).toEqual(['awards.shanglin_gold.amount', 'awards.shanglin_gold.benefits']);
  });

  it('decideAwards decides every row, reported or not', () => {
    expect(decideAwards(rules, { awards: rows, history: [] })).toHaveLength(4);
  });
});
