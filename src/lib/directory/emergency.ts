/** The emergency numbers this device offers: those of the regions it keeps, from their region documents. */
import type { DirectoryDoc, Region } from './schema.js';

/** Dialled when the device knows no region yet: the emergency number of many countries (GSM phones route it). */
export const FALLBACK_EMERGENCY_NUMBER = '112';

export interface EmergencyContact {
	label: string;
	number: string;
	/** the region's name when the chosen regions do not all share this number */
	where?: string;
}

/** Each number once, region by region in the order chosen, the most general number of each first. */
export function emergencyContacts(docs: readonly DirectoryDoc[], regions: readonly string[]): EmergencyContact[] {
	const kept = regions.flatMap((id) => docs.filter((d): d is Region => d.type === 'region' && d.region === id).slice(0, 1));
	const contacts = new Map<string, EmergencyContact & { in: Set<string> }>();
	for (const region of kept) {
		for (const { label, number } of region.emergencyNumbers) {
			const key = `${number} ${label}`;
			const contact = contacts.get(key) ?? { label, number, in: new Set<string>() };
			contact.in.add(region.name);
			contacts.set(key, contact);
		}
	}
	return [...contacts.values()].map(({ in: names, ...contact }) => (names.size === kept.length ? contact : { ...contact, where: [...names].join(', ') }));
}
