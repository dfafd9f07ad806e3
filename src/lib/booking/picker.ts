/** Free slots grouped by the clinic's local days, for the day picker. */
import type { Slot } from './slots.js';
import { dateKey, dayLabel, timeLabel } from './format.js';
import { isLive } from './requests.js';
import type { Appointment } from './schema.js';

export interface SlotDay {
	/** the clinic's local date, 2026-12-07 */
	key: string;
	/** Mon 7 Dec */
	label: string;
	slots: (Slot & { time: string })[];
}

/** `slots` sorted by start; days keep that order. */
export function slotDays(slots: Slot[], timeZone: string): SlotDay[] {
	const days: SlotDay[] = [];
	for (const slot of slots) {
		const key = dateKey(slot.start, timeZone);
		if (days.at(-1)?.key !== key) days.push({ key, label: dayLabel(slot.start, timeZone), slots: [] });
		days.at(-1)!.slots.push({ ...slot, time: timeLabel(slot.start, timeZone) });
	}
	return days;
}

/** Starts this patient already holds or asked for: not offered again. */
export const ownStarts = (appointments: Appointment[], practitionerId: string) => new Set(appointments.filter((a) => a.practitionerId === practitionerId && isLive(a)).map((a) => a.start));
