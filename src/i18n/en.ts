/**
 * The English catalogue: the keys of every user-facing message, by area. The Chinese catalogue
 * (zh.ts) has exactly these keys (its type is derived from this object). Keep each area's keys
 * between its markers, sorted as the code uses them.
 */
/** A message: plain text, or text made from named parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((p: any) => string);

export const en = {
  // --- common ---
  'common.nothingWritten': 'nothing was written',
  // --- end common ---
  // --- cli ---
  'cli.problemsInInput': (p: { n: number; truncated: boolean }) =>
    `${p.n} problem${p.n === 1 ? '' : 's'} in the input${p.truncated ? ' (more not shown: raise --max-errors)' : ''}; nothing was written`,
  'cli.amountTooLarge': 'check the inputs for an amount typed too large; nothing was written',
  'cli.internalError': (p: { what: string; debug: boolean }) =>
    `internal error: ${p.what}${p.debug ? '' : ' (SKILLTAX_DEBUG=1 shows where)'}; nothing was written; please report it`,
  // --- end cli ---
  // --- run ---
  // --- end run ---
  // --- report ---
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  // --- end io ---
  // --- deduct ---
  // --- end deduct ---
  // --- credit ---
  // --- end credit ---
  // --- subsidy ---
  'subsidy.noun': 'the training subsidies',
  'subsidy.summary': 'training subsidy eligibility: five programs, the per-person rules across claims and years',
  'subsidy.description':
    'Decides, for every claim in trainees.csv, whether it is eligible and for how much, and lists every reason when ' +
    'it is not: the person (身份证号, working age, group), the certificate, the catalogue, the program conditions, and ' +
    'the rules across claims and history (once per occupation and level, no lower level after a higher one, one ' +
    'subsidy per certificate, at most 3 a year, month limits). Claims are decided in (claim_date, claim_id) order.',
  'subsidy.exitStatus': 'Exit status: 0 done (ineligible claims are decisions, not errors); 2 nothing written.',
  'subsidy.input.trainees': 'trainees.csv: the claims',
  'subsidy.input.catalog': 'catalog.csv: amounts by program, occupation and level (see fixtures/catalog-example.csv)',
  'subsidy.input.history': 'history.csv: subsidies paid before',
  'subsidy.input.qualifications': 'qualifications.csv (an individual_business employer excludes skill_upgrade)',
  'subsidy.range.year': 'report the claims made in this year (earlier claims in the file still count against them)',
  'subsidy.explain.help': 'print a step-by-step account of one claim',
  'subsidy.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such claim_id in ${p.file}`,
  'subsidy.report.subsidies': 'write subsidies.csv here (default: standard output)',
  'subsidy.report.summary': 'write subsidy-summary.csv (enterprise_id, program, claims, eligible, amount) here',
  'subsidy.title': 'Training subsidies (职业技能培训补贴)',
  'subsidy.item.claims': 'claims',
  'subsidy.item.persons': 'persons',
  'subsidy.item.eligible': 'eligible',
  'subsidy.item.ineligible': 'ineligible',
  'subsidy.item.totalAmount': 'total amount',
  'subsidy.afterword': (p: { claims: number; persons: number; eligible: number; amount: string }) =>
    `subsidy: ${p.claims} claim${p.claims === 1 ? '' : 's'} of ${p.persons} person${p.persons === 1 ? '' : 's'}, ${p.eligible} eligible, ${p.claims - p.eligible} ineligible, amount ${p.amount}`,
  'subsidy.none': '(none)',
  'subsidy.paid.history': (p: { line: number; program: string; date: string }) => `history line ${p.line} (${p.program}, paid ${p.date})`,
  'subsidy.paid.claim': (p: { id: string; program: string; date: string }) => `claim ${p.id} (${p.program}, claimed ${p.date})`,
  'subsidy.check.personId': '身份证号',
  'subsidy.check.workingAge': 'working age',
  'subsidy.check.group': 'group',
  'subsidy.check.certificate': 'certificate',
  'subsidy.check.claimAfterCertificate': 'claimed after the certificate',
  'subsidy.check.route': 'route',
  'subsidy.check.claimWindow': 'claim window',
  'subsidy.check.level': 'level',
  'subsidy.check.insuredMonths': 'insured months',
  'subsidy.check.contract': 'labour contract',
  'subsidy.check.certificateHeld': 'certificate held',
  'subsidy.check.shortageOccupation': 'shortage occupation',
  'subsidy.check.onceOccupationLevel': 'once per occupation and level',
  'subsidy.check.noLowerAfterHigher': 'no lower level after a higher one',
  'subsidy.check.oncePerCertificate': 'one subsidy per certificate',
  'subsidy.check.oncePerPerson': 'once per person',
  'subsidy.check.yearlyCap': 'yearly cap',
  'subsidy.check.programYear': (p: { program: string }) => `${p.program} a year`,
  'subsidy.check.catalogue': 'catalogue',
  'subsidy.check.withinYears': 'within the years of the first payment',
  'subsidy.check.monthsPerPerson': 'months per person',
  'subsidy.step.monthlyRegime': 'monthly regime',
  'subsidy.step.decidingDate': 'deciding date',
  'subsidy.step.catalogueRow': 'catalogue row',
  'subsidy.step.amount': 'amount',
  'subsidy.step.decision': 'decision',
  'subsidy.how.personIdValid': 'valid check character and birth date',
  'subsidy.how.workingAge': (p: { age: number; on: string; male: boolean; min: number; retire: number; line: number | undefined }) =>
    `${p.age} on ${p.on} (${p.male ? 'man' : 'woman'}; ${p.min} ≤ age < ${p.retire}${p.line !== undefined ? `; the occupation's limits, catalog.csv line ${p.line}` : ''})`,
  'subsidy.how.groupNever': (p: { group: string }) => `${p.group} is never subsidised`,
  'subsidy.how.groupOnly': (p: { program: string; allowed: readonly string[]; group: string }) => `${p.program} is for ${p.allowed.join(', ')} only, not ${p.group}`,
  'subsidy.how.employerNone': 'skill_upgrade is for employees of an enterprise: the claim names none',
  'subsidy.how.employerIndividual': (p: { id: string; from: string }) => `the employer ${p.id} is a 个体工商户 (qualifications: individual_business ${p.from}…)`,
  'subsidy.how.certificate': (p: { type: string; no: string | undefined; date: string }) => `${p.type} ${p.no ?? ''} of ${p.date}`.replace('  ', ' '),
  'subsidy.how.noCertificate': 'no certificate',
  'subsidy.how.noCertificateDate': 'no certificate date',
  'subsidy.how.claimAfterCertificate': (p: { claimed: string; certificate: string }) => `claimed ${p.claimed}, certificate of ${p.certificate}`,
  'subsidy.how.routeExcluded': (p: { route: string }) => `${p.route} certificates are no basis for the training subsidy`,
  'subsidy.how.claimWindow': (p: { claimed: string; ok: boolean; deadline: string; months: number }) =>
    `claimed ${p.claimed}, ${p.ok ? 'by' : 'after'} ${p.deadline} (${p.months} months after the certificate)`,
  'subsidy.how.level': (p: { level: string; levels: readonly string[] }) => `${p.level}; paid for levels ${p.levels.join(', ')}`,
  'subsidy.how.insuredForCertificate': (p: { have: number; need: number; date: string }) => `${p.have} (at least ${p.need} for a certificate of ${p.date})`,
  'subsidy.how.insured': (p: { have: number; need: number }) => `${p.have} (at least ${p.need})`,
  'subsidy.how.contract': (p: { have: number; need: number }) => `${p.have} months (at least ${p.need})`,
  'subsidy.how.certificateHeld': (p: { certificate: string; years: number; since: string; claimed: string }) =>
    `certificate of ${p.certificate}, ${p.years} years on ${p.since}; claimed ${p.claimed}`,
  'subsidy.how.shortage': (p: { occupation: string }) => `${p.occupation} is marked shortage`,
  'subsidy.how.notShortage': (p: { line: number; occupation: string | undefined }) => `the catalogue row (line ${p.line}) does not mark ${p.occupation} as a shortage occupation`,
  'subsidy.how.levelPaid': (p: { occupation: string; level: string; paid: string }) => `${p.occupation} level ${p.level} already paid: ${p.paid}`,
  'subsidy.how.noEarlierLevel': (p: { occupation: string; level: number }) => `no earlier ${p.occupation} level ${p.level}`,
  'subsidy.how.higherPaid': (p: { level: string; occupation: string; paid: string }) => `level ${p.level} of ${p.occupation} already paid: ${p.paid}`,
  'subsidy.how.noHigherPaid': 'no higher level paid',
  'subsidy.how.certificatePaid': (p: { no: string; paid: string }) => `certificate ${p.no} already paid: ${p.paid}`,
  'subsidy.how.certificateNotPaid': (p: { no: string }) => `certificate ${p.no} not paid before`,
  'subsidy.how.shortagePaid': (p: { paid: string }) => `a shortage post subsidy was already paid: ${p.paid}`,
  'subsidy.how.nonePaid': 'none paid before',
  'subsidy.how.yearlyCap': (p: { n: number; year: number; paid: readonly string[]; cap: number }) =>
    `${p.n} counted subsidies already in ${p.year}${p.n ? ': ' + p.paid.join(', ') : ''} (at most ${p.cap})`,
  'subsidy.how.programYear': (p: { n: number; program: string; year: number; cap: number; urgent: boolean }) =>
    `${p.n} ${p.program} subsidies already in ${p.year} (at most ${p.cap}${p.urgent ? ', urgent occupation' : ''})`,
  'subsidy.how.monthlyRegime': (p: { date: string; paid: string }) => `first paid ${p.date} (${p.paid}), before the one-off of 甬人社发〔2023〕22号`,
  'subsidy.how.byCertificateDate': 'the certificate date (rules and catalogue in force when it was obtained)',
  'subsidy.how.byClaimDateNoCertificate': 'the claim date (no certificate date)',
  'subsidy.how.byClaimDate': 'the claim date',
  'subsidy.how.catalogueRow': (p: {
    line: number;
    program: string;
    occupation: string;
    level: string;
    certificate: string | undefined;
    from: string;
    to: string;
    shortage: boolean;
    urgent: boolean;
  }) =>
    `${p.line ? `line ${p.line}` : "the monthly regime's parameter"}: ${p.program}, occupation ${p.occupation}, level ${p.level}${p.certificate ? `, certificate ${p.certificate === 'none' ? 'none (ended without one)' : p.certificate}` : ''}, valid ${p.from}…${p.to}${p.shortage ? ', shortage' : ''}${p.urgent ? ', urgent' : ''}`,
  'subsidy.how.noCatalogueRow': (p: { program: string; occupation: string; on: string }) => `no ${p.program} row for occupation ${p.occupation} valid on ${p.on}`,
  'subsidy.how.noCatalogueLevel': (p: { program: string; occupation: string | undefined; on: string; level: string }) =>
    `the catalogue has ${p.program} rows for ${p.occupation} on ${p.on}, none for level ${p.level}`,
  'subsidy.how.withinYears': (p: { first: string; paid: string; claimed: string; ok: boolean; until: string }) =>
    `first monthly payment ${p.first} (${p.paid}); claimed ${p.claimed}, ${p.ok ? 'by' : 'after'} ${p.until}`,
  'subsidy.how.monthsNotGiven': 'a monthly shortage_post claim gives the months it covers (column months): none given',
  'subsidy.how.months': (p: { months: number; used: number; limit: number; left: number }) =>
    `${p.months} claimed, ${p.used} paid before, at most ${p.limit}: ${p.left === 0 ? 'none left' : p.months > p.left ? `${p.left} paid` : 'all paid'}`,
  'subsidy.how.amountPerClaim': 'the catalogue amount',
  'subsidy.how.amountPerMonth': (p: { amount: string; months: number }) => `${p.amount} × ${p.months} months`,
  'subsidy.how.amountPerYear': (p: { amount: string; months: number }) => `round(${p.amount} × ${p.months} / 12)`,
  'subsidy.how.reasons': (p: { reasons: readonly { code: string; text: string }[] }) => p.reasons.map((r) => r.code).join(';'),
  'subsidy.explain.heading1': (p: { id: string; program: string; person: string; group: string; employer: string | undefined }) =>
    `Training subsidy claim ${p.id}: ${p.program}, person ${p.person}, group ${p.group}${p.employer ? `, employer ${p.employer}` : ''}`,
  'subsidy.explain.heading2': (p: { occupation: string; level: string; claimed: string }) =>
    `occupation ${p.occupation}, level ${p.level}, claimed ${p.claimed}. Claims are decided in (claim_date, claim_id) order;`,
  'subsidy.explain.heading3': 'earlier eligible claims and the history count against later ones.',
  'subsidy.explain.outcome': (p: { eligible: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.eligible ? `eligible ${p.amount}` : 'ineligible'}${p.reasons.length ? ` (${p.reasons.map((r) => r.code).join(';')})` : ''}`,
  'subsidy.reason.invalid_person_id': 'the 身份证号 is not valid (check character or birth date)',
  'subsidy.reason.age_out_of_range': "age outside the working age (or the occupation's own limits)",
  'subsidy.reason.group_not_eligible': "the person's group is not one the program admits",
  'subsidy.reason.no_certificate': 'no certificate (or no certificate date)',
  'subsidy.reason.route_excluded': 'a certificate by a route the training subsidy excludes (self-evaluation, dual certificate, apprenticeship)',
  'subsidy.reason.claim_window_expired': 'claim filed after the claim window',
  'subsidy.reason.not_in_catalog': 'no catalogue row for the program, occupation and date (or not a shortage occupation)',
  'subsidy.reason.level_not_covered': 'the level is not one the program pays for',
  'subsidy.reason.insured_months_insufficient': 'too few months insured against unemployment (失业保险参保)',
  'subsidy.reason.contract_too_short': 'the labour contract is too short',
  'subsidy.reason.duration_exceeded': 'beyond the months or years the program pays a person',
  'subsidy.reason.cert_held_too_short': 'the certificate not held long enough',
  'subsidy.reason.duplicate_occupation_level': 'already subsidised for this occupation and level (or for this once-only program)',
  'subsidy.reason.lower_level_after_higher': 'a lower level after a higher one of the same occupation was subsidised',
  'subsidy.reason.certificate_already_used': 'the certificate has already been subsidised',
  'subsidy.reason.yearly_cap_reached': "the person's subsidies of the year reached the yearly limit",
  'subsidy.reason.program_cap_reached': "the program's limit is reached",
  'subsidy.reason.claim_before_certificate': 'claimed before the certificate was obtained',
  'subsidy.reason.employer_required': 'the program is for employees of an enterprise (no 个体工商户)',
  // --- end subsidy ---
  // --- awards ---
  'awards.noun': 'the talent awards',
  'awards.summary': 'talent awards and grants: master studios, 上林名匠, 技能之星, housing support, retention, certification enterprises',
  'awards.description':
    'Decides, for every row of awards.csv, whether the award is due and how much, with every reason when it is not: ' +
    "the recipient id (身份证号, 统一社会信用代码, or a studio id), the program's rule (studio level and promotions, three " +
    'consecutive excellent reviews, the 技能之星 rank, the housing level, the retention headcount, the enterprise review) and ' +
    'the once-only rules across rows and award-history.csv. Rows are decided in (year, award date, award_id) order; a ' +
    'studio review appears in the report only when a reward falls due or is refused.',
  'awards.exitStatus': 'Exit status: 0 done (refused awards are decisions, not errors); 2 nothing written.',
  'awards.input.awards': 'awards.csv: the award rows (one per grant, title, review or claim)',
  'awards.input.history': 'award-history.csv: awards paid before (the once-only rules hold across runs)',
  'awards.range.year': 'report the awards of this year (earlier rows in the file still count against them)',
  'awards.explain.help': 'print a step-by-step account of one award row',
  'awards.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such award_id in ${p.file}`,
  'awards.report.payments': 'write award-payments.csv here (default: standard output)',
  'awards.title': 'Talent awards and grants (人才奖励)',
  'awards.item.awards': 'awards',
  'awards.item.recipients': 'recipients',
  'awards.item.eligible': 'eligible',
  'awards.item.ineligible': 'ineligible',
  'awards.item.totalAmount': 'total amount',
  'awards.afterword': (p: { awards: number; recipients: number; eligible: number; amount: string }) =>
    `awards: ${p.awards} award${p.awards === 1 ? '' : 's'} of ${p.recipients} recipient${p.recipients === 1 ? '' : 's'}, ${p.eligible} eligible, ${p.awards - p.eligible} ineligible, amount ${p.amount}`,
  'awards.none': '(none)',
  'awards.paid.history': (p: { line: number; id: string; year: number }) => `award-history.csv line ${p.line} (${p.id}, ${p.year})`,
  'awards.paid.award': (p: { id: string; year: number }) => `award ${p.id} (${p.year})`,
  'awards.program.master_studio': '技能大师工作室 construction grant',
  'awards.program.master_studio_rating': '技能大师工作室 yearly review (excellence reward)',
  'awards.program.shanglin_gold': '上林金匠',
  'awards.program.shanglin_silver': '上林银匠',
  'awards.program.shanglin_craftsman': '上林工匠',
  'awards.program.skill_star': '技能之星 competition',
  'awards.program.housing_allowance': '高技能人才生活安居补助',
  'awards.program.shortage_retention': 'shortage high-skill worker retention award',
  'awards.program.certification_enterprise': '职业技能等级认定 enterprise review reward',
  'awards.check.personId': '身份证号',
  'awards.check.uscc': '统一社会信用代码',
  'awards.check.oncePerPersonTitle': (p: { title: string }) => `once per person (${p.title})`,
  'awards.check.studioLevel': 'studio level',
  'awards.check.eachLevelOnce': 'each level once',
  'awards.check.review': 'review',
  'awards.check.excellentYears': 'consecutive excellent years',
  'awards.check.oncePerStudio': 'once per studio',
  'awards.check.oncePerRun': 'once per run',
  'awards.check.consecutiveYears': 'consecutive years',
  'awards.check.event': 'event',
  'awards.check.rank': 'rank',
  'awards.check.oncePerEvent': 'once per person per event',
  'awards.check.skillLevel': 'skill level',
  'awards.check.oncePerPerson': 'once per person',
  'awards.check.headcountKept': 'headcount kept',
  'awards.check.workers': 'workers',
  'awards.check.oncePerEnterpriseYear': 'once per enterprise a year',
  'awards.step.decidedOn': 'decided on',
  'awards.step.amount': 'amount',
  'awards.step.benefits': 'benefits',
  'awards.step.decision': 'decision',
  'awards.how.nonePaid': 'none paid before',
  'awards.how.alreadyPaid': (p: { paid: string }) => `already paid: ${p.paid}`,
  'awards.how.titleAmount': (p: { title: string }) => `the ${p.title} amount`,
  'awards.how.noLevel': 'no level given',
  'awards.how.notStudioLevel': (p: { level: string; levels: readonly string[] }) => `"${p.level}" is not a studio level (${p.levels.join(', ')})`,
  'awards.how.promotion': (p: { granted: readonly { level: string; paid: string }[] }) =>
    `a promotion: granted before ${p.granted.map((g) => `${g.level} (${g.paid})`).join(', ')}`,
  'awards.how.noGrantBefore': 'no grant before',
  'awards.how.levelGranted': (p: { level: string; paid: string }) => `${p.level} already granted: ${p.paid}`,
  'awards.how.levelGrant': (p: { level: string }) => `the ${p.level} level grant`,
  'awards.how.notExcellent': (p: { need: number }) => `not excellent: the count of consecutive excellent years restarts (${p.need} needed)`,
  'awards.how.yearFromHistory': (p: { year: number }) => `${p.year} (award-history.csv)`,
  'awards.how.excellentYears': (p: { years: readonly string[]; need: number }) => `${p.years.join(', ')}; ${p.need} needed`,
  'awards.how.runCompletes': (p: { streak: number; run: number; once: boolean }) =>
    `the run of ${p.streak} completes ${p.run === 1 ? 'its first' : `run ${p.run}`}; no reward paid before${p.once ? '' : ' for it'}`,
  'awards.how.rewardPaidOnce': (p: { paid: string }) => `an excellence reward was already paid: ${p.paid} (paid once per studio)`,
  'awards.how.runRewardPaid': (p: { paid: string }) => `this run's reward was already paid: ${p.paid}`,
  'awards.how.excellenceReward': (p: { need: number }) => `the excellence reward (${p.need} consecutive excellent years)`,
  'awards.how.yearMissing': (p: { need: number; streak: number }) =>
    `the ${p.need}th excellent review since the count restarted, but a year is missing between them: ${p.streak} consecutive`,
  'awards.how.eventUnnamed': "unnamed: the row's year",
  'awards.how.eventNamed': 'the competition',
  'awards.how.rankOutside': (p: { rank: number; first: number; last: number }) => `rank ${p.rank}: ranks ${p.first}–${p.last} have an amount`,
  'awards.how.rankAmount': (p: { rank: number; amount: string }) => `rank ${p.rank}: ${p.amount}`,
  'awards.how.rankUnpaid': (p: { rank: number }) => `rank ${p.rank} is not paid (its amount is 0.00)`,
  'awards.how.rankCapped': (p: { cap: string; rank: number; amount: string }) => `the cap ${p.cap} (rank ${p.rank}: ${p.amount})`,
  'awards.how.rankAtMost': (p: { rank: number; cap: string }) => `rank ${p.rank}, at most ${p.cap}`,
  'awards.how.noSkillLevel': 'no level given (the level held on the award date)',
  'awards.how.notSkillLevel': (p: { level: string }) => `"${p.level}" is not a skill level (1–5, 技师, 高级技师)`,
  'awards.how.levelNotPaid': (p: { level: string; name: string }) => `${p.level} (${p.name}): paid for 技师 (2) and 高级技师 (1) only`,
  'awards.how.levelHeld': (p: { name: string; on: string }) => `${p.name}, held on ${p.on}`,
  'awards.how.headcount': (p: { count: number; prior: number }) => `${p.count} workers at level 3 or above, ${p.prior} the year before`,
  'awards.how.rated': (p: { rating: string; year: number }) => `rated ${p.rating} in ${p.year}`,
  'awards.how.excellentReviewReward': 'the reward for an excellent review',
  'awards.how.awardDate': 'the award date',
  'awards.how.yearEnd': (p: { year: number }) => `31 December of ${p.year} (no award_date)`,
  'awards.how.idValid': 'valid check character',
  'awards.how.benefits': 'granted with the award',
  'awards.how.paid': (p: { amount: string }) => `${p.amount} paid`,
  'awards.how.refused': (p: { reasons: readonly { code: string; text: string }[] }) => `${p.reasons.map((r) => r.code).join(';')}: 0.00 paid`,
  'awards.how.nothingDue': 'a review that makes no reward due: not in award-payments.csv',
  'awards.explain.nothingDue': 'nothing due (not in award-payments.csv)',
  'awards.explain.outcome': (p: { eligible: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.eligible ? `eligible ${p.amount}` : 'ineligible'}${p.reasons.length ? ` (${p.reasons.map((r) => r.code).join(';')})` : ''}`,
  'awards.explain.heading1': (p: { id: string; program: string; title: string; recipient: 'person' | 'enterprise' | 'studio'; who: string; year: number; enterprise: string | undefined }) =>
    `Award ${p.id}: ${p.program} (${p.title}), ${p.recipient} ${p.who}, year ${p.year}${p.enterprise ? `, enterprise ${p.enterprise}` : ''}.`,
  'awards.explain.heading2': 'Awards are decided in (year, award date, award_id) order; earlier granted awards and award-history.csv count against later ones.',
  'awards.reason.invalid_recipient_id': 'the recipient id (身份证号 or 统一社会信用代码) is not valid',
  'awards.reason.unknown_level': 'no level, or not a level of the program',
  'awards.reason.level_not_covered': 'the level is not one the program pays for',
  'awards.reason.level_already_granted': 'the studio was already granted this level or a higher one',
  'awards.reason.not_three_consecutive': 'the excellent reviews are not in consecutive years',
  'awards.reason.duplicate_award': 'already paid (the award is paid once)',
  'awards.reason.rank_not_awarded': 'the rank has no amount',
  'awards.reason.not_excellent': 'the review is not excellent',
  'awards.reason.headcount_fell': 'fewer high-skill workers than the year before',
  'awards.reason.no_workers': 'no high-skill workers to reward',
  // --- end awards ---
  // --- exempt ---
  'exempt.error.noYear': (p: { id: string; tax: string }) => `asset ${p.id} (${p.tax}): no year or date to tax it in`,
  'exempt.error.missing': (p: { id: string; tax: string; name: string; line: number; columns: readonly string[]; all: boolean }) =>
    `asset ${p.id} (${p.tax}, ${p.name}) line ${p.line}: ${p.columns.join(p.all ? ' and ' : ' or ')}: the rules do not cover it without`,
  'exempt.explain.section': (p: { tax: string; name: string; year: number }) => `${p.tax} (${p.name}) ${p.year}`,
  'exempt.step.decidedOn': 'decided on',
  'exempt.step.base': '余值 (base)',
  'exempt.step.taxByValue': 'tax by value',
  'exempt.step.taxByRent': 'tax by rent',
  'exempt.step.tax': 'tax',
  'exempt.step.taxBasicFarmland': 'tax (basic farmland)',
  'exempt.step.decision': 'decision',
  'exempt.check.schoolType': 'school type',
  'exempt.check.use': 'use',
  'exempt.check.landSeparate': "land separate from the enterprise's",
  'exempt.source.line': (p: { line: number }) => `properties.csv line ${p.line}`,
  'exempt.how.yearEnd': (p: { year: number }) => `31 December of ${p.year}`,
  'exempt.how.rowDate': 'the date of the row (one-off tax)',
  'exempt.how.yearEndNoDate': (p: { year: number }) => `31 December of ${p.year} (no date)`,
  'exempt.how.ofTheRow': (p: { value: string }) => `${p.value} (the row)`,
  'exempt.how.provinceRatio': (p: { ratio: string }) => `${p.ratio} (the province's ratio)`,
  'exempt.how.residual': (p: { original: string; ratio: string }) => `original value ${p.original} × (1 − ${p.ratio})`,
  'exempt.how.rent': (p: { rent: string; rate: string; part: string }) => `rent ${p.rent} × ${p.rate}${p.part}`,
  'exempt.how.area': (p: { area: string; unit: string; part: string }) => `${p.area} m² × ${p.unit} yuan/m²${p.part}`,
  'exempt.how.areaNotBasic': (p: { area: string; unit: string }) => `${p.area} m² × ${p.unit} yuan/m² (not basic farmland)`,
  'exempt.how.price': (p: { price: string; rate: string }) => `price ${p.price} × ${p.rate}`,
  'exempt.how.exemptAre': (p: { value: string; list: readonly string[] }) => `${p.value}: exempt are ${p.list.join(', ')}`,
  'exempt.how.separateNotGiven': 'separate_land not given: taken as not separate',
  'exempt.how.separateYes': 'separate_land yes',
  'exempt.how.separateNo': 'separate_land no',
  'exempt.how.exempt': (p: { amount: string }) => `${p.amount} exempt`,
  'exempt.how.due': (p: { reasons: readonly { code: string; text: string }[]; amount: string }) => `${p.reasons.map((r) => r.code).join(';')}: ${p.amount} due`,
  'exempt.explain.heading1': (p: { id: string; enterprise: string; schoolType: string; use: string; rows: number }) =>
    `Asset ${p.id}: enterprise ${p.enterprise}, ${p.schoolType}, used for ${p.use}; ${p.rows} row${p.rows === 1 ? '' : 's'}.`,
  'exempt.explain.heading2': "Exempt when the school type and the use are exempt for the tax on its day (and, for an enterprise school's land, the land is separate).",
  'exempt.explain.outside': 'None of its rows is in the years reported: they are not in exemptions.csv.',
  'exempt.explain.outcome': (p: { section: string; exempt: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.section}: ${p.exempt ? `exempt ${p.amount}` : `taxed ${p.amount} (${p.reasons.map((r) => r.code).join(';')})`}`,
  'exempt.noun': 'the school property tax exemptions',
  'exempt.summary': 'school property tax exemptions: 房产税, 城镇土地使用税, 耕地占用税 and 契税 of schools run by enterprises and others',
  'exempt.description':
    'Decides, for every row of properties.csv (an asset under one tax in one year, or on its date for a one-off tax), the ' +
    "tax that would be due and whether the school's use of it is exempt, with every reason when it is not: the school type, " +
    "the use (self-use, teaching), an enterprise school's land separate from the enterprise's, and for 契税 the rule of " +
    '2021-09-01 (non-profit schools only). A row without the figures its tax is computed from is refused, never guessed.',
  'exempt.exitStatus': 'Exit status: 0 done (a taxed asset is a decision, not an error); 2 nothing written.',
  'exempt.input.properties': 'properties.csv: one row per asset, tax and year (or date)',
  'exempt.range.year': 'report the rows of this year (a one-off tax: the year of its date)',
  'exempt.explain.help': 'print a step-by-step account of one asset (every tax and year of it)',
  'exempt.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such asset_id in ${p.file}`,
  'exempt.report.exemptions': 'write exemptions.csv here (default: standard output)',
  'exempt.title': 'School property tax exemptions (学校房产土地税收优惠)',
  'exempt.item.rows': 'rows',
  'exempt.item.assets': 'assets',
  'exempt.item.enterprises': 'enterprises',
  'exempt.item.exempt': 'exempt',
  'exempt.item.taxed': 'taxed',
  'exempt.item.totalTax': 'tax before exemption',
  'exempt.item.totalExempt': 'exempt amount',
  'exempt.item.exemptTax': (p: { tax: string; name: string }) => `exempt ${p.tax}`,
  'exempt.afterword': (p: { rows: number; assets: number; exempt: number; exemptAmount: string; taxAmount: string }) =>
    `exempt: ${p.rows} row${p.rows === 1 ? '' : 's'} of ${p.assets} asset${p.assets === 1 ? '' : 's'}, ${p.exempt} exempt, ${p.rows - p.exempt} taxed, exempt amount ${p.exemptAmount} of ${p.taxAmount}`,
  'exempt.reason.training_center': 'a training centre is not a school the exemption covers',
  'exempt.reason.school_type_not_exempt': 'the school type is not exempt from this tax',
  'exempt.reason.after_2021_09_forprofit': 'from 2021-09-01 only non-profit schools are exempt from 契税',
  'exempt.reason.not_self_use': 'not used by the school itself (rented out or lent)',
  'exempt.reason.business_use': 'used for business',
  'exempt.reason.staff_housing': 'used as staff housing',
  'exempt.reason.not_teaching_use': 'not used for teaching, offices, research or the like',
  'exempt.reason.land_not_separate': "an enterprise school's land not separate from the enterprise's",
  // --- end exempt ---
  // --- ledger ---
  // --- end ledger ---
  // --- rules ---
  // --- end rules ---
  // --- domain ---
  // --- end domain ---
} as const satisfies Record<string, Message>;

/** The Chinese catalogue's type: the English keys, each with a message taking the same parameters. */
export type Catalogue = { readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };
