/**
 * Serving interactions that arrive over HTTP with the same discord.js structures, router and commands as the
 * gateway bot. A client that never connects to the gateway turns each received payload into the usual
 * interaction object; the command's first answer (reply, deferReply, update, autocomplete) — which discord.js
 * sends to POST /interactions/{id}/{token}/callback — is handed back as the HTTP response instead, as Discord
 * requires for an interactions endpoint. Edits and follow-ups go to Discord's webhook routes as usual.
 */
import { Client, DefaultRestOptions, type ResponseLike } from 'discord.js';
import { contextOf, routeInteractions, type BotDependencies } from '../client.ts';

/** Discord waits 3 s for the first answer; after that an answer is useless, so the request is closed. */
export const FIRST_ANSWER_DEADLINE_MS = 3000;

/** Delivers a command's first answer as the HTTP response; resolves once the response has been sent. */
type AnswerSink = (json: string) => Promise<void>;

export interface HttpBridge {
  readonly client: Client;
  /**
   * Serve one verified interaction payload. `answer` receives the first response's JSON; resolves false when
   * the command gave none within the deadline.
   */
  dispatch(payload: { id: string }, answer: AnswerSink): Promise<boolean>;
  /** Resolves when every interaction received so far has been fully handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;

/** discord.js's own entry for a received interaction (used by its gateway handler); not in its public typings. */
interface InteractionCreateAction {
  handle(data: unknown): void;
}

/**
 * discord.js's REST request function, except that the first answer to an interaction waiting in `answers` goes
 * to its sink (the HTTP response) instead of Discord.
 */
function answeringCallbacks(answers: Map<string, AnswerSink>) {
  return async (url: string, init: Parameters<typeof DefaultRestOptions.makeRequest>[1]) => {
    const callback = CALLBACK.exec(url);
    const sink = callback === null ? undefined : answers.get(callback[1]!);
    if (sink !== undefined && init.method === 'POST' && typeof init.body === 'string') {
      answers.delete(callback![1]!);
      await sink(init.body);
      return new Response(null, { status: 204 }) as unknown as ResponseLike;
    }
    return DefaultRestOptions.makeRequest(url, init);
  };
}

/**
 * Hand `payload` to discord.js as the gateway would, and resolve true once its first answer went to `answer`,
 * false when none came within the deadline.
 */
async function dispatchOne(
  action: InteractionCreateAction,
  answers: Map<string, AnswerSink>,
  payload: { id: string },
  answer: AnswerSink,
): Promise<boolean> {
  let answered!: () => void;
  const done = new Promise<void>((resolve) => (answered = resolve));
  answers.set(payload.id, async (json) => {
    await answer(json);
    answered();
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), FIRST_ANSWER_DEADLINE_MS)));
  try {
    action.handle(payload);
    return await Promise.race([done.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
    answers.delete(payload.id);
  }
}

export function createHttpBridge(deps: BotDependencies): HttpBridge {
  const { config } = deps;
  const answers = new Map<string, AnswerSink>();
  const client = new Client({
    intents: [],
    rest: { api: config.apiUrl, makeRequest: answeringCallbacks(answers) },
    allowedMentions: { parse: [] },
  });
  client.rest.setToken(config.token);
  const inFlight = new Set<Promise<void>>();
  routeInteractions(client, contextOf(deps), inFlight);
  const action = (client as unknown as { actions: { InteractionCreate: InteractionCreateAction } }).actions
    .InteractionCreate;

  return {
    client,
    dispatch: (payload, answer) => dispatchOne(action, answers, payload, answer),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await client.destroy();
    },
  };
}
