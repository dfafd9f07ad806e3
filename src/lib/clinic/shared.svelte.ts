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

	/** Where an appointment of a patient who shares links to, and how many records they share; null without a share. */
	linkTo(ref: string | undefined): SharedLink | null {
		const patient = ref ? this.patient(ref) : undefined;
		return patient ? { href: sharedRecordsHref(patient.ref), count: patient.records.length } : null;
	}

	close() {
		clearTimeout(this.timer);
		this.subscription.unsubscribe();
	}
}

const LINK_KEY = Symbol('shared-records-link');

export interface SharedLink {
	href: string;
	count: number;
}

/**
 * Where the clinic day finds the link from an appointment to its patient's shared records (set by the
 * clinic page), by the `patientRef` the router writes on both: a copy without one has no link.
 */
export function provideSharedLink(link: (patientRef: string | undefined) => SharedLink | null) {
	setContext(LINK_KEY, link);
}

export function sharedLink(): (patientRef: string | undefined) => SharedLink | null {
	return getContext(LINK_KEY) ?? (() => null);
}

export const sharedRecordsHref = (ref: string) => `/clinic/shared?patient=${encodeURIComponent(ref)}`;
