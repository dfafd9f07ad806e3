/** How much one request may ask of the store: no anonymous request may hold the event loop or the disk. */

/** ids in one `_all_docs`/`_bulk_get`/`_revs_diff`, documents in one `_bulk_docs` */
export const MAX_KEYS = 1000;
/** revisions listed for one id in `_revs_diff` or `open_revs` */
export const MAX_REVS_PER_ID = 100;
/** rows in one `_changes`/`_all_docs` answer, and the default when none is asked: the directory pull reads pages of 2000 */
export const MAX_ROWS = 2000;
/** one document of a user's database (a note with ten earlier versions stays far below) */
export const MAX_USER_DOC_BYTES = 256 * 1024;
/** one clinic or practitioner listing */
export const MAX_DIRECTORY_DOC_BYTES = 64 * 1024;
export const MAX_LOCAL_DOC_BYTES = 64 * 1024;
/** the longest id or sequence a request may name */
export const MAX_ID_LENGTH = 256;

/** body size per endpoint (body-parser notation) */
export const BODY_LIMITS: Record<string, string> = {
	_bulk_docs: '10mb',
	doc: '300kb',
	local: '64kb',
	_all_docs: '256kb',
	_bulk_get: '256kb',
	_revs_diff: '1mb',
	_changes: '1kb'
};

/** concurrent long-polls: a browser tab holds one per replicated collection */
export const LONGPOLLS_PER_ACCOUNT = 8;
export const LONGPOLLS_PER_ADDRESS = 20;

/** Counts what each key holds at once; `take` answers how to give it back, or null at the limit. */
export class Slots {
	private readonly held = new Map<string, number>();

	constructor(private readonly max: number) {}

	take(key: string): (() => void) | null {
		const count = this.held.get(key) ?? 0;
		if (count >= this.max) return null;
		this.held.set(key, count + 1);
		let given = false;
		return () => {
			if (given) return;
			given = true;
			const left = (this.held.get(key) ?? 1) - 1;
			if (left > 0) this.held.set(key, left);
			else this.held.delete(key);
		};
	}
}
