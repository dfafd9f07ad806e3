/**
 * The clinic's appointment book on this device: its entries, live, and a write that checks each change
 * with the shared schema first (a row the server would refuse must never be pushed). Written locally,
 * replicated with `c-<clinicId>-appointments` whenever there is a connection.
 */
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { ClinicAppointment } from '../booking/schema.js';
import { CLINIC_COLLECTIONS } from '../db/validation.js';
import { session } from '../session/app.svelte.js';
import { BookActionError } from './actions.js';
import { m } from '../paraglide/messages.js';

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
		if (entry.clinicId !== this.clinicId) throw new BookActionError(m.clinic_error_other_clinic());
		const problem = CLINIC_COLLECTIONS.appointments(entry);
		if (problem) throw new BookActionError(m.clinic_error_invalid({ problem }));
		await this.collection.upsert(entry);
	}

	close() {
		this.subscription.unsubscribe();
	}
}

/**
 * For a page (called while it initialises): the book of `clinicId()` on this device, opened once the
 * profile has the clinic's collections (a profile that has just become staff gets them once connected:
 * looked at again as sync moves on), and closed with the page.
 */
export function pageBook(clinicId: () => string | null): { readonly current: ClinicBook | null } {
	const collection = $derived.by(() => {
		void session.current?.sync?.status;
		return session.current?.db.clinicAppointments;
	});
	const book = $derived.by(() => {
		const id = clinicId();
		return collection && id ? new ClinicBook(collection, id) : null;
	});
	$effect(() => {
		const opened = book;
		return () => opened?.close();
	});
	return {
		get current() {
			return book;
		}
	};
}
