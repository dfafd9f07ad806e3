/** LOINC codes and UCUM units for the labs and vitals people most often record, matched by name. */
export interface LoincEntry {
	code: string;
	display: string;
	/** lower-case names and short forms the profile may use */
	names: readonly string[];
	ucum?: string;
}

export const LOINC_TABLE: readonly LoincEntry[] = [
	{ code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', names: ['haemoglobin', 'hemoglobin', 'hb', 'hgb'], ucum: 'g/dL' },
	{ code: '1558-6', display: 'Fasting glucose [Mass/volume] in Serum or Plasma', names: ['fasting glucose', 'glucose fasting', 'fasting blood sugar', 'fbs', 'glucose (fasting)'], ucum: 'mg/dL' },
	{ code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', names: ['glucose', 'random glucose', 'glucose random', 'blood sugar', 'rbs', 'glucose (random)'], ucum: 'mg/dL' },
	{ code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', names: ['hba1c', 'a1c', 'glycated haemoglobin', 'glycated hemoglobin'], ucum: '%' },
	{ code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', names: ['creatinine', 'serum creatinine'], ucum: 'mg/dL' },
	{ code: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', names: ['cholesterol', 'total cholesterol'], ucum: 'mg/dL' },
	{ code: '8480-6', display: 'Systolic blood pressure', names: ['systolic blood pressure', 'blood pressure systolic', 'systolic', 'bp systolic'], ucum: 'mm[Hg]' },
	{ code: '8462-4', display: 'Diastolic blood pressure', names: ['diastolic blood pressure', 'blood pressure diastolic', 'diastolic', 'bp diastolic'], ucum: 'mm[Hg]' },
	{ code: '8867-4', display: 'Heart rate', names: ['heart rate', 'pulse', 'pulse rate'], ucum: '/min' },
	{ code: '29463-7', display: 'Body weight', names: ['weight', 'body weight'], ucum: 'kg' },
	{ code: '8302-2', display: 'Body height', names: ['height', 'body height'], ucum: 'cm' },
	{ code: '8310-5', display: 'Body temperature', names: ['temperature', 'body temperature', 'temp'], ucum: 'Cel' },
	{ code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', names: ['spo2', 'oxygen saturation', 'o2 saturation'], ucum: '%' },
	{ code: '9279-1', display: 'Respiratory rate', names: ['respiratory rate', 'breathing rate'], ucum: '/min' },
	{ code: '39156-5', display: 'Body mass index (BMI) [Ratio]', names: ['bmi', 'body mass index'], ucum: 'kg/m2' }
];

/** Profile units as people write them → UCUM codes. */
const UCUM: Record<string, string> = { mmhg: 'mm[Hg]', bpm: '/min', '/min': '/min', 'beats/min': '/min', '°c': 'Cel', c: 'Cel', '°f': '[degF]', f: '[degF]', 'kg/m²': 'kg/m2' };

export function loincFor(name: string): LoincEntry | undefined {
	const key = name.trim().toLowerCase();
	return LOINC_TABLE.find((entry) => entry.names.includes(key));
}

export function loincByCode(code: string): LoincEntry | undefined {
	return LOINC_TABLE.find((entry) => entry.code === code);
}

/** The UCUM code for a unit as written, or the unit itself (most lab units already are UCUM). */
export function ucumFor(unit: string): string {
	return UCUM[unit.trim().toLowerCase()] ?? unit.trim();
}
