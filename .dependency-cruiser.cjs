/**
 * The layer rules of skilltax (README "How the code is organised"), checked by
 * test/layers.test.ts in `npm test`. Data flows one way: files → io → calculators (+ rules,
 * ledger) → report/io → files. A lower layer never imports a higher one.
 *
 *   i18n         the message catalogues: imports nothing of ours; every layer may use it
 *   domain       the shared vocabulary: imports nothing of ours but i18n
 *   rules        dated parameters: domain only
 *   ledger       the carryforward ledger: domain only
 *   io           files in and out: domain and rules (the --rules file)
 *   calculators  domain, rules and ledger; never io, report, engine or cli
 *   report       rendering: domain and calculators
 *   engine       loads a calculator's inputs and computes: everything but cli
 *   cli          commander wiring: everything
 *
 * Paths match `src/<layer>/` anywhere in the path, so the same rules can be tried on the
 * small tree in test/layers-fixture.
 */
const layer = (name) => `(^|/)src/${name}/`;
const outside = (...allowed) => `(^|/)src/(?!(${[...allowed, 'i18n'].join('|')})/)[^/]+/`;

module.exports = {
  forbidden: [
    {
      name: 'i18n-imports-nothing-of-ours',
      comment: 'src/i18n holds the message catalogues: every layer may use it, it uses none.',
      severity: 'error',
      from: { path: layer('i18n') },
      to: { path: '(^|/)src/(?!i18n/)[^/]+/' },
    },
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain is the shared vocabulary: it may import only itself.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { path: outside('domain') },
    },
    {
      name: 'rules-imports-only-domain',
      comment: 'src/rules is data and lookup: no files, no CSV parsing, no calculator.',
      severity: 'error',
      from: { path: layer('rules') },
      to: { path: outside('domain', 'rules') },
    },
    {
      name: 'ledger-imports-only-domain',
      comment: 'src/ledger (checks, merge, the carryforward pipeline) knows no calculator and no file.',
      severity: 'error',
      from: { path: layer('ledger') },
      to: { path: outside('domain', 'ledger') },
    },
    {
      name: 'io-imports-no-calculator',
      comment: 'src/io reads and writes files: it must not import calculators, ledger, report, engine or cli.',
      severity: 'error',
      from: { path: layer('io') },
      to: { path: outside('domain', 'rules', 'io') },
    },
    {
      name: 'calculators-import-domain-rules-ledger',
      comment: 'A calculator never reads a file and never renders: domain, rules and ledger only.',
      severity: 'error',
      from: { path: layer('calculators') },
      to: { path: outside('domain', 'rules', 'ledger', 'calculators') },
    },
    {
      name: 'report-renders-only',
      comment: 'src/report renders what calculators computed: domain and calculators only.',
      severity: 'error',
      from: { path: layer('report') },
      to: { path: outside('domain', 'calculators', 'report') },
    },
    {
      name: 'engine-below-cli',
      comment: 'src/engine is used by the CLI, never the other way round.',
      severity: 'error',
      from: { path: layer('engine') },
      to: { path: layer('cli') },
    },
    {
      name: 'pure-layers-touch-no-file',
      comment: 'i18n, domain, rules, ledger and calculators are pure: no Node built-in (fs, path, process …).',
      severity: 'error',
      from: { path: `(^|/)src/(i18n|domain|rules|ledger|calculators)/` },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other (directly or through others) are one module in two files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with: swc parses the
    // sources (type-only imports included).
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
