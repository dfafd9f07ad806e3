/** Visit pass words the patient's page and the pass page share. */
import type { PassState } from './schema.js';
import { CATEGORY_WORDS } from '../consents.js';
import type { ShareCategory } from '../schema.js';

export const PASS_STATE_WORDS: Record<PassState, string> = {
	active: 'Open now',
	expired: 'Ended',
	revoked: 'Stopped',
	locked: 'Locked after wrong passcodes'
};

/** A moment as people read it: "7 Dec 2026, 14:30". */
export const whenText = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What a pass shows, in words: its groups, then how many single records. */
export function scopeWords(scope: { categories?: ShareCategory[]; recordIds?: string[] }): string {
	const groups = (scope.categories ?? []).map((c) => `all ${CATEGORY_WORDS[c].toLowerCase()}`);
	const count = scope.recordIds?.length ?? 0;
	return [...groups, ...(count ? [`${count} chosen record${count === 1 ? '' : 's'}`] : [])].join(', ');
}
