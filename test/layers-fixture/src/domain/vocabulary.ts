// A deliberately wrong tree for test/layers.test.ts: domain importing io.
import { readInput } from '../io/reader.js';

export const WORDS = readInput();
