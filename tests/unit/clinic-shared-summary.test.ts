/** The clinic tablet's view of shared records: the expiry filter, one entry per patient, the summary and its trends. */
import { describe, expect, it } from 'vitest';
import { inEffect, readingSeries, sharedSummary, sharingPatients, upcomingVisits } from '../../src/lib/clinic/shared-summary';
import type { ClinicAppointment } from '../../src/lib/booking/schema';
import type { SharedRecord } from '../../src/lib/sharing/schema';

const NOW = Date.parse('2026-12-07T10:00:00Z');
let n = 0;
function copy(kind: SharedRecord['kind'], data: Record<string, unknown>, extra: Partial<SharedRecord> = {}): SharedRecord {
	n++;
	return { id: `s-${n}`, type: 'shared-record', patientRef: 'ref-a', consentId: 'consent-1', until: '2026-12-08T10:00:00Z', recordId: `r-${n}`, kind, data, updatedAt: 1, ...extra };
}
const reading = (name: string, value: number | string, takenOn: string, unit = 'mmol/L') => ({ category: 'lab', name, value, unit, takenOn });

describe('the copies in effect', () => {
	it('hides a copy whose end has passed, and one whose end is not an instant', () => {
		const current = copy('allergy', {}, { until: '2026-12-07T10:00:01Z' });
		const ended = copy('allergy', {}, { until: '2026-12-07T10:00:00Z' });
		const broken = copy('allergy', {}, { until: 'tomorrow' });
		expect(inEffect([current, ended, broken], NOW)).toEqual([current]);
		expect(inEffect([current], NOW + 1000)).toEqual([]);
	});
});

describe('patients who share', () => {
	it('groups copies by patient with their kinds, the name shared and the latest end', () => {
		const patients = sharingPatients([
			copy('allergy', {}, { patientRef: 'b', patientName: 'Kofi', until: '2026-12-08T00:00:00Z' }),
			copy('observation', {}, { patientRef: 'b', until: '2026-12-09T00:00:00Z' }),
			copy('allergy', {}, { patientRef: 'b' }),
			copy('note', {}, { patientRef: 'a', patientName: 'Ama' }),
			copy('note', {}, { patientRef: 'c' })
		]);
		expect(patients.map((p) => [p.ref, p.name, p.kinds, p.records.length])).toEqual([
			['a', 'Ama', ['note'], 1],
			['b', 'Kofi', ['allergy', 'observation'], 3],
			['c', null, ['note'], 1]
		]);
		expect(patients[1].until).toBe('2026-12-09T00:00:00Z');
	});

	it("lists a sharing patient's visits at the clinic from today on, by the reference on their copies", () => {
		const entry = (id: string, start: string, extra: Partial<ClinicAppointment> = {}): ClinicAppointment => ({ id, type: 'appointment', clinicId: 'c1', practitionerId: 'P-1', start, status: 'booked', updatedAt: 1, patientRef: 'ref-a', ...extra });
		const entries = [
			entry('later', '2026-12-09T08:00:00.000Z'),
			// earlier today in the clinic's zone (UTC+3), and checked in
			entry('today', '2026-12-06T22:30:00.000Z', { status: 'checked-in' }),
			entry('yesterday', '2026-12-06T20:00:00.000Z'),
			entry('cancelled', '2026-12-08T08:00:00.000Z', { status: 'cancelled' }),
			entry('another patient', '2026-12-08T09:00:00.000Z', { patientRef: 'ref-b' }),
			entry('before references', '2026-12-08T10:00:00.000Z', { patientRef: undefined }),
			entry('walk-in', '2026-12-08T11:00:00.000Z', { type: 'walk-in' })
		];
		expect(upcomingVisits(entries, 'ref-a', NOW, 'Africa/Nairobi').map((e) => e.id)).toEqual(['today', 'later']);
		expect(upcomingVisits(entries, 'ref-c', NOW, 'Africa/Nairobi')).toEqual([]);
	});
});

describe('the summary', () => {
	it('lists readings by name oldest first, with the trend of each against the one before', () => {
		const series = readingSeries([
			reading('Glucose', 7.1, '2026-03-01'),
			reading('HbA1c', 6.5, '2026-01-01', '%'),
			reading('glucose', 6.2, '2026-01-01'),
			reading('Glucose', 7.1, '2026-04-01'),
			reading('Glucose', 'high', '2026-05-01'),
			reading('Glucose', 5.9, '2026-06-01')
		] as never);
		expect(series.map((s) => s.name)).toEqual(['Glucose', 'HbA1c']);
		expect(series[0].readings.map((r) => [r.takenOn, r.trend])).toEqual([
			['2026-01-01', null],
			['2026-03-01', 'up'],
			['2026-04-01', 'same'],
			['2026-05-01', null],
			['2026-06-01', null]
		]);
		expect(readingSeries([reading('Weight', 80, '2026-02-01', 'kg'), reading('Weight', 78, '2026-03-01', 'kg')] as never)[0].readings[1].trend).toBe('down');
	});

	it('keeps readings of one name in different units apart', () => {
		expect(readingSeries([reading('Glucose', 7, '2026-01-01'), reading('Glucose', 126, '2026-02-01', 'mg/dL')] as never)).toHaveLength(2);
	});

	it('sorts each kind into its section: active conditions first, latest notes first', () => {
		const summary = sharedSummary([
			copy('allergy', { substance: 'Penicillin', severity: 'severe' }),
			copy('condition', { name: 'Asthma', status: 'resolved' }),
			copy('condition', { name: 'Diabetes', status: 'active' }),
			copy('medication', { name: 'Metformin', dose: '500 mg', frequency: 'twice a day' }),
			copy('note', { text: 'old', date: '2025-01-01' }),
			copy('note', { text: 'new', date: '2026-01-01' }),
			copy('observation', reading('Glucose', 7, '2026-01-01'))
		]);
		expect(summary.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
		expect(summary.conditions.map((c) => c.name)).toEqual(['Diabetes', 'Asthma']);
		expect(summary.medications.map((m) => m.name)).toEqual(['Metformin']);
		expect(summary.notes.map((x) => x.text)).toEqual(['new', 'old']);
		expect(summary.readings).toHaveLength(1);
	});
});
