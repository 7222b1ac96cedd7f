/**
 * What every bot entry point (gateway, shard, HTTP replica) opens before it serves: the corpus (or exit 1 with
 * every problem), the metrics, the store and the commands. One place, so every mode loads the corpus with the same
 * limits and reports the same notices.
 */
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { unattributedCounts } from '../corpus/attribution/report.ts';
import { CorpusLoadError, formatProblems } from '../corpus/load.ts';
import { createMetrics, type Metrics } from '../health/metrics.ts';
import { Library } from '../library.ts';
import type { Logger } from '../logger.ts';
import { checkStore, describeStoreUrl, openStore, type Store } from '../store/store.ts';
import type { Command } from './command.ts';
import { loadCommands } from './loader.ts';

export interface Runtime {
  readonly library: Library;
  readonly metrics: Metrics;
  readonly store: Store;
  readonly commands: Command[];
}

/** Opens the corpus, metrics, store and commands; a broken corpus ends the process with exit 1 and its problems. */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  let library: Library;
  try {
    library = await Library.open(resolve(config.corpusDir), { limits: config.corpusLimits });
  } catch (err) {
    if (err instanceof CorpusLoadError) {
      logger.error('the corpus has problems; fix them and start again', {
        corpusDir: config.corpusDir,
        problems: err.problems.length,
      });
      process.stderr.write(`${formatProblems(err.problems)}\n`);
      process.exit(1);
    }
    throw err;
  }
  logger.info('corpus loaded', {
    corpusDir: config.corpusDir,
    sources: library.state.corpus.sources.length,
    passages: library.state.corpus.passages.length,
    hash: library.state.corpus.hash,
  });
  for (const count of unattributedCounts(library.state.corpus)) {
    logger.info('quotations without a speaker (an override or a people.yaml entry would help)', { ...count });
  }
  const metrics = createMetrics(() => ({
    passages: library.state.corpus.passages.length,
    hash: library.state.corpus.hash,
  }));
  const store = await openStore({
    url: config.keyvUrl,
    timeoutMs: config.storeTimeoutMs,
    logger,
    onError: (operation) => metrics.recordStoreError(operation),
  });
  const storeProblem = await checkStore(store, config.keyvUrl);
  if (storeProblem === null) logger.info('store opened', { store: describeStoreUrl(config.keyvUrl) });
  else logger.error(storeProblem);
  const commands = await loadCommands(undefined, logger);
  return { library, metrics, store, commands };
}
