/** Types of bench/generate-claims.mjs, for the tests that run the subsidy benchmark's data. */
export interface ClaimsManifest {
  generator: number;
  seed: number;
  claims: number;
  persons: number;
  enterprises: number;
  files: Record<'trainees.csv' | 'catalog.csv' | 'history.csv' | 'qualifications.csv', { rows: number; bytes: number }>;
}
export const DEFAULT_CLAIMS: number;
export const DEFAULT_CLAIMS_DIR: string;
export function generateClaims(claims?: number, dir?: string): ClaimsManifest;
