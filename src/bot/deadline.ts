/**
 * Discord drops an interaction whose first answer (reply or defer) has not arrived within 3 s. A command that
 * must wait on something slow (the store: up to STORE_TIMEOUT_MS per call, several calls) wraps each wait in
 * `within`: once `afterMs` have passed since the guard was made and the wait is still going, the reply is
 * deferred there and then, and the wait goes on behind the deferral. The first answer so goes out at about
 * `afterMs` plus one round trip whatever the store does. `answer` then replies, or edits the deferred reply.
 * The budget counts from the interaction's creation (its snowflake), so one that waited behind others is deferred
 * at its first `within` instead of replying past the deadline.
 * This is the one deadline helper: /quote wraps its store calls in it, /reload defers through it up front.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { toEdit, toReply, type MessageBody } from './render/message.ts';

/** Time waited before the reply is deferred: well inside 3 s, with room for the deferral's round trip. */
export const DEFER_AFTER_MS = 1200;

export interface DeadlineGuard {
  /** Resolves or rejects as `work` does; defers the reply meanwhile if `work` outlives the budget. */
  within<T>(work: Promise<T>): Promise<T>;
  /** Defer now unless already done (e.g. before a long synchronous step). */
  deferNow(): Promise<void>;
  /**
   * Defer now if the budget is already spent, before a synchronous step such as a search: in a burst, an
   * interaction whose store calls settled in time can still wait behind other searches, and without this its
   * first answer went out only after its own search, past Discord's deadline.
   */
  deferIfLate(): Promise<void>;
  readonly deferred: boolean;
}

export function createDeadlineGuard(
  defer: () => Promise<unknown>,
  afterMs: number,
  started = Date.now(),
): DeadlineGuard {
  let deferral: Promise<void> | null = null;
  const deferNow = () => (deferral ??= defer().then(() => undefined));
  return {
    get deferred() {
      return deferral !== null;
    },
    deferNow,
    async deferIfLate(): Promise<void> {
      if (deferral === null && Date.now() - started >= afterMs) await deferNow();
    },
    async within<T>(work: Promise<T>): Promise<T> {
      if (deferral !== null) return work;
      // Already past the budget (the interaction waited in a queue, e.g. in a burst): defer before anything else,
      // or a store that answers at once would win the race below and the late reply would follow the search.
      if (Date.now() - started >= afterMs) {
        await deferNow();
        return work;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), Math.max(0, afterMs - (Date.now() - started)));
      });
      const settled = work.then(
        () => 'settled' as const,
        () => 'settled' as const,
      );
      const first = await Promise.race([settled, late]);
      clearTimeout(timer);
      if (first === 'late') await deferNow();
      return work;
    },
  };
}

export interface ReplyDeadline extends DeadlineGuard {
  /** Sends the answer: a reply, or an edit of the deferred reply (after waiting for the deferral to land). */
  answer(body: MessageBody): Promise<void>;
}

/** The guard for one slash command's first answer, deferring with the answer's own visibility. */
export function replyDeadline(
  interaction: ChatInputCommandInteraction,
  ephemeral: boolean,
  afterMs: number = DEFER_AFTER_MS,
): ReplyDeadline {
  // Discord's 3 s count from the interaction's creation, not from when this process got round to it.
  const guard = createDeadlineGuard(
    () => interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
    afterMs,
    Math.min(Date.now(), interaction.createdTimestamp),
  );
  return {
    get deferred() {
      return guard.deferred;
    },
    within: (work) => guard.within(work),
    deferNow: () => guard.deferNow(),
    deferIfLate: () => guard.deferIfLate(),
    async answer(body: MessageBody): Promise<void> {
      if (guard.deferred) {
        await guard.deferNow(); // the deferral already started: wait for it before editing
        await interaction.editReply(toEdit(body));
      } else await interaction.reply(toReply(body, { ephemeral }));
    },
  };
}
