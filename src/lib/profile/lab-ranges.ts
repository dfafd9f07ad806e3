/**
 * Reference ranges of common lab values and vitals, by test name and unit, so a value can be called
 * high or low (for the recommender's context, and for checking scanned reports). Adult ranges.
 */
export interface LabRange {
	/** matches the test's name as written */
	name: RegExp;
	unit: RegExp;
	low?: number;
	high?: number;
	/** what an abnormal value suggests, in the words the knowledge base's history uses */
	whenHigh?: string;
	whenLow?: string;
}

/** Glucose of the blood: the spinal fluid's ("CSF glucose") is normally lower. */
const BLOOD_GLUCOSE = /^(?!csf).*(?:gluc|sugar|\bfbs\b|\brbs\b)/i;

export const LAB_RANGES: LabRange[] = [
	{ name: BLOOD_GLUCOSE, unit: /mmol/i, low: 3.5, high: 7.0, whenHigh: 'high glucose', whenLow: 'low glucose' },
	{ name: BLOOD_GLUCOSE, unit: /mg/i, low: 63, high: 126, whenHigh: 'high glucose', whenLow: 'low glucose' },
	{ name: /hba1c|a1c|glycated/i, unit: /%/, high: 6.5, whenHigh: 'high glucose' },
	{ name: /ha?emoglobin|\bhb\b|\bhgb\b/i, unit: /g\/dl/i, low: 11, high: 17.5, whenLow: 'anemia' },
	{ name: /ha?emoglobin|\bhb\b|\bhgb\b/i, unit: /g\/l/i, low: 110, high: 175, whenLow: 'anemia' },
	{ name: /creatinine/i, unit: /mg/i, high: 1.3, whenHigh: 'kidney disease' },
	{ name: /creatinine/i, unit: /mol/i, high: 115, whenHigh: 'kidney disease' },
	{ name: /\balt\b|sgpt|\bast\b|sgot/i, unit: /u\/l|iu/i, high: 56, whenHigh: 'liver disease' },
	{ name: /bilirubin/i, unit: /mg/i, high: 1.2, whenHigh: 'liver disease' },
	{ name: /^(?!neonatal)(?:.*\btsh\b|.*thyroid stim)/i, unit: /m?iu|mu/i, low: 0.4, high: 4.5, whenHigh: 'hypothyroidism', whenLow: 'hyperthyroidism' },
	{ name: /cholesterol/i, unit: /mmol/i, high: 6.2, whenHigh: 'high cholesterol' },
	{ name: /cholesterol/i, unit: /mg/i, high: 240, whenHigh: 'high cholesterol' },
	{ name: /\bwbc\b|white (blood )?cell/i, unit: /10|\/l|\/ul|\/mm/i, low: 4, high: 11, whenHigh: 'infection', whenLow: 'low immunity' },
	{ name: /platelet/i, unit: /10|\/l|\/ul|\/mm/i, low: 150, high: 450, whenLow: 'low platelets' },
	{ name: /temp/i, unit: /°?c/i, low: 35, high: 37.5, whenHigh: 'fever' },
	{ name: /pulse|heart rate/i, unit: /bpm|\/min/i, low: 50, high: 100, whenHigh: 'fast heart rate' },
	{ name: /cd4/i, unit: /cells|\/ul|\/mm/i, low: 500, whenLow: 'hiv' },
	{ name: /uric/i, unit: /mg/i, high: 7, whenHigh: 'gout' },
	{ name: /\bpsa\b/i, unit: /ng/i, high: 4, whenHigh: 'prostate' },
	// Added for scanned reports (no meaning for the recommender): flags where a report prints no range.
	{ name: /potassium|^k\+?$/i, unit: /mmol/i, low: 3.5, high: 5.1 },
	{ name: /sodium|^na\+?$/i, unit: /mmol/i, low: 135, high: 145 },
	{ name: /^(?!csf).*chloride/i, unit: /mmol/i, low: 98, high: 107 },
	{ name: /\burea\b|\bbun\b/i, unit: /mmol/i, low: 2.5, high: 7.8 },
	{ name: /\bcrp\b|c-reactive/i, unit: /mg\/l/i, high: 5 },
	{ name: /\begfr\b/i, unit: /ml/i, low: 60 },
	{ name: /albumin/i, unit: /g\/l/i, low: 35, high: 50 },
	{ name: /ferritin/i, unit: /ng|µg|ug/i, low: 15, high: 150 },
	{ name: /triglycerid/i, unit: /mmol/i, high: 1.7 }
];

export type LabFlag = 'high' | 'low' | 'normal';

export interface LabReading {
	flag: LabFlag;
	/** the knowledge-base words for an abnormal reading */
	meaning?: string;
}

/** Blood pressure "150/95 mmHg" is two numbers: high when either is. */
function bloodPressure(name: string, value: string | number): LabReading | null {
	if (!/blood pressure|\bbp\b/i.test(name)) return null;
	const match = /(\d{2,3})\s*\/\s*(\d{2,3})/.exec(String(value));
	if (!match) return null;
	const [systolic, diastolic] = [Number(match[1]), Number(match[2])];
	if (systolic >= 140 || diastolic >= 90) return { flag: 'high', meaning: 'hypertension' };
	if (systolic < 90) return { flag: 'low', meaning: 'low blood pressure' };
	return { flag: 'normal' };
}

/** Reads a value against the known range for its test and unit; null when the test is not known. */
export function readLab(name: string, value: string | number, unit: string): LabReading | null {
	const pressure = bloodPressure(name, value);
	if (pressure) return pressure;
	const number = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
	if (!Number.isFinite(number)) return null;
	const range = LAB_RANGES.find((r) => r.name.test(name) && r.unit.test(unit));
	if (!range) return null;
	if (range.high !== undefined && number > range.high) return { flag: 'high', meaning: range.whenHigh };
	if (range.low !== undefined && number < range.low) return { flag: 'low', meaning: range.whenLow };
	return { flag: 'normal' };
}
