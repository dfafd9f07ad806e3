/**
 * The clinic's short replies on a tablet: the copy kept in the profile's database (a local document:
 * offline too), refreshed from the server when online; the defaults before the first answer.
 */
import type { RxDatabase } from 'rxdb';
import { api } from '../sync/api.js';
import { DEFAULT_REPLY_TEMPLATES } from './reply-templates.js';

const KEPT = 'reply-templates';

export class ReplyTemplates {
	list = $state.raw<readonly string[]>(DEFAULT_REPLY_TEMPLATES);

	constructor(
		private db: RxDatabase<any>,
		private clinicId: string
	) {}

	async load(): Promise<void> {
		const kept = (await this.db.getLocal(KEPT))?.toJSON().data as { clinicId: string; templates: string[] } | undefined;
		if (kept?.clinicId === this.clinicId) this.list = kept.templates;
		// offline: the kept copy serves
		await api.replyTemplates(this.clinicId).then((templates) => this.keep(templates), () => undefined);
	}

	/** An administrator's change, saved on the server first. */
	async save(templates: string[]): Promise<void> {
		await this.keep(await api.setReplyTemplates(this.clinicId, templates));
	}

	private async keep(templates: string[]): Promise<void> {
		this.list = templates;
		await this.db.upsertLocal(KEPT, { clinicId: this.clinicId, templates });
	}
}
