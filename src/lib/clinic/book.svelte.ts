/**
 * The clinic's appointment book on this device: its entries, live, and a write that checks each change
 * with the shared schema first (a row the server would refuse must never be pushed). Written locally,
 * replicated with `c-<clinicId>-appointments` whenever there is a connection.
 */
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ClinicAppointment } from '../booking/schema.js';
import { CLINIC_COLLECTIONS } from '../db/validation.js';
import { BookActionError } from './actions.js';

export class ClinicBook {
	entries = $state.raw<ClinicAppointment[]>([]);
	loaded = $state(false);
	private subscription: Subscription;

	constructor(
		private readonly collection: RxCollection<ClinicAppointment>,
		readonly clinicId: string
	) {
		this.subscription = collection.find({ selector: { clinicId } }).$.subscribe((docs) => {
			this.entries = docs.map((doc) => doc.toJSON() as ClinicAppointment);
			this.loaded = true;
		});
	}

	async save(entry: ClinicAppointment): Promise<void> {
		if (entry.clinicId !== this.clinicId) throw new BookActionError('That entry belongs to another clinic.');
		const problem = CLINIC_COLLECTIONS.appointments(entry);
		if (problem) throw new BookActionError(`This change cannot be saved: ${problem}.`);
		await this.collection.upsert(entry);
	}

	close() {
		this.subscription.unsubscribe();
	}
}
