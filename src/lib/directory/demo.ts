/**
 * A deterministic demo directory: clinics placed around real towns of a region (approximate real
 * coordinates), with generated fictitious names (never real people or real facilities).
 * Same `{ region, clinics, seed, today }` → same output; no Math.random, no clock.
 *
 * Practitioners of clinics, hospitals and health posts get a booking schedule at their clinic: weekday
 * spans inside its hours, and a leave or two in the weeks after `today` (weekly spans make free slots
 * around any date). Schedules and booking policies come from their own random stream, so adding them
 * left the rest of the directory as it was.
 */
import type { Area } from './geo.js';
import type { SpecialtyId } from './specialties.js';
import { seededRandom } from '../random.js';
import { regionDocId, type Clinic, type ClinicKind, type EmergencyNumber, type FeeBand, type OpeningSpan, type Practitioner, type Region, type WeeklyHours } from './schema.js';
import type { BookingPolicy, Schedule, ScheduleException } from '../booking/schema.js';

interface Town {
	name: string;
	lat: number;
	lon: number;
	/** spread of generated sites around the centre, in degrees */
	spread: number;
	weight: number;
}

interface RegionInfo {
	label: string;
	emergencyNumbers: EmergencyNumber[];
	timeZone: string;
	languages: string[];
	towns: Town[];
	holidays: { date: string; note: string }[];
}

/** 112 is Ghana's national emergency number (all services); the others reach one service directly. */
const GHANA_EMERGENCY_NUMBERS: EmergencyNumber[] = [
	{ label: 'Emergency', number: '112' },
	{ label: 'Ambulance', number: '193' },
	{ label: 'Police', number: '191' },
	{ label: 'Fire', number: '192' }
];

const GHANA_HOLIDAYS = [
	{ date: '2026-01-01', note: "New Year's Day" },
	{ date: '2026-03-06', note: 'Independence Day' },
	{ date: '2026-05-01', note: 'May Day' },
	{ date: '2026-12-25', note: 'Christmas Day' }
];

/** Where a demo region's clinics are generated: its towns with their spread (undefined for other regions). */
export function demoRegionArea(region: string): Area | undefined {
	const towns = DEMO_REGIONS[region]?.towns;
	if (!towns?.length) return undefined;
	const round = (v: number) => Math.round(v * 1e4) / 1e4;
	return {
		south: round(Math.min(...towns.map((t) => t.lat - t.spread))),
		west: round(Math.min(...towns.map((t) => t.lon - t.spread))),
		north: round(Math.max(...towns.map((t) => t.lat + t.spread))),
		east: round(Math.max(...towns.map((t) => t.lon + t.spread)))
	};
}

export const DEMO_REGIONS: Record<string, RegionInfo> = {
	ashanti: {
		label: 'Ashanti, Ghana',
		emergencyNumbers: GHANA_EMERGENCY_NUMBERS,
		timeZone: 'Africa/Accra',
		languages: ['Twi', 'English'],
		holidays: GHANA_HOLIDAYS,
		towns: [
			{ name: 'Kumasi', lat: 6.6885, lon: -1.6244, spread: 0.05, weight: 8 },
			{ name: 'Obuasi', lat: 6.2028, lon: -1.664, spread: 0.02, weight: 3 },
			{ name: 'Ejisu', lat: 6.7167, lon: -1.4667, spread: 0.015, weight: 2 },
			{ name: 'Konongo', lat: 6.6167, lon: -1.2167, spread: 0.015, weight: 2 },
			{ name: 'Mampong', lat: 7.0631, lon: -1.4003, spread: 0.015, weight: 2 },
			{ name: 'Bekwai', lat: 6.4569, lon: -1.5758, spread: 0.015, weight: 2 },
			{ name: 'Offinso', lat: 6.9333, lon: -1.65, spread: 0.015, weight: 2 },
			{ name: 'Agogo', lat: 6.8, lon: -1.0833, spread: 0.012, weight: 1 },
			{ name: 'Ejura', lat: 7.3856, lon: -1.3562, spread: 0.012, weight: 1 },
			{ name: 'Nkawie', lat: 6.6667, lon: -1.8167, spread: 0.01, weight: 1 },
			{ name: 'Juaso', lat: 6.5833, lon: -1.1167, spread: 0.01, weight: 1 },
			{ name: 'Tepa', lat: 7.0, lon: -2.1667, spread: 0.01, weight: 1 }
		]
	},
	northern: {
		label: 'Northern, Ghana',
		emergencyNumbers: GHANA_EMERGENCY_NUMBERS,
		timeZone: 'Africa/Accra',
		languages: ['Dagbani', 'English', 'Hausa'],
		holidays: GHANA_HOLIDAYS,
		towns: [
			{ name: 'Tamale', lat: 9.4008, lon: -0.8393, spread: 0.04, weight: 6 },
			{ name: 'Yendi', lat: 9.4427, lon: -0.0099, spread: 0.015, weight: 2 },
			{ name: 'Savelugu', lat: 9.6244, lon: -0.8253, spread: 0.012, weight: 2 },
			{ name: 'Bimbilla', lat: 8.8548, lon: 0.0589, spread: 0.012, weight: 1 },
			{ name: 'Tolon', lat: 9.4333, lon: -1.0667, spread: 0.01, weight: 1 },
			{ name: 'Gushegu', lat: 9.9333, lon: -0.2167, spread: 0.01, weight: 1 },
			{ name: 'Kpandai', lat: 8.4667, lon: -0.0167, spread: 0.01, weight: 1 }
		]
	}
};

/** When the demo regions' documents were last set: a fixed stamp keeps seeding clock-free and idempotent. */
const DEMO_REGION_UPDATED_AT = 1764892800000;

/** The region document of a demo region: its name and emergency numbers. */
export function demoRegion(region: string): Region {
	const info = DEMO_REGIONS[region];
	if (!info) throw new Error(`No demo data for region ${region}`);
	return { id: regionDocId(region), type: 'region', region, name: info.label, emergencyNumbers: info.emergencyNumbers, updatedAt: DEMO_REGION_UPDATED_AT };
}

export interface DemoDirectory {
	clinics: Clinic[];
	practitioners: Practitioner[];
}

const DESCRIPTORS = [
	'Grace', 'Sunrise', 'Hope', 'Unity', 'Bethel', 'New Dawn', 'Goodwill', 'Golden Stool', 'Evergreen', 'Abundant Life',
	'Riverside', 'Harmony', 'Pillar', 'Morning Star', 'Peace', 'Faithful', 'Covenant', 'Royal', 'Community', 'Heritage'
];
const KIND_WORDS: Record<ClinicKind, string[]> = {
	clinic: ['Clinic', 'Medical Centre', 'Family Clinic'],
	'health-post': ['Health Post', 'CHPS Compound'],
	hospital: ['Hospital', 'District Hospital', 'Medical Hospital'],
	laboratory: ['Diagnostic Laboratory', 'Medical Lab'],
	pharmacy: ['Pharmacy', 'Chemists']
};
const FIRST_NAMES = {
	female: ['Akosua', 'Abena', 'Adwoa', 'Afua', 'Ama', 'Yaa', 'Efua', 'Esi', 'Akua', 'Adjoa', 'Abiba', 'Fati', 'Mariama', 'Salamatu'],
	male: ['Kwame', 'Kofi', 'Kwabena', 'Kwaku', 'Yaw', 'Kojo', 'Kwasi', 'Fiifi', 'Ibrahim', 'Abdulai', 'Issah', 'Mahama', 'Yakubu', 'Alhassan']
};
const LAST_NAMES = [
	'Asante', 'Owusu', 'Boateng', 'Mensah', 'Agyeman', 'Osei', 'Amoako', 'Frimpong', 'Adomako', 'Sarpong', 'Danquah',
	'Opoku', 'Antwi', 'Bonsu', 'Ofori', 'Yeboah', 'Iddrisu', 'Fuseini', 'Abukari', 'Dramani', 'Tahiru', 'Nantogma'
];
const STREETS = ['Hospital Road', 'Market Street', 'Station Road', 'Church Street', 'Palace Road', 'Zongo Lane', 'Old Road', 'School Junction'];

const SERVICES: Partial<Record<SpecialtyId, { services: string[]; conditions: string[] }>> = {
	'general-practice': { services: ['General consultation', 'Blood pressure check', 'Vaccination'], conditions: ['Malaria', 'Fever', 'Hypertension', 'Common cold'] },
	pediatrics: { services: ['Child welfare clinic', 'Growth monitoring', 'Childhood immunisation'], conditions: ['Childhood malaria', 'Diarrhoea', 'Malnutrition'] },
	'obstetrics-gynecology': { services: ['Antenatal care', 'Delivery', 'Family planning'], conditions: ['Pregnancy care', 'Menstrual disorders'] },
	cardiology: { services: ['ECG', 'Heart check-up'], conditions: ['Hypertension', 'Heart failure', 'Chest pain'] },
	endocrinology: { services: ['Diabetes clinic'], conditions: ['Diabetes', 'Thyroid disorders'] },
	'infectious-disease': { services: ['HIV counselling and testing', 'TB screening'], conditions: ['HIV', 'Tuberculosis', 'Malaria', 'Typhoid'] },
	dentistry: { services: ['Dental check-up', 'Tooth extraction'], conditions: ['Toothache', 'Gum disease'] },
	ophthalmology: { services: ['Eye test', 'Glasses prescription'], conditions: ['Cataract', 'Glaucoma', 'Eye infection'] },
	orthopedics: { services: ['Fracture care', 'Bone setting'], conditions: ['Fractures', 'Back pain', 'Joint pain'] },
	hematology: { services: ['Full blood count', 'Sickle cell screening'], conditions: ['Sickle cell disease', 'Anaemia'] },
	emergency: { services: ['24-hour emergency', 'Ambulance'], conditions: ['Injuries', 'Snake bite', 'Severe malaria'] },
	'general-surgery': { services: ['Minor surgery', 'Hernia repair'], conditions: ['Hernia', 'Appendicitis'] },
	psychiatry: { services: ['Counselling', 'Mental health review'], conditions: ['Depression', 'Anxiety'] },
	dermatology: { services: ['Skin clinic'], conditions: ['Eczema', 'Fungal skin infection'] },
	ent: { services: ['Ear syringing', 'Hearing test'], conditions: ['Ear infection', 'Sinusitis'] },
	physiotherapy: { services: ['Physiotherapy', 'Stroke rehabilitation'], conditions: ['Stroke recovery', 'Back pain'] },
	pulmonology: { services: ['Asthma clinic', 'Spirometry'], conditions: ['Asthma', 'Chronic cough'] },
	gastroenterology: { services: ['Stomach clinic'], conditions: ['Ulcer', 'Hepatitis B'] },
	nephrology: { services: ['Kidney clinic'], conditions: ['Kidney disease'] },
	urology: { services: ['Prostate check'], conditions: ['Urinary problems'] }
};
const HOSPITAL_EXTRAS: SpecialtyId[] = ['pediatrics', 'obstetrics-gynecology', 'general-surgery', 'cardiology', 'orthopedics', 'ophthalmology', 'dentistry', 'psychiatry', 'endocrinology', 'ent', 'physiotherapy', 'infectious-disease'];
const CLINIC_EXTRAS: SpecialtyId[] = ['pediatrics', 'obstetrics-gynecology', 'dentistry', 'dermatology', 'endocrinology', 'ophthalmology', 'infectious-disease', 'pulmonology', 'gastroenterology', 'psychiatry'];
const QUALIFICATIONS: Partial<Record<SpecialtyId, string[]>> = {
	'general-practice': ['MB ChB', 'Physician Assistant (BSc)'],
	pediatrics: ['MB ChB', 'Fellow, Paediatrics (GCPS)'],
	'obstetrics-gynecology': ['MB ChB', 'Certified Midwife'],
	dentistry: ['BDS'],
	hematology: ['BSc Medical Laboratory Science'],
	'infectious-disease': ['BSc Medical Laboratory Science', 'MB ChB'],
	emergency: ['MB ChB', 'Emergency Nurse (RN)']
};

const BASE_TIME = 1764300000000;

function weekdayHours(open: string, close: string, saturday: OpeningSpan[] | null, sunday: OpeningSpan[] | null): WeeklyHours {
	const hours: WeeklyHours = {};
	for (const d of ['1', '2', '3', '4', '5'] as const) hours[d] = [{ open, close }];
	if (saturday) hours['6'] = saturday;
	if (sunday) hours['0'] = sunday;
	return hours;
}

const DAY = 86_400_000;
const BOOKABLE_KINDS: ClinicKind[] = ['clinic', 'hospital', 'health-post'];
const SCHEDULE_WEEKDAYS: OpeningSpan[] = [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '16:00' }];

/** The Monday on or before a date (YYYY-MM-DD), in days since 1970: leave stays put for a week. */
function mondayOf(date: string): number {
	const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
	return day - ((day + 3) % 7);
}

const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** One or two leave ranges in the four weeks from `monday`. */
function leaveNear(monday: number, rand: () => number): ScheduleException[] {
	const first = monday + 3 + Math.floor(rand() * 10);
	const leave: ScheduleException[] = [{ from: dateOf(first), to: dateOf(first + Math.floor(rand() * 4)), note: 'Leave' }];
	if (rand() < 0.4) {
		const second = first + 10 + Math.floor(rand() * 10);
		leave.push({ from: dateOf(second), to: dateOf(second), note: 'Training day' });
	}
	return leave;
}

function demoSchedule(clinic: Clinic, monday: number, rand: () => number): Schedule {
	const weekly: WeeklyHours = {};
	for (const d of ['1', '2', '3', '4', '5'] as const) weekly[d] = SCHEDULE_WEEKDAYS;
	const closures = clinic.exceptions.filter((ex) => ex.closed).map((ex): ScheduleException => ({ from: ex.date, to: ex.date, ...(ex.note ? { note: ex.note } : {}) }));
	return {
		clinicId: clinic.id,
		slotMinutes: [15, 20, 30][Math.floor(rand() * 3)],
		weekly,
		exceptions: [...closures, ...leaveNear(monday, rand)],
		horizonDays: 30,
		noticeMinutes: 60
	};
}

/** Some clinics keep a cancellation notice; the second and tenth bookable ones confirm each request. */
function demoBookingPolicy(bookable: number, rand: () => number): BookingPolicy | undefined {
	const policy: BookingPolicy = {};
	if (rand() < 0.3) policy.cancelNoticeHours = 2;
	if (bookable === 2 || bookable === 10) policy.confirm = true;
	return Object.keys(policy).length ? policy : undefined;
}

/** `today` (YYYY-MM-DD) places the demo leave; without it, a fixed date keeps the generator clock-free. */
export function generateDirectory(opts: { region: string; clinics: number; seed: number; today?: string }): DemoDirectory {
	const info = DEMO_REGIONS[opts.region];
	if (!info) throw new Error(`No demo data for region ${opts.region}`);
	const rand = seededRandom(opts.seed, opts.region);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
	const chance = (p: number) => rand() < p;
	const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
	const round = (x: number) => Math.round(x * 10000) / 10000;
	const totalWeight = info.towns.reduce((s, t) => s + t.weight, 0);
	const pickTown = (): Town => {
		let r = rand() * totalWeight;
		for (const town of info.towns) if ((r -= town.weight) < 0) return town;
		return info.towns[info.towns.length - 1];
	};
	const pickSome = <T>(items: readonly T[], n: number): T[] => {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
		return out;
	};

	const clinics: Clinic[] = [];
	const practitioners: Practitioner[] = [];
	const usedNames = new Set<string>();
	const scheduleRand = seededRandom(opts.seed, `${opts.region}:schedules`);
	const monday = mondayOf(opts.today ?? dateOf(Math.floor(BASE_TIME / DAY)));
	let bookable = 0;

	for (let i = 1; i <= opts.clinics; i++) {
		const number = String(i).padStart(4, '0');
		const id = `clinic-${opts.region}-${number}`;
		// the first sites are towns' main points of care so every town gets one
		const town = i <= info.towns.length ? info.towns[i - 1] : pickTown();
		const r = rand();
		const kind: ClinicKind = r < 0.4 ? 'clinic' : r < 0.6 ? 'health-post' : r < 0.75 ? 'hospital' : r < 0.85 ? 'laboratory' : 'pharmacy';

		let specialties: SpecialtyId[];
		if (kind === 'hospital') specialties = ['general-practice', 'emergency', ...pickSome(HOSPITAL_EXTRAS, int(2, 6))];
		else if (kind === 'clinic') specialties = ['general-practice', ...pickSome(CLINIC_EXTRAS, int(0, 2))];
		else if (kind === 'health-post') specialties = ['general-practice', ...pickSome(['pediatrics', 'obstetrics-gynecology'] as SpecialtyId[], int(0, 2))];
		else if (kind === 'laboratory') specialties = pickSome(['hematology', 'infectious-disease'] as SpecialtyId[], int(1, 2));
		else specialties = ['general-practice'];

		const services = [...new Set(specialties.flatMap((s) => SERVICES[s]?.services ?? []))];
		if (kind === 'pharmacy') services.splice(0, services.length, 'Prescription dispensing', 'Over-the-counter medicines', 'Blood pressure check');
		if (kind === 'laboratory') services.push('Malaria rapid test', 'Blood sugar test');
		const conditionsTreated = kind === 'pharmacy' ? [] : [...new Set(specialties.flatMap((s) => SERVICES[s]?.conditions ?? []))];

		let name = '';
		for (let attempt = 0; attempt < 20 && (!name || usedNames.has(name)); attempt++) {
			name = `${town.name} ${pick(DESCRIPTORS)} ${pick(KIND_WORDS[kind])}`;
		}
		if (usedNames.has(name)) name = `${name} ${number}`;
		usedNames.add(name);

		const allDay = [{ open: '00:00', close: '24:00' }];
		const hours: WeeklyHours =
			kind === 'hospital'
				? { '0': allDay, '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay }
				: kind === 'pharmacy'
					? weekdayHours('07:30', '21:00', [{ open: '08:00', close: '20:00' }], chance(0.5) ? [{ open: '12:00', close: '18:00' }] : null)
					: kind === 'health-post'
						? weekdayHours('08:00', '16:00', chance(0.5) ? [{ open: '08:00', close: '12:00' }] : null, null)
						: weekdayHours(chance(0.5) ? '08:00' : '07:30', chance(0.5) ? '17:00' : '18:00', chance(0.7) ? [{ open: '09:00', close: '13:00' }] : null, null);
		const exceptions =
			kind === 'hospital'
				? []
				: info.holidays.filter(() => chance(0.8)).map((h) => ({ date: h.date, closed: true, note: h.note }));

		const lat = round(town.lat + (rand() * 2 - 1) * town.spread);
		const lon = round(town.lon + (rand() * 2 - 1) * town.spread);
		const feeBand: FeeBand = kind === 'health-post' ? pick(['free', 'low'] as const) : kind === 'hospital' ? pick(['low', 'medium', 'high'] as const) : pick(['low', 'medium', 'medium', 'high'] as const);

		const clinic: Clinic = {
			id,
			type: 'clinic',
			name,
			kind,
			specialties,
			services,
			conditionsTreated,
			address: `${int(1, 240)} ${pick(STREETS)}, ${town.name}`,
			town: town.name,
			region: opts.region,
			coordinates: { lat, lon },
			phone: `+233 ${pick(['20', '24', '26', '27', '32', '54', '55'])} ${String(int(100, 999))} ${String(int(1000, 9999))}`,
			hours,
			exceptions,
			timeZone: info.timeZone,
			languages: [...info.languages],
			feeBand,
			walkIn: kind !== 'laboratory' || chance(0.5),
			telehealth: kind === 'hospital' || (kind === 'clinic' && chance(0.3)),
			accessibility: { wheelchair: kind === 'hospital' || chance(0.4), stepFreeEntrance: chance(0.5), accessibleToilet: chance(0.3) },
			description: `Demo ${kind.replace('-', ' ')} in ${town.name} (${info.label}). Generated data, not a real facility.`,
			updatedAt: BASE_TIME + i * 1000
		};
		const booking = BOOKABLE_KINDS.includes(kind) ? demoBookingPolicy(++bookable, scheduleRand) : undefined;
		if (booking) clinic.booking = booking;
		clinics.push(clinic);

		const staff = kind === 'pharmacy' ? 1 : kind === 'hospital' ? int(2, 4) : int(1, 3);
		for (let p = 1; p <= staff; p++) {
			const gender = chance(0.5) ? 'female' : 'male';
			const own = pickSome(specialties, kind === 'hospital' ? int(1, 2) : 1);
			const practitionerSpecialties = own.length ? own : (['general-practice'] as SpecialtyId[]);
			const qualifications = kind === 'pharmacy' ? ['PharmD'] : (QUALIFICATIONS[practitionerSpecialties[0]] ?? ['MB ChB']).slice(0, int(1, 2));
			practitioners.push({
				id: `practitioner-${opts.region}-${number}-${p}`,
				type: 'practitioner',
				name: `${pick(FIRST_NAMES[gender])} ${pick(LAST_NAMES)}`,
				clinicIds: [id],
				specialties: practitionerSpecialties,
				languages: [...info.languages],
				gender,
				qualifications,
				...(BOOKABLE_KINDS.includes(kind) ? { schedules: [demoSchedule(clinic, monday, scheduleRand)] } : {}),
				updatedAt: BASE_TIME + i * 1000 + p
			});
		}
	}
	return { clinics, practitioners };
}
