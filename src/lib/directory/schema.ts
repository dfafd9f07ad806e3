/**
 * Directory documents (clinics, practitioners and the region itself) replicated from `directory-<region>`
 * and their validation, shared by the browser and the sync-server (same pattern as src/lib/db/validation.ts).
 */
import { compiledChecks, validator } from '../db/validation.js';
import { SPECIALTY_IDS, type SpecialtyId } from './specialties.js';
import { bookingPolicyValidationSchema, scheduleValidationSchema, type BookingPolicy, type Schedule } from '../booking/schema.js';
import { CLINIC_KINDS, FEE_BANDS, GENDERS, type ClinicKind, type FeeBand } from './vocabulary.js';

export type { ClinicKind, FeeBand };

/** Opening hours of one day, local time of the clinic (`timeZone`). */
export interface OpeningSpan {
	open: string;
	close: string;
}
/** Keys '0' (Sunday) to '6' (Saturday); a missing or empty day is closed. */
export type WeeklyHours = Partial<Record<'0' | '1' | '2' | '3' | '4' | '5' | '6', OpeningSpan[]>>;

export interface HoursException {
	/** YYYY-MM-DD */
	date: string;
	closed?: boolean;
	hours?: OpeningSpan[];
	note?: string;
}

export interface Clinic {
	id: string;
	type: 'clinic';
	name: string;
	kind: ClinicKind;
	specialties: SpecialtyId[];
	services: string[];
	conditionsTreated: string[];
	address: string;
	town: string;
	region: string;
	coordinates: { lat: number; lon: number };
	phone?: string;
	hours: WeeklyHours;
	exceptions: HoursException[];
	timeZone: string;
	languages: string[];
	feeBand: FeeBand;
	walkIn: boolean;
	telehealth: boolean;
	accessibility: { wheelchair: boolean; stepFreeEntrance?: boolean; accessibleToilet?: boolean; signLanguage?: boolean };
	description?: string;
	/** how the clinic takes bookings; absent: booked at once, cancellable until the visit */
	booking?: BookingPolicy;
	updatedAt: number;
}

export interface Practitioner {
	id: string;
	type: 'practitioner';
	name: string;
	clinicIds: string[];
	specialties: SpecialtyId[];
	languages: string[];
	gender?: (typeof GENDERS)[number];
	qualifications: string[];
	/** when they can be booked, one schedule per clinic; absent: not bookable online */
	schedules?: Schedule[];
	updatedAt: number;
}

/** A number to call in an emergency, e.g. `{ label: 'Ambulance', number: '193' }`. */
export interface EmergencyNumber {
	label: string;
	/** digits only, dialled as they are */
	number: string;
}

/**
 * The region a directory serves, one per `directory-<region>` (id `region-<region>`, so that regions
 * pulled onto one device do not overwrite each other). Set by the operator only (seeding).
 */
export interface Region {
	id: string;
	type: 'region';
	region: string;
	name: string;
	/** the most general number first */
	emergencyNumbers: EmergencyNumber[];
	updatedAt: number;
}

export type DirectoryDoc = Clinic | Practitioner | Region;

/** The id of a region's own document in its directory. */
export const regionDocId = (region: string) => `region-${region}`;

const idSchema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9-]*$' };
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const list = (item: object, max: number) => ({ type: 'array', maxItems: max, items: item });
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' };
const span = {
	type: 'object',
	additionalProperties: false,
	required: ['open', 'close'],
	properties: { open: time, close: time }
};
const day = list(span, 6);
const specialty = { type: 'string', enum: SPECIALTY_IDS };
const regionId = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' };
const language = { type: 'string', minLength: 2, maxLength: 40 };

export const clinicValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: [
		'id', 'type', 'name', 'kind', 'specialties', 'services', 'conditionsTreated', 'address', 'town', 'region',
		'coordinates', 'hours', 'exceptions', 'timeZone', 'languages', 'feeBand', 'walkIn', 'telehealth',
		'accessibility', 'updatedAt'
	],
	properties: {
		id: idSchema,
		type: { const: 'clinic' },
		name: text(160),
		kind: { type: 'string', enum: CLINIC_KINDS },
		specialties: { ...list(specialty, SPECIALTY_IDS.length), uniqueItems: true },
		services: list(text(120), 60),
		conditionsTreated: list(text(120), 100),
		address: text(300),
		town: text(120),
		region: regionId,
		coordinates: {
			type: 'object',
			additionalProperties: false,
			required: ['lat', 'lon'],
			properties: {
				lat: { type: 'number', minimum: -90, maximum: 90 },
				lon: { type: 'number', minimum: -180, maximum: 180 }
			}
		},
		phone: { type: 'string', pattern: '^\\+?[0-9 ()-]{5,24}$' },
		hours: {
			type: 'object',
			additionalProperties: false,
			properties: { '0': day, '1': day, '2': day, '3': day, '4': day, '5': day, '6': day }
		},
		exceptions: list(
			{
				type: 'object',
				additionalProperties: false,
				required: ['date'],
				properties: {
					date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
					closed: { type: 'boolean' },
					hours: day,
					note: { type: 'string', maxLength: 200 }
				}
			},
			100
		),
		timeZone: { type: 'string', pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', maxLength: 64 },
		languages: { ...list(language, 20), minItems: 1 },
		feeBand: { type: 'string', enum: FEE_BANDS },
		walkIn: { type: 'boolean' },
		telehealth: { type: 'boolean' },
		accessibility: {
			type: 'object',
			additionalProperties: false,
			required: ['wheelchair'],
			properties: {
				wheelchair: { type: 'boolean' },
				stepFreeEntrance: { type: 'boolean' },
				accessibleToilet: { type: 'boolean' },
				signLanguage: { type: 'boolean' }
			}
		},
		description: { type: 'string', maxLength: 2000 },
		booking: bookingPolicyValidationSchema,
		updatedAt: { type: 'integer', minimum: 0 }
	}
};

export const practitionerValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'name', 'clinicIds', 'specialties', 'languages', 'qualifications', 'updatedAt'],
	properties: {
		id: idSchema,
		type: { const: 'practitioner' },
		name: text(160),
		clinicIds: { ...list(idSchema, 20), minItems: 1 },
		specialties: { ...list(specialty, SPECIALTY_IDS.length), minItems: 1, uniqueItems: true },
		languages: { ...list(language, 20), minItems: 1 },
		gender: { type: 'string', enum: GENDERS },
		qualifications: list(text(120), 20),
		schedules: list(scheduleValidationSchema, 20),
		updatedAt: { type: 'integer', minimum: 0 }
	}
};

export const regionValidationSchema = {
	type: 'object',
	additionalProperties: false,
	required: ['id', 'type', 'region', 'name', 'emergencyNumbers', 'updatedAt'],
	properties: {
		id: idSchema,
		type: { const: 'region' },
		region: regionId,
		name: text(120),
		emergencyNumbers: {
			...list(
				{
					type: 'object',
					additionalProperties: false,
					required: ['label', 'number'],
					properties: { label: text(40), number: { type: 'string', pattern: '^[0-9]{2,15}$' } }
				},
				8
			),
			minItems: 1
		},
		updatedAt: { type: 'integer', minimum: 0 }
	}
};

const checkClinic = validator(compiledChecks.clinic);
const checkPractitioner = validator(compiledChecks.practitioner);
const checkRegion = validator(compiledChecks.region);

/** A span that closes at or before its opening time runs overnight; one that closes as it opens is a slip. */
function spansValid(spans: OpeningSpan[] | undefined): boolean {
	return (spans ?? []).every((s) => s.open !== s.close);
}

export function validateClinic(doc: unknown): string | null {
	const reason = checkClinic(doc);
	if (reason) return reason;
	const clinic = doc as Clinic;
	for (const [dayKey, spans] of Object.entries(clinic.hours)) {
		if (!spansValid(spans)) return `hours.${dayKey} opens and closes at the same time`;
	}
	for (const ex of clinic.exceptions) {
		if (!spansValid(ex.hours)) return `exceptions ${ex.date} opens and closes at the same time`;
	}
	return null;
}

/** Schedules: spans end on the day they start, at one of the practitioner's clinics, one per clinic. */
function scheduleProblem(practitioner: Practitioner): string | null {
	const seen = new Set<string>();
	for (const [i, schedule] of (practitioner.schedules ?? []).entries()) {
		if (!practitioner.clinicIds.includes(schedule.clinicId)) return `schedules.${i} is at a clinic not in clinicIds`;
		if (seen.has(schedule.clinicId)) return `schedules.${i} repeats clinic ${schedule.clinicId}`;
		seen.add(schedule.clinicId);
		for (const [dayKey, spans] of Object.entries(schedule.weekly)) {
			if ((spans ?? []).some((s) => s.close !== '24:00' && s.close <= s.open)) {
				return `schedules.${i}.weekly.${dayKey} must close after it opens, on the same day`;
			}
		}
		for (const ex of schedule.exceptions) {
			if (ex.from > ex.to) return `schedules.${i} exception ${ex.from} ends before it starts`;
		}
	}
	return null;
}

export function validatePractitioner(doc: unknown): string | null {
	return checkPractitioner(doc) ?? scheduleProblem(doc as Practitioner);
}

export function validateRegion(doc: unknown): string | null {
	const reason = checkRegion(doc);
	if (reason) return reason;
	const region = doc as Region;
	return region.id === regionDocId(region.region) ? null : `id must be ${regionDocId(region.region)}`;
}

/** Validator for any directory document (by `type`), usable with `validateReplicatedDoc`. */
export function validateDirectoryDoc(doc: unknown): string | null {
	const type = doc && typeof doc === 'object' ? (doc as { type?: unknown }).type : undefined;
	if (type === 'clinic') return validateClinic(doc);
	if (type === 'practitioner') return validatePractitioner(doc);
	if (type === 'region') return validateRegion(doc);
	return 'type must be clinic, practitioner or region';
}

type WireDoc = Record<string, unknown>;

function stringList(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Whether a clinic administrator may write `doc` (CouchDB shape, `_id`) to the directory of `region`:
 * null when allowed, else the reason. Authorisation only; content is checked by `validateDirectoryDoc`.
 * The sync-server enforces it, and the app can ask it before pushing (a refused row blocks a push).
 *
 * - `clinics`: the administrator's clinics that are listed (live clinic docs) in this region's directory;
 * - `existing`: the stored, not deleted, document with the same id, or null.
 *
 * A clinic listing can be edited by its administrator (same id, same region) but never created, turned
 * into something else or deleted. A practitioner may be created and edited when it belongs to one of the
 * administrator's clinics, before and after the write, and deleted when it belongs to theirs only;
 * clinics the administrator does not run can neither be added to nor removed from a practitioner.
 * The region document (its name and emergency numbers) and its id are the operator's alone.
 */
export function clinicAdminRefusal(
	doc: WireDoc,
	existing: WireDoc | null,
	scope: { region: string; clinics: readonly string[] }
): string | null {
	const mine = (ids: unknown) => stringList(ids).some((id) => scope.clinics.includes(id));
	const others = (ids: unknown) => [...new Set(stringList(ids).filter((id) => !scope.clinics.includes(id)))].sort().join(',');

	if (doc.type === 'region' || existing?.type === 'region' || doc._id === regionDocId(scope.region)) {
		return 'Only the operator sets the region and its emergency numbers';
	}
	if (doc._deleted === true) {
		if (!existing) return null; // nothing stored to protect
		if (existing.type === 'clinic') return 'Clinic listings cannot be deleted';
		if (!mine(existing.clinicIds)) return 'That practitioner belongs to another clinic';
		if (others(existing.clinicIds)) return 'That practitioner is also listed by another clinic';
		return null;
	}
	if (doc.type === 'clinic') {
		if (typeof doc._id !== 'string' || !scope.clinics.includes(doc._id)) return 'You may edit only your own clinic';
		if (!existing || existing.type !== 'clinic') return 'That clinic is not listed in this region';
		if (doc.region !== scope.region) return `region must stay ${scope.region}`;
		return null;
	}
	if (doc.type === 'practitioner') {
		if (existing && existing.type !== 'practitioner') return 'That id belongs to a clinic';
		if (!mine(doc.clinicIds)) return 'A practitioner must belong to one of your clinics';
		if (existing && !mine(existing.clinicIds)) return 'That practitioner belongs to another clinic';
		if (others(doc.clinicIds) !== others(existing?.clinicIds)) {
			return 'Only their own administrators can add or remove other clinics';
		}
		return null;
	}
	return 'type must be clinic or practitioner';
}
