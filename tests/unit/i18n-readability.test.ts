// How easy the English of the patient screens is to read: the US school grade of the English messages of
// the patient-facing capabilities (reading age ≈ grade + 5; the goal is reading age ≤ 9, grade ≤ 4).
// Printed so it can be followed, and enforced: a new long sentence or hard word that lifts the grade fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readability from 'text-readability';

/**
 * capabilities whose screens patients read (clinic staff screens are left out; so is `conditions`: names of
 * illnesses, not sentences, whose medical words in brackets are there to be recognised, not to be read easily)
 */
const PATIENT_CAPABILITIES = ['common', 'directory', 'session', 'ui', 'profile', 'sync', 'booking', 'messaging', 'sharing', 'recommender', 'ocr', 'fhir'];

/** Each message as a sentence, placeholders read as a short word. */
export function englishSentences(capability: string): string[] {
	const file = JSON.parse(readFileSync(join(import.meta.dirname, '../../messages/en', `${capability}.json`), 'utf8')) as Record<string, unknown>;
	return Object.entries(file)
		.filter(([key]) => key !== '$schema')
		.flatMap(([, value]) => (typeof value === 'string' ? [value] : (value as { match: Record<string, string> }[]).flatMap((v) => Object.values(v.match))))
		.map((text) => text.replace(/\{\w+\}/g, 'it').replace(/[…:]\s*$/, '').trim())
		.map((text) => (/[.?!]$/.test(text) ? text : `${text}.`));
}

describe('plain words', () => {
	it('measures the reading grade of the patient screens', () => {
		const text = PATIENT_CAPABILITIES.flatMap(englishSentences).join(' ');
		const grade = readability.fleschKincaidGrade(text);
		const consensus = readability.textStandard(text, true);
		console.log(JSON.stringify({ name: 'patient-english-reading-grade', fleschKincaid: grade, consensus, readingAge: consensus + 5, target: 'reading age ≤ 9' }));
		expect(Number.isFinite(grade) && Number.isFinite(consensus)).toBe(true);
		expect(consensus).toBeLessThanOrEqual(4); // reading age ≤ 9
		// the measure tells hard words from easy ones (so the figure means something)
		expect(readability.fleschKincaidGrade('Gastroenterology and hepatology consultations are available.')).toBeGreaterThan(readability.fleschKincaidGrade('Find a clinic. It is open now.'));
	});
});
