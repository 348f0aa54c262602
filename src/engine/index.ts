/**
 * Runs a calculator on files: loads the inputs its descriptor names through `io` (every file's
 * problems gathered before any is reported, in the order the descriptor lists them, the ledger
 * last and checked by the ledger layer), then computes. Writes nothing: the CLI writes.
 */
import type { Calculator, CalculatorResult, ComputeContext } from '../calculators/calculator.js';
import type { InputKind, InputTypes, LedgerEntry } from '../domain/records.js';
import { loadAll, loadLedger, LOADERS, type LoadOptions } from '../io/load.js';
import { checkLedger } from '../ledger/ledger.js';

/** The loader of each input kind, the ledger's balance assertions included (validate uses these too). */
export const INPUT_LOADERS: { [K in InputKind]: (path: string, o: LoadOptions) => Promise<InputTypes[K]> } = {
  ...LOADERS,
  ledger: (path, o) => loadLedger(path, o, checkLedger),
};

/** A ledger file to read, or the entries a calculator before this one left (`run`: an array, or a ledger merged as it is read, passed on as it is). */
export type LedgerSource = string | Iterable<LedgerEntry> | undefined;

/**
 * The inputs a `run` has loaded, by kind and path: the calculators of one pass share what they
 * read instead of reading trainees.csv or insurance.csv again. Only the kinds of SHARED_INPUTS
 * are shared: sharing everything across the baseline and the reform changed the reform's
 * deduction figures, so the payroll, training and ledger inputs are loaded per calculator, as
 * before (which computation changes what it is given was not investigated).
 */
export type InputCache = Map<string, Promise<unknown>>;

/** The kinds a run's calculators share when loaded (read-only lists and the insurance index). */
export const SHARED_INPUTS: ReadonlySet<InputKind> = new Set<InputKind>(['trainees', 'catalog', 'history', 'certificates', 'insurance', 'providers', 'fund']);

/**
 * Loads the inputs of `calc` named in `paths` (by flag), through `cache` when given. Throws
 * InputError with the problems of every file, UsageError for a file that cannot be read.
 */
export async function loadCalculatorInputs(calc: Calculator, paths: Readonly<Record<string, string | undefined>>, ledger: LedgerSource, o: LoadOptions, cache?: InputCache): Promise<Partial<InputTypes>> {
  const given = calc.inputs.filter((i) => paths[i.flag] !== undefined);
  const load = (kind: InputKind, path: string): Promise<unknown> => {
    if (!cache || !SHARED_INPUTS.has(kind)) return INPUT_LOADERS[kind](path, o);
    const key = `${kind}\u0000${path}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = INPUT_LOADERS[kind](path, o)));
    return p;
  };
  const loaders: (() => Promise<unknown>)[] = given.map((i) => () => load(i.kind, paths[i.flag]!));
  if (calc.ledger) loaders.push(() => (typeof ledger === 'string' ? INPUT_LOADERS.ledger(ledger, o) : Promise.resolve(Array.isArray(ledger) ? [...(ledger as readonly LedgerEntry[])] : (ledger ?? []))));
  const loaded = await loadAll(loaders);
  const inputs: Partial<Record<InputKind, unknown>> = {};
  given.forEach((i, n) => (inputs[i.kind] = loaded[n]));
  if (calc.ledger) inputs.ledger = loaded[given.length];
  return inputs as Partial<InputTypes>;
}

/**
 * Loads and computes. The notes of the reading (rows skipped, how a file was read) come first in
 * the result's hints. Throws what loading and the calculator throw (InputError, UsageError,
 * RuleGapError, RefusedError).
 */
export async function runCalculator(
  calc: Calculator,
  paths: Readonly<Record<string, string | undefined>>,
  ledger: LedgerSource,
  ctx: Omit<ComputeContext, 'paths'>,
  o: LoadOptions,
  cache?: InputCache,
): Promise<CalculatorResult> {
  const notes: string[] = [];
  const inputs = await loadCalculatorInputs(calc, paths, ledger, { ...o, note: (m) => notes.push(m) }, cache);
  const result = calc.compute(inputs, { ...ctx, paths });
  return notes.length ? { ...result, hints: [...notes, ...result.hints] } : result;
}
