/**
 * Paging state for /quote buttons, kept in the store for 15 minutes (the life of an interaction token) so that
 * ◀ ▶ keep working across a restart. Buttons carry only a short state id and a page number.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';

export const PAGING_TTL_MS = 15 * 60 * 1000;
/** More pages than anyone reads; keeps the stored state small. */
export const MAX_PAGES = 25;

export interface PagingState {
  readonly invokerId: string;
  /** Passage ids in rank order; a page is re-read from the live corpus, so a reload shows current text. */
  readonly passageIds: readonly string[];
  readonly query: string;
  readonly note?: string;
}

export type QuoteButtonAction = 'prev' | 'next' | 'ctx' | 'card';

export interface QuoteButton {
  readonly action: QuoteButtonAction;
  readonly stateId: string;
  readonly index: number;
}

const key = (stateId: string) => `paging:${stateId}`;

/** Save a new paging state; returns its id. Throws StoreUnavailableError when the store is down. */
export async function savePaging(store: Store, state: PagingState): Promise<string> {
  const stateId = randomBytes(9).toString('base64url');
  await store.set(key(stateId), { ...state, passageIds: state.passageIds.slice(0, MAX_PAGES) }, PAGING_TTL_MS);
  return stateId;
}

export function loadPaging(store: Store, stateId: string): Promise<PagingState | undefined> {
  return store.get<PagingState>(key(stateId));
}

/** `quote:next:<stateId>:<index>` — at most 100 characters as Discord requires. */
export function encodeQuoteButton(button: QuoteButton): string {
  return `quote:${button.action}:${button.stateId}:${button.index}`;
}

export function decodeQuoteButton(customId: string): QuoteButton | null {
  const match = /^quote:(prev|next|ctx|card):([\w-]{1,40}):(\d{1,3})$/.exec(customId);
  if (match === null) return null;
  return { action: match[1] as QuoteButtonAction, stateId: match[2]!, index: Number(match[3]) };
}

/** The ids for a page's buttons: ◀ goes to index-1, ▶ to index+1, Context and Card act on this index. */
export function buttonsFor(
  stateId: string,
  index: number,
): { prev: string; next: string; context: string; card: string } {
  return {
    prev: encodeQuoteButton({ action: 'prev', stateId, index: Math.max(0, index - 1) }),
    next: encodeQuoteButton({ action: 'next', stateId, index: index + 1 }),
    context: encodeQuoteButton({ action: 'ctx', stateId, index }),
    card: encodeQuoteButton({ action: 'card', stateId, index }),
  };
}
