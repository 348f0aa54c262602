/**
 * A worker thread of the payroll fast path: scans one range of the file (fast-payroll-scan.ts)
 * and posts its sums, its progress, or that it gave up.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { NotFast, scanRange, type PlainHeader } from './fast-payroll-scan.js';

const { path, start, end, header, chunk, utf8 } = workerData as { path: string; start: number; end: number; header: PlainHeader; chunk: number; utf8: boolean };
const fh = await open(path, 'r');
try {
  const result = await scanRange(fh, start, end, header, { chunk, firstLine: 0, utf8, onBytes: (bytes, lines) => parentPort!.postMessage({ progress: [bytes, lines] }) });
  const out = result.out.toData();
  // The columns move to the main thread instead of being copied.
  parentPort!.postMessage({ result: { out, lines: result.lines } }, [out.head.buffer, out.year.buffer, out.next.buffer, ...out.cols.map((c) => c.buffer)] as ArrayBuffer[]);
} catch (e) {
  if (!(e instanceof NotFast)) throw e;
  parentPort!.postMessage({ notFast: true });
} finally {
  await fh.close();
}
