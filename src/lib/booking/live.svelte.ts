/** The profile's appointments as plain documents, kept current from the collection's changes. */
import type { Subscription } from 'rxjs';
import type { AppointmentsCollection } from './collection.js';
import type { Appointment } from './schema.js';

export function watchAppointments(collection: AppointmentsCollection, onChange: (appointments: Appointment[]) => void): Subscription {
	return collection.find().$.subscribe((docs) => onChange(docs.map((d) => d.toMutableJSON() as Appointment)));
}

/**
 * For a component (made while it initialises): the appointments of `collection()` (null until read,
 * none while locked) and the current minute, so "upcoming" moves on while the page stays open.
 */
export class LiveAppointments {
	list = $state.raw<Appointment[] | null>(null);
	now = $state(Date.now());

	constructor(collection: () => AppointmentsCollection | undefined) {
		$effect(() => {
			const tick = setInterval(() => (this.now = Date.now()), 60_000);
			return () => clearInterval(tick);
		});
		$effect(() => {
			const source = collection();
			if (!source) return;
			const subscription = watchAppointments(source, (list) => (this.list = list));
			return () => subscription.unsubscribe();
		});
	}
}
