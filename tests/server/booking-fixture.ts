/**
 * Booking test data: a region with clinics and practitioners written straight into the store (as the
 * seeder does), patients signed up through the API, and requests pushed like the app pushes them. Used by
 * the server tests and the booking benchmark, so it throws instead of asserting.
 */
import { slotMarkerId, type Schedule } from '../../src/lib/booking/schema.js';
import { slotsDatabase, userDatabase } from '../../src/lib/db/names.js';
import type { Couch } from '../../sync-server/couch.js';
import { Client, uniqueName } from './harness.js';

export const REGION = 'bookland';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** slots 08:00–17:00 UTC every day, 30 minutes each */
const EVERY_DAY = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ open: '08:00', close: '17:00' }]]));

export function schedule(clinicId: string, extra: Partial<Schedule> = {}): Schedule {
	return { clinicId, slotMinutes: 30, weekly: EVERY_DAY, exceptions: [], horizonDays: 60, noticeMinutes: 60, ...extra };
}

export function clinicDoc(id: string, booking?: Record<string, unknown>) {
	return {
		_id: id,
		type: 'clinic',
		name: `Clinic ${id}`,
		kind: 'clinic',
		specialties: ['general-practice'],
		services: [],
		conditionsTreated: [],
		address: '1 Main Road',
		town: 'Booktown',
		region: REGION,
		coordinates: { lat: 6.7, lon: -1.6 },
		hours: EVERY_DAY,
		exceptions: [],
		timeZone: 'UTC',
		languages: ['en'],
		feeBand: 'low',
		walkIn: true,
		telehealth: false,
		accessibility: { wheelchair: true },
		...(booking ? { booking } : {}),
		updatedAt: 1
	};
}

export function practitionerDoc(id: string, clinicIds: string[], schedules: Schedule[]) {
	return { _id: id, type: 'practitioner', name: `Dr ${id}`, clinicIds, specialties: ['general-practice'], languages: ['en'], qualifications: ['MD'], schedules, updatedAt: 1 };
}

/** Writes directory documents into `directory-<REGION>` (and makes `slots-<REGION>`). */
export async function writeDirectory(admin: Couch, docs: ({ _id: string } & Record<string, unknown>)[]): Promise<void> {
	await admin.ensureDatabase(`directory-${REGION}`);
	await admin.ensureDatabase(slotsDatabase(REGION));
	const res = await admin.request('POST', `/directory-${REGION}/_bulk_docs`, { body: { docs } });
	if (res.status !== 201) throw new Error(`Could not write the directory: ${res.status}`);
}

/** `days` from today at hh:mm UTC, as the contract writes instants. */
export function slotAt(days: number, hh: number, mm = 0): string {
	const day = Math.floor(Date.now() / DAY) + days;
	return new Date(day * DAY + hh * HOUR + mm * 60_000).toISOString();
}

export interface Patient {
	name: string;
	client: Client;
	db: string;
}

export async function signUp(url: string, prefix = 'patient'): Promise<Patient> {
	const name = uniqueName(prefix);
	const client = new Client(url);
	const res = await client.signup(name);
	if (res.status !== 201) throw new Error(`Could not sign up: ${res.status}`);
	return { name, client, db: userDatabase(name, 'appointments') };
}

let requestCounter = 0;
export function requestId(): string {
	return `req-${process.pid}-${Date.now().toString(36)}-${requestCounter++}`;
}

/** The contract's minimal request: only these fields. */
export function minimalRequest(clinicId: string, practitionerId: string, start: string, id = requestId()) {
	return { _id: id, type: 'appointment', clinicId, practitionerId, start, status: 'requested', updatedAt: Date.now() };
}

export async function push(patient: Patient, doc: { _id: string }): Promise<void> {
	const res = await patient.client.post(`/couch/${patient.db}/_bulk_docs`, { docs: [doc] });
	if (res.status !== 201 || res.body[0].ok !== true) throw new Error(`The push was refused: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Reads a patient's appointment until `done` holds for it (the router works after the push answered). */
export async function waitFor<T = any>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 30_000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > until) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

export async function readOwn(patient: Patient, id: string): Promise<any> {
	return (await patient.client.get(`/couch/${patient.db}/${id}`)).body;
}

export function decided(patient: Patient, id: string): Promise<any> {
	return waitFor(() => readOwn(patient, id), (doc) => doc?.status !== undefined && doc.status !== 'requested', `a decision on ${id}`);
}

/**
 * Waits until every one of these requests is decided, reading them in turn through /couch one at a time
 * (fifty pollers at once would slow the server they wait for); `onDecided` hears of each as it is seen.
 */
export async function allDecided(patients: Patient[], ids: string[], onDecided: (i: number) => void = () => {}, ms = 120_000): Promise<any[]> {
	const until = Date.now() + ms;
	const docs: any[] = ids.map(() => null);
	while (docs.includes(null)) {
		if (Date.now() > until) throw new Error(`Timed out: ${docs.filter((d) => d === null).length} requests undecided`);
		// every patient looks at once, as their devices would: one slow read does not delay the others' times
		await Promise.all(
			patients.map(async (patient, i) => {
				if (docs[i] !== null) return;
				const doc = await readOwn(patient, ids[i]);
				if (doc?.status && doc.status !== 'requested') {
					docs[i] = doc;
					onDecided(i);
				}
			})
		);
		await new Promise((done) => setTimeout(done, 25));
	}
	return docs;
}

export function markerPath(practitionerId: string, start: string): string {
	return `/${slotsDatabase(REGION)}/${encodeURIComponent(slotMarkerId(practitionerId, start))}`;
}
