/**
 * The records patients share with this clinic, live on this tablet: the copies in effect, by patient.
 * A clock re-reads the list when the earliest share ends, so an ended share disappears offline too.
 */
import { getContext, setContext } from 'svelte';
import type { Subscription } from 'rxjs';
import type { ClinicSharedCollection } from '../sharing/clinic-collection.js';
import { consentEnd, type SharedRecord } from '../sharing/schema.js';
import { inEffect, sharingPatients, type SharingPatient } from './shared-summary.js';

/** the longest wait a timer can hold */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class ClinicShares {
	patients = $state.raw<SharingPatient[]>([]);
	loaded = $state(false);
	private copies: SharedRecord[] = [];
	private subscription: Subscription;
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(collection: ClinicSharedCollection) {
		this.subscription = collection.find().$.subscribe((docs) => {
			this.copies = docs.map((doc) => doc.toJSON() as SharedRecord);
			this.refresh();
			this.loaded = true;
		});
	}

	private refresh() {
		clearTimeout(this.timer);
		const now = Date.now();
		const current = inEffect(this.copies, now);
		this.patients = sharingPatients(current);
		const ends = current.map((c) => consentEnd(c.until)!);
		if (ends.length) this.timer = setTimeout(() => this.refresh(), Math.min(Math.min(...ends) - now + 50, MAX_TIMER_MS));
	}

	patient(ref: string): SharingPatient | undefined {
		return this.patients.find((p) => p.ref === ref);
	}

	close() {
		clearTimeout(this.timer);
		this.subscription.unsubscribe();
	}
}

const LINK_KEY = Symbol('shared-records-link');

/** Where the clinic day finds the link to a booked patient's shared records (set by the clinic page). */
export function provideSharedLink(link: (patientName: string | undefined) => string | null) {
	setContext(LINK_KEY, link);
}

export function sharedLink(): (patientName: string | undefined) => string | null {
	return getContext(LINK_KEY) ?? (() => null);
}

export const sharedRecordsHref = (ref: string) => `/clinic/shared?patient=${encodeURIComponent(ref)}`;
