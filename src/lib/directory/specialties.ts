/** The specialty vocabulary shared by the directory and the recommender (DESIGN.md, "Specialties"). */
export const SPECIALTIES = {
	'general-practice': 'General practice',
	pediatrics: 'Pediatrics',
	'obstetrics-gynecology': 'Obstetrics & gynecology',
	cardiology: 'Cardiology',
	pulmonology: 'Pulmonology',
	gastroenterology: 'Gastroenterology & hepatology',
	endocrinology: 'Endocrinology',
	nephrology: 'Nephrology',
	urology: 'Urology',
	neurology: 'Neurology',
	psychiatry: 'Psychiatry & mental health',
	dermatology: 'Dermatology',
	ophthalmology: 'Ophthalmology',
	ent: 'Ear, nose & throat',
	dentistry: 'Dentistry',
	orthopedics: 'Orthopedics',
	rheumatology: 'Rheumatology',
	'infectious-disease': 'Infectious diseases',
	'allergy-immunology': 'Allergy & immunology',
	hematology: 'Hematology',
	oncology: 'Oncology',
	'general-surgery': 'General surgery',
	'vascular-surgery': 'Vascular surgery',
	physiotherapy: 'Physiotherapy & rehabilitation',
	emergency: 'Emergency care'
} as const;

export type SpecialtyId = keyof typeof SPECIALTIES;
export const SPECIALTY_IDS = Object.keys(SPECIALTIES) as SpecialtyId[];
