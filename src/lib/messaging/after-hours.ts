/**
 * The working-hours notice a patient sees in a conversation while the clinic is closed, from the
 * directory's opening hours in the clinic's own time zone (no server round trip: it shows offline too).
 */
import { describeWhen, openStatus, type HoursSource } from '../directory/hours.js';

export function afterHoursNotice(clinic: HoursSource & { name: string }, at: Date): string | null {
	const status = openStatus(clinic, at);
	if (status.open) return null;
	const opens = status.nextOpen ? ` It opens ${describeWhen(status.nextOpen, at, clinic.timeZone)} (clinic time).` : '';
	return `${clinic.name} is closed now: staff will read your message when they are back.${opens}`;
}
