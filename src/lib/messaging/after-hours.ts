/**
 * The working-hours notice a patient sees in a conversation while the clinic is closed, from the
 * directory's opening hours in the clinic's own time zone (no server round trip: it shows offline too).
 */
import { describeWhen, openStatus, type HoursSource } from '../directory/hours.js';
import { m } from '../paraglide/messages.js';

export function afterHoursNotice(clinic: HoursSource & { name: string }, at: Date): string | null {
	const status = openStatus(clinic, at);
	if (status.open) return null;
	if (!status.nextOpen) return m.messaging_closed({ clinic: clinic.name });
	return m.messaging_closed_opens({ clinic: clinic.name, when: describeWhen(status.nextOpen, at, clinic.timeZone) });
}
