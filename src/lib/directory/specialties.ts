/** The specialty vocabulary shared by the directory and the recommender (DESIGN.md, "Specialties"). */
import { m } from '../paraglide/messages.js';

/** Each specialty's name, in the reader's language. */
const NAMES = {
	'general-practice': m.directory_specialty_general_practice,
	pediatrics: m.directory_specialty_pediatrics,
	'obstetrics-gynecology': m.directory_specialty_obstetrics_gynecology,
	cardiology: m.directory_specialty_cardiology,
	pulmonology: m.directory_specialty_pulmonology,
	gastroenterology: m.directory_specialty_gastroenterology,
	endocrinology: m.directory_specialty_endocrinology,
	nephrology: m.directory_specialty_nephrology,
	urology: m.directory_specialty_urology,
	neurology: m.directory_specialty_neurology,
	psychiatry: m.directory_specialty_psychiatry,
	dermatology: m.directory_specialty_dermatology,
	ophthalmology: m.directory_specialty_ophthalmology,
	ent: m.directory_specialty_ent,
	dentistry: m.directory_specialty_dentistry,
	orthopedics: m.directory_specialty_orthopedics,
	rheumatology: m.directory_specialty_rheumatology,
	'infectious-disease': m.directory_specialty_infectious_disease,
	'allergy-immunology': m.directory_specialty_allergy_immunology,
	hematology: m.directory_specialty_hematology,
	oncology: m.directory_specialty_oncology,
	'general-surgery': m.directory_specialty_general_surgery,
	'vascular-surgery': m.directory_specialty_vascular_surgery,
	physiotherapy: m.directory_specialty_physiotherapy,
	emergency: m.directory_specialty_emergency
} as const;

export type SpecialtyId = keyof typeof NAMES;
export const SPECIALTY_IDS = Object.keys(NAMES) as SpecialtyId[];

/** A specialty's name in the language the app speaks now. */
export const specialtyName = (id: SpecialtyId): string => NAMES[id]();

/** The English names (the recommender's vocabulary, and a lookup of which ids exist). */
export const SPECIALTIES: Record<SpecialtyId, string> = Object.fromEntries(SPECIALTY_IDS.map((id): [SpecialtyId, string] => [id, NAMES[id]({}, { locale: 'en' })])) as Record<SpecialtyId, string>;
