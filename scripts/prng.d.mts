/** Types of scripts/prng.mjs, for the tests that share its generator. */
export function mulberry32(seed: number): () => number;
