/**
 * Prometheus metrics for the running bot, through prom-client (a maintained client, so the text format, escaping
 * and histogram buckets are not ours to get wrong). One registry per bot, so tests can build as many as they like.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** How an interaction ended, as the router sees it. */
export type InteractionOutcome = 'ok' | 'user-error' | 'store-unavailable' | 'error';

export interface CorpusFacts {
  readonly passages: number;
  readonly hash: string;
}

export interface Metrics {
  readonly registry: Registry;
  recordInteraction(command: string, outcome: InteractionOutcome, seconds: number): void;
  recordReload(outcome: string, seconds: number | null): void;
  recordStoreError(operation: string): void;
}

/** Counters and histograms of what the bot did: interactions, reloads and store failures. */
function registerActivity(registry: Registry) {
  return {
    interactions: new Counter({
      name: 'verbatim_interactions_total',
      help: 'Interactions handled, by command (or button owner) and outcome.',
      labelNames: ['command', 'outcome'] as const,
      registers: [registry],
    }),
    answerSeconds: new Histogram({
      name: 'verbatim_answer_seconds',
      help: 'Time from receiving an interaction to having answered it.',
      labelNames: ['command'] as const,
      // Discord wants a first answer within 3 s.
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
      registers: [registry],
    }),
    reloads: new Counter({
      name: 'verbatim_reloads_total',
      help: 'Corpus reload attempts by outcome (reloaded, rejected, refused-not-admin, failed).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    reloadSeconds: new Histogram({
      name: 'verbatim_reload_seconds',
      help: 'Duration of corpus reloads that ran.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'verbatim_store_errors_total',
      help: 'Store calls that failed or timed out, by operation.',
      labelNames: ['operation'] as const,
      registers: [registry],
    }),
  };
}

/** Gauges of the corpus serving now, read from `corpus` at every scrape. */
function registerCorpusGauges(registry: Registry, corpus: () => CorpusFacts): void {
  new Gauge({
    name: 'verbatim_corpus_passages',
    help: 'Passages in the corpus serving now.',
    registers: [registry],
    collect() {
      this.set(corpus().passages);
    },
  });
  new Gauge({
    name: 'verbatim_corpus_info',
    help: 'Always 1; the hash label identifies the corpus serving now.',
    labelNames: ['hash'] as const,
    registers: [registry],
    collect() {
      this.reset();
      this.set({ hash: corpus().hash }, 1);
    },
  });
}

/** `corpus` is read at every scrape, so the gauges always show the corpus serving now. */
export function createMetrics(corpus: () => CorpusFacts, options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'verbatim_' });
  const { interactions, answerSeconds, reloads, reloadSeconds, storeErrors } = registerActivity(registry);
  registerCorpusGauges(registry, corpus);
  return {
    registry,
    recordInteraction(command, outcome, seconds) {
      interactions.inc({ command, outcome });
      answerSeconds.observe({ command }, seconds);
    },
    recordReload(outcome, seconds) {
      reloads.inc({ outcome });
      if (seconds !== null) reloadSeconds.observe(seconds);
    },
    recordStoreError(operation) {
      storeErrors.inc({ operation });
    },
  };
}
