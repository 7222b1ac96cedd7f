/**
 * A burst of interactions against the fake Discord, all sent before any is answered: used by the burst test
 * (none lost) and by `npm run bench:burst` (the answer-time percentiles). Nothing here asserts a time.
 */
import type { FakeDiscord, RecordedRequest } from '../fake-discord/server.ts';

/** Queries spread over the real corpus, so answers come from different passages and sources. */
export const BURST_QUERIES = [
  'zero-sum mentality',
  'alliance against the United States',
  'Putin visit to China',
  'gas pipeline deal',
  'Western world order',
  'missile defence',
  'Yan Xuetong',
  'strategic partnership',
] as const;

export interface BurstAnswer {
  readonly query: string;
  /** The interaction callback (type 4 reply or type 5 defer), or null if none came. */
  readonly callback: RecordedRequest | null;
  /** For a deferred answer, the webhook edit that carried it; null when answered directly or never. */
  readonly edit: RecordedRequest | null;
  /** Every callback the bot sent for this interaction (exactly one is right). */
  readonly callbacks: number;
  /** From sending the interaction to the answer the member sees (the reply, or the edit after a defer). */
  readonly ms: number;
  /** From sending the interaction to its callback (reply or defer): what Discord's 3 s deadline is about. */
  readonly firstResponseMs: number;
}

/**
 * Sends `count` `/quote` interactions from `count` different members at once, then waits for every answer
 * (`timeoutMs` each: a generous bound that only turns a lost answer into a failure instead of a hang).
 */
export async function fireBurst(fake: FakeDiscord, count: number, timeoutMs = 120_000): Promise<BurstAnswer[]> {
  const sent = Array.from({ length: count }, (_, i) => {
    const query = BURST_QUERIES[i % BURST_QUERIES.length] as string;
    const started = performance.now();
    const user = { id: String(900_000_000_000_000_000n + BigInt(i)), username: `burst-${i}` };
    const interaction = fake.slashCommand('quote', { query }, { user });
    return { query, started, interaction };
  });
  return Promise.all(
    sent.map(async ({ query, started, interaction }) => {
      const callback = await fake.waitForCallback(interaction, timeoutMs).catch(() => null);
      const firstResponseMs = performance.now() - started;
      let answeredAt = performance.now();
      let edit: RecordedRequest | null = null;
      if (callback?.body?.type === 5) {
        edit = await fake.waitForWebhook(interaction, 'PATCH', timeoutMs).catch(() => null);
        answeredAt = performance.now();
      }
      const callbacks = fake
        .requestsFor(interaction.token)
        .filter((r) => r.method === 'POST' && r.path.endsWith('/callback')).length;
      return { query, callback, edit, callbacks, ms: answeredAt - started, firstResponseMs };
    }),
  );
}

/** True when the member saw an answer: a reply with content or embeds, or a defer and then its edit. */
export function wasAnswered(answer: BurstAnswer): boolean {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- recorded JSON
  const shows = (data: any) => Boolean(data && ((data.embeds?.length ?? 0) > 0 || (data.content ?? '') !== ''));
  if (answer.callback === null || answer.callbacks !== 1) return false;
  if (answer.callback.body?.type === 4) return shows(answer.callback.body.data);
  return answer.callback.body?.type === 5 && shows(answer.edit?.body);
}
