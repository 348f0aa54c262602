// io importing a calculator: forbidden.
import { compute } from '../calculators/compute.js';

export const readInput = (): number => compute();
