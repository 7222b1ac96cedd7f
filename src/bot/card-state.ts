/**
 * What a card's buttons need to rebuild it: who made it, which passage, the tag and style. Kept in the store for
 * 15 minutes like /quote's paging; the span lives in the buttons' custom ids, so widening writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { type CardStyle, type Span, widen } from '../cite/card.ts';
import type { Store } from '../store/store.ts';
import { PAGING_TTL_MS } from './paging.ts';

export interface CardState {
  readonly invokerId: string;
  readonly passageId: string;
  readonly tag: string | null;
  readonly style: CardStyle;
}

export type CardButtonAction = 'before' | 'after' | 'post';

export interface CardButton {
  readonly action: CardButtonAction;
  readonly stateId: string;
  readonly span: Span;
}

const key = (stateId: string) => `card:${stateId}`;

/** Save a card's state; returns its id. Throws StoreUnavailableError when the store is down. */
export async function saveCard(store: Store, state: CardState): Promise<string> {
  const stateId = randomBytes(9).toString('base64url');
  await store.set(key(stateId), state, PAGING_TTL_MS);
  return stateId;
}

export function loadCard(store: Store, stateId: string): Promise<CardState | undefined> {
  return store.get<CardState>(key(stateId));
}

/** `cite:after:<stateId>:<before>.<after>.<p|s>` — well under Discord's 100 characters. */
export function encodeCardButton(button: CardButton): string {
  const { before, after, sentenceOnly } = button.span;
  return `cite:${button.action}:${button.stateId}:${before}.${after}.${sentenceOnly ? 's' : 'p'}`;
}

export function decodeCardButton(customId: string): CardButton | null {
  const match = /^cite:(before|after|post):([\w-]{1,40}):(\d{1,2})\.(\d{1,2})\.([sp])$/.exec(customId);
  if (match === null) return null;
  return {
    action: match[1] as CardButtonAction,
    stateId: match[2]!,
    span: { before: Number(match[3]), after: Number(match[4]), sentenceOnly: match[5] === 's' },
  };
}

/** The three buttons of a card showing `span`: each carries the span it will show. */
export function cardButtonsFor(stateId: string, span: Span): { before: string; after: string; post: string } {
  return {
    before: encodeCardButton({ action: 'before', stateId, span: widen(span, 'before') }),
    after: encodeCardButton({ action: 'after', stateId, span: widen(span, 'after') }),
    post: encodeCardButton({ action: 'post', stateId, span }),
  };
}
