/**
 * Results made once per process for the same inputs: `run` shares loaded inputs between
 * calculators (engine InputCache), so a calculator that needs what another computed from the very
 * same arrays (the subsidy decisions, the 免申即享 match) finds it here instead of computing it
 * again. Keyed weakly by the main input, then by the identity of every other argument.
 */
export function memoBy<K extends object, R>(): (key: K, args: readonly unknown[], make: () => R) => R {
  const made = new WeakMap<K, { args: readonly unknown[]; result: R }[]>();
  return (key, args, make) => {
    let list = made.get(key);
    const hit = list?.find((m) => m.args.length === args.length && m.args.every((a, i) => a === args[i]));
    if (hit) return hit.result;
    const result = make();
    if (!list) made.set(key, (list = []));
    list.push({ args, result });
    return result;
  };
}
