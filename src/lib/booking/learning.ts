/**
 * A booked visit teaches the recommender on this device: the patient's own words for the visit, as the
 * recommender's features, labelled with the specialty they booked. Stored once per appointment, like
 * the recommender's own cases (the `cases` collection, never replicated).
 */
import type { CasesCollection, LocalCaseDoc } from '../recommender/collection.js';
import { SPECIALTIES } from '../directory/specialties.js';
import type { HealthRecord } from '../profile/schema.js';
import { extractSymptoms } from '../recommender/extract.js';
import { featuresOf } from '../recommender/features.js';
import { profileContext } from '../recommender/history.js';
import type { Appointment } from './schema.js';

export const bookingCaseId = (appointmentId: string) => `booked-${appointmentId}`;

/** The learning case of a booked appointment, or null when there is nothing to learn from. */
export function caseOfBooking(appointment: Appointment, records: HealthRecord[], now: number): LocalCaseDoc | null {
	if (appointment.status !== 'booked' || !appointment.specialty || !(appointment.specialty in SPECIALTIES)) return null;
	const extraction = extractSymptoms(appointment.visitReason ?? '');
	const present = extraction.symptoms.filter((s) => !s.negated).map((s) => s.id);
	if (!present.length) return null;
	const profile = extraction.subject.someoneElse ? undefined : profileContext(records, new Date(now));
	const features = featuresOf(present, {
		ageYears: extraction.subject.ageYears ?? profile?.ageYears,
		sex: extraction.subject.sex ?? profile?.sex,
		pregnant: extraction.subject.pregnant ?? profile?.pregnant
	});
	return { id: bookingCaseId(appointment.id), specialty: appointment.specialty, features, createdAt: now };
}

/** Stores the case of each booked appointment once (its id is the appointment's). */
export async function learnFromBookings(cases: CasesCollection, appointments: Appointment[], records: () => Promise<HealthRecord[]>, now: number): Promise<number> {
	const booked = appointments.filter((a) => a.status === 'booked' && a.specialty);
	if (!booked.length) return 0;
	const known = new Set((await cases.findByIds(booked.map((a) => bookingCaseId(a.id))).exec()).keys());
	const fresh = booked.filter((a) => !known.has(bookingCaseId(a.id)));
	if (!fresh.length) return 0;
	const all = await records();
	const docs = fresh.map((a) => caseOfBooking(a, all, now)).filter((c): c is LocalCaseDoc => c !== null);
	if (docs.length) await cases.bulkInsert(docs);
	return docs.length;
}
