// Parses one YAML text off the main thread (see yaml-off-thread.ts). Plain JavaScript so that it runs in a
// worker under any runner (tsx, vitest, node) without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { parse } from 'yaml';

const { text, listPath, maxItems } = workerData;
try {
  const data = parse(text, { prettyErrors: false, uniqueKeys: true });
  const list = listPath === null ? data : data?.[listPath];
  if (Array.isArray(list) && list.length > maxItems) parentPort.postMessage({ kind: 'too-many', count: list.length });
  else parentPort.postMessage({ kind: 'ok', data });
} catch (error) {
  parentPort.postMessage({
    kind: 'error',
    name: error?.name ?? 'Error',
    message: String(error?.message ?? error),
    pos: Array.isArray(error?.pos) ? error.pos : null,
  });
}
