/** Why the server did not take an item, in the reader's language: the server explains in English only. */
import { m } from '../paraglide/messages.js';
import type { RefusalCode, RefusedItem } from './replication.js';

const WORDS: Record<RefusalCode, () => string> = {
	invalid: m.sync_refusal_invalid,
	refused: m.sync_refusal_refused
};

/** The refusal in words; an item kept from before refusals had codes reads as plainly refused. */
export const refusalText = (item: Pick<RefusedItem, 'code'>): string => (WORDS[item.code] ?? WORDS.refused)();

/** Each refused item's words by its id, for the screens that mark refused items among others. */
export const refusalsById = (items: readonly RefusedItem[] = []): Map<string, string> => new Map(items.map((item) => [item.id, refusalText(item)]));
