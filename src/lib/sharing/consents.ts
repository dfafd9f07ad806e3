/**
 * What the patient's share pages compute: a new consent in the contract's shape, its default end, what
 * it covers now, and whether it is still in effect (see docs/architecture.md, "Sharing").
 */
import type { HealthRecord } from '../profile/schema.js';
import { uuidv7 } from '../db/ids.js';
import { CATEGORY_KINDS, inScope, isInEffect, type Consent, type ShareCategory } from './schema.js';
import { m } from '../paraglide/messages.js';

export const DEFAULT_SHARE_DAYS = 7;

const CATEGORY_WORDS: Record<ShareCategory, () => string> = {
	conditions: m.sharing_category_conditions,
	allergies: m.sharing_category_allergies,
	medications: m.sharing_category_medications,
	'labs-and-vitals': m.sharing_category_labs,
	documents: m.sharing_category_documents,
	notes: m.sharing_category_notes
};

/** A category in plain words, as the patient chooses it, in the reader's language. */
export const categoryWords = (category: ShareCategory): string => CATEGORY_WORDS[category]();

/** "all medicines": a whole category inside a list. */
export const allOfCategory = (category: ShareCategory): string => m.sharing_all_group({ group: categoryWords(category).toLocaleLowerCase() });

/** A local calendar day as `YYYY-MM-DD`. */
export function dayOf(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end day a new share proposes: a week from today. */
export function defaultEndDay(today: Date): string {
	return dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() + DEFAULT_SHARE_DAYS));
}

/** A share chosen to end on a day ends at the last second of that day, on this device's clock. */
export function untilOfDay(day: string): string {
	return new Date(`${day}T23:59:59`).toISOString();
}

export interface ShareChoice {
	clinicId: string;
	practitionerId?: string;
	recordIds: string[];
	categories: ShareCategory[];
	endDay: string;
	/** shown to the clinic, if the patient chose to */
	patientName?: string;
	/** the appointment the share was made from */
	appointmentId?: string;
}

/** The consent to write: only the contract's fields, the empty choices left out. */
export function newConsent(choice: ShareChoice, now: number, id: string = uuidv7(now)): Consent {
	return {
		id,
		type: 'consent',
		clinicId: choice.clinicId,
		...(choice.practitionerId ? { practitionerId: choice.practitionerId } : {}),
		...(choice.recordIds.length ? { recordIds: [...new Set(choice.recordIds)] } : {}),
		...(choice.categories.length ? { categories: [...new Set(choice.categories)] } : {}),
		until: untilOfDay(choice.endDay),
		status: 'active',
		...(choice.patientName?.trim() ? { patientName: choice.patientName.trim() } : {}),
		...(choice.appointmentId ? { appointmentId: choice.appointmentId } : {}),
		updatedAt: now
	};
}

/** The records a consent covers among these (by id or by category). */
export function recordsCovered(consent: Pick<Consent, 'recordIds' | 'categories'>, records: readonly HealthRecord[]): HealthRecord[] {
	return records.filter((r) => r.kind !== 'about' && inScope(consent, r));
}

export interface SharePreview {
	/** the records chosen one by one */
	records: HealthRecord[];
	/** each chosen category and how many records it holds now */
	categories: { category: ShareCategory; words: string; count: number }[];
}

/** What exactly a choice shares, shown before the patient confirms. */
export function previewShare(choice: Pick<ShareChoice, 'recordIds' | 'categories'>, records: readonly HealthRecord[]): SharePreview {
	return {
		records: records.filter((r) => choice.recordIds.includes(r.id)),
		categories: choice.categories.map((category) => ({
			category,
			words: categoryWords(category),
			count: records.filter((r) => (CATEGORY_KINDS[category] as readonly string[]).includes(r.kind)).length
		}))
	};
}

export type ShareState = 'active' | 'ended' | 'revoked';

export function shareState(consent: Pick<Consent, 'status' | 'until'>, now: number): ShareState {
	if (consent.status === 'revoked') return 'revoked';
	return isInEffect(consent, now) ? 'active' : 'ended';
}

/** The same consent, stopped: the router removes its copies once this reaches the server. */
export function revoked(consent: Consent, now: number): Consent {
	return { ...consent, status: 'revoked', updatedAt: Math.max(now, consent.updatedAt + 1) };
}

type Version = Pick<Consent, 'status' | 'updatedAt'> & { _deleted?: boolean };

/** A revoke is never undone by a meeting write; otherwise the later change wins. */
export function consentWinner<T extends Version>(device: T, master: T): T {
	if (device.status === 'revoked' && master.status !== 'revoked') return device;
	if (master.status === 'revoked' && device.status !== 'revoked') return master;
	return device.updatedAt > master.updatedAt ? device : master;
}
