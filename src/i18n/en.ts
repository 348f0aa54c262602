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
  'run.unknownEnterprises': (p: { n: number; ids: string; more: boolean }) =>
    `${p.n} enterprise id${p.n === 1 ? '' : 's'} in the reports ${p.n === 1 ? 'is' : 'are'} not in enterprises.csv (${p.ids}${p.more ? ' …' : ''}): no name or town for ${p.n === 1 ? 'it' : 'them'}`,
  'run.reformHeading': (p: { file: string }) => `reform ${p.file} against the baseline (all towns and years):`,
  'run.reformNoChange': 'no amount differs from the baseline',
  // --- end run ---
  // --- report ---
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  'io.enterpriseTwice': (p: { id: string; first: number }) => `enterprise_id: ${p.id} is listed twice (the first is on line ${p.first})`,
  // --- end io ---
  // --- deduct ---
  // --- end deduct ---
  // --- credit ---
  // --- end credit ---
  // --- subsidy ---
  // --- end subsidy ---
  // --- awards ---
  // --- end awards ---
  // --- exempt ---
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
