/** Visit pass words the patient's page and the pass page share. */
import type { PassState } from './schema.js';
import { allOfCategory } from '../consents.js';
import type { ShareCategory } from '../schema.js';
import { formatDate } from '../../i18n/format.js';
import { m } from '../../paraglide/messages.js';

const PASS_STATE_WORDS: Record<PassState, () => string> = {
	active: m.sharing_pass_open,
	expired: m.sharing_state_ended,
	revoked: m.sharing_state_stopped,
	locked: m.sharing_pass_locked
};

export const passStateWords = (state: PassState): string => PASS_STATE_WORDS[state]();

/** A moment as people read it: "7 Dec 2026, 14:30". */
export const whenText = (iso: string | number) => formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

/** What a pass shows, in words: its groups, then how many single records. */
export function scopeWords(scope: { categories?: ShareCategory[]; recordIds?: string[] }): string {
	const groups = (scope.categories ?? []).map(allOfCategory);
	const count = scope.recordIds?.length ?? 0;
	return [...groups, ...(count ? [m.sharing_chosen_records({ count })] : [])].join(', ');
}
