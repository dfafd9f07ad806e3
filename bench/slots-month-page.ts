/**
 * Runs in Chromium (bundled by bench/slots.ts): times free slots of a 20-practitioner clinic for 30 days,
 * each run a month further on so the zone lookups start cold, as on a device opening a clinic page.
 */
import { freeSlots } from '../src/lib/booking/slots';
import type { Schedule } from '../src/lib/booking/schema';
import type { Clinic, Practitioner } from '../src/lib/directory/schema';

const DAY = 86_400_000;
const SPANS = [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '16:00' }];

const clinic = {
	id: 'clinic-bench', type: 'clinic', name: 'Bench Clinic', kind: 'clinic', specialties: ['general-practice'], services: [],
	conditionsTreated: [], address: '1 Road', town: 'Town', region: 'bench', coordinates: { lat: 51.5, lon: 0 }, hours: {},
	exceptions: [], timeZone: 'Europe/London', languages: ['en'], feeBand: 'low', walkIn: true, telehealth: false,
	accessibility: { wheelchair: true }, updatedAt: 1
} as Clinic;

function practitioner(n: number, firstDay: number): Practitioner {
	const schedule: Schedule = {
		clinicId: clinic.id,
		slotMinutes: [15, 20, 30][n % 3],
		weekly: { '1': SPANS, '2': SPANS, '3': SPANS, '4': SPANS, '5': SPANS, '6': n % 2 ? [SPANS[0]] : [] },
		exceptions: [{ from: new Date((firstDay + 5 + n) * DAY).toISOString().slice(0, 10), to: new Date((firstDay + 7 + n) * DAY).toISOString().slice(0, 10) }],
		horizonDays: 30,
		noticeMinutes: 60
	};
	return { id: `practitioner-bench-${n}`, type: 'practitioner', name: `Dr ${n}`, clinicIds: [clinic.id], specialties: ['general-practice'], languages: ['en'], qualifications: [], schedules: [schedule], updatedAt: 1 };
}

/** Milliseconds per run (a month of free slots for all 20 practitioners), and the slots found. */
export function runSlotsMonth(runs: number): { times: number[]; slots: number } {
	const times: number[] = [];
	let slots = 0;
	for (let run = 0; run < runs; run++) {
		const now = Date.UTC(2026, 0, 5, 9) + run * 31 * DAY;
		const practitioners = Array.from({ length: 20 }, (_, n) => practitioner(n, Math.floor(now / DAY)));
		// every third slot of the first fortnight is taken
		const taken = new Map(practitioners.map((p) => [p.id, new Set<string>()]));
		for (let t = now; t < now + 14 * DAY; t += 45 * 60_000) for (const p of practitioners) taken.get(p.id)!.add(new Date(t - (t % 900_000)).toISOString());
		const started = performance.now();
		let found = 0;
		for (const p of practitioners) {
			found += freeSlots(p, (id) => (id === clinic.id ? clinic : undefined), { from: now, to: now + 30 * DAY, now, taken: taken.get(p.id)!, clinicId: clinic.id }).length;
		}
		times.push(performance.now() - started);
		slots = found;
	}
	return { times, slots };
}
