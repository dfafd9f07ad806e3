/** A share made from an appointment: which visits offer it, the form's prefill and end cap, and "shared until". */
import { describe, expect, it } from 'vitest';
import { cappedEndDay, latestEndDay, prefillFrom, sharedUntil, sharesFrom } from '$lib/sharing/from-appointment';
import { newConsent, untilOfDay } from '$lib/sharing/consents';
import { USER_COLLECTIONS } from '$lib/db/validation';
import type { Appointment } from '$lib/booking/schema';
import type { Consent } from '$lib/sharing/schema';

/** local times of this device, as the share form works in its days */
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h).getTime();
const visit = (start: number, extra: Partial<Appointment> = {}): Appointment => ({
	id: 'appt-1',
	type: 'appointment',
	clinicId: 'kumasi-clinic',
	practitionerId: 'P-7',
	start: new Date(start).toISOString(),
	status: 'booked',
	updatedAt: 1,
	...extra
});

describe('a share from an appointment', () => {
	it('is offered on visits still on, today or later, not on past or closed ones', () => {
		const now = at(2026, 5, 10, 15);
		expect(sharesFrom(visit(at(2026, 5, 12)), now)).toBe(true);
		// earlier today, checked in or not: the doctor may still want the records
		expect(sharesFrom(visit(at(2026, 5, 10, 9)), now)).toBe(true);
		expect(sharesFrom(visit(at(2026, 5, 10, 9), { status: 'checked-in' }), now)).toBe(true);
		expect(sharesFrom(visit(at(2026, 5, 12), { status: 'requested' }), now)).toBe(true);
		expect(sharesFrom(visit(at(2026, 5, 9, 16)), now)).toBe(false);
		for (const status of ['cancelled', 'rejected', 'declined', 'rescheduled', 'completed', 'no-show'] as const) {
			expect(sharesFrom(visit(at(2026, 5, 12), { status }), now), status).toBe(false);
		}
	});

	it('starts with the clinic, the doctor on offer and an end seven days after the visit ends', () => {
		const today = new Date(at(2026, 5, 10));
		expect(prefillFrom(visit(at(2026, 5, 12)), today)).toEqual({ appointmentId: 'appt-1', clinicId: 'kumasi-clinic', practitionerId: 'P-7', endDay: '2026-05-19' });
		// the end of the visit counts (a visit past midnight), and month ends are crossed
		expect(prefillFrom(visit(at(2026, 5, 28, 23), { end: new Date(at(2026, 5, 29, 0) + 30 * 60_000).toISOString() }), today).endDay).toBe('2026-06-05');
	});

	it('caps the end a year ahead, on the form only', () => {
		const today = new Date(at(2026, 5, 10));
		expect(latestEndDay(today)).toBe('2027-05-10');
		expect(cappedEndDay('2030-01-01', today)).toBe('2027-05-10');
		expect(cappedEndDay('2026-06-01', today)).toBe('2026-06-01');
		// a visit booked far ahead still gets an end the form allows
		expect(prefillFrom(visit(at(2027, 5, 8)), today).endDay).toBe('2027-05-10');
	});

	it('writes the visit and, if chosen, the name into a consent the server accepts', () => {
		const consent = newConsent({ clinicId: 'kumasi-clinic', recordIds: [], categories: ['allergies'], endDay: '2026-05-19', patientName: ' Ama Mensah ', appointmentId: 'appt-1' }, 5, 'share-1');
		expect(consent).toMatchObject({ patientName: 'Ama Mensah', appointmentId: 'appt-1', until: untilOfDay('2026-05-19') });
		expect(USER_COLLECTIONS.consents(consent)).toBeNull();
		expect(newConsent({ clinicId: 'kumasi-clinic', recordIds: ['r1'], categories: [], endDay: '2026-05-19', patientName: '  ' }, 5)).not.toHaveProperty('patientName');
		expect(USER_COLLECTIONS.consents({ ...consent, appointmentId: '../other' })).not.toBeNull();
	});
});

describe('until when a clinic holds a share', () => {
	const NOW = at(2026, 5, 10);
	const share = (clinicId: string, until: number, extra: Partial<Consent> = {}): Consent => ({ id: `c-${until}`, type: 'consent', clinicId, recordIds: ['r1'], until: new Date(until).toISOString(), status: 'active', updatedAt: 1, ...extra });

	it('is the latest end among the shares in effect with that clinic', () => {
		const shares = [
			share('kumasi-clinic', at(2026, 5, 14)),
			share('kumasi-clinic', at(2026, 5, 20), { practitionerId: 'P-7' }),
			share('kumasi-clinic', at(2026, 6, 30), { status: 'revoked' }),
			share('kumasi-clinic', at(2026, 5, 9)),
			share('other-clinic', at(2026, 7, 1))
		];
		expect(sharedUntil(shares, 'kumasi-clinic', NOW)).toBe(new Date(at(2026, 5, 20)).toISOString());
		expect(sharedUntil(shares.slice(2, 4), 'kumasi-clinic', NOW)).toBeNull();
		expect(sharedUntil(shares, 'third-clinic', NOW)).toBeNull();
	});
});
