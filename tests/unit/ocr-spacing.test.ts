import { describe, expect, it } from 'vitest';
import { spaceHyphens, spaceThreshold, type TextLine } from '../../src/lib/ocr/spacing';

interface Font {
	glyph: number;
	/** gap between two letters of a word */
	letter: number;
	/** what a space adds to a letter gap */
	space: number;
	/** extra room on each side of a "1" (proportional fonts) */
	one?: number;
}
const PROPORTIONAL: Font = { glyph: 12, letter: 2, space: 8, one: 5 };
const MONOSPACED: Font = { glyph: 12, letter: 4, space: 16 };

/**
 * Typesets `printed` (one line) and hands back what the engine read: `read` is the engine's words, the
 * same characters with some of the printed spaces dropped.
 */
function line(printed: string, read: string, font: Font, y = 0): TextLine {
	const boxes: { text: string; x0: number; x1: number }[] = [];
	let x = 0;
	let pendingSpace = false;
	for (const char of printed) {
		if (char === ' ') { pendingSpace = true; continue; }
		const room = char === '1' ? (font.one ?? 0) : 0;
		if (boxes.length) x += font.letter + (pendingSpace ? font.space : 0) + room;
		boxes.push({ text: char, x0: x, x1: x + font.glyph });
		x += font.glyph + room;
		pendingSpace = false;
	}
	let next = 0;
	const words = read.split(' ').map((text) => {
		const symbols = [...text].map(() => boxes[next++]).map((b) => ({ text: b.text, bbox: { x0: b.x0, y0: y, x1: b.x1, y1: y + 20 } }));
		return { text, confidence: 90, bbox: { x0: symbols[0].bbox.x0, y0: y, x1: symbols.at(-1)!.bbox.x1, y1: y + 20 }, symbols };
	});
	expect(next).toBe(boxes.length);
	return { words };
}

const page = (font: Font, rows: [string, string][]) => rows.map(([printed, read], i) => line(printed, read, font, i * 40));
const texts = (lines: TextLine[]) => spaceHyphens(lines).map((words) => words.join(' '));
const prose: [string, string][] = [
	['Verified by the laboratory scientist on duty', 'Verified by the laboratory scientist on duty'],
	['Patient name and date of birth as recorded', 'Patient name and date of birth as recorded']
];

describe('spaces around hyphens', () => {
	it('puts back the spaces of a range the engine squeezed, and keeps words and confidences apart', () => {
		const lines = page(PROPORTIONAL, [...prose, ['Urea 7.5 mmol/L 2.5 - 7.8', 'Urea 7.5 mmol/L 2.5-7.8'], ['Sodium 138 mmol/L 135 - 145', 'Sodium 138 mmol/L 135- 145']]);
		expect(texts(lines).slice(2)).toEqual(['Urea 7.5 mmol/L 2.5 - 7.8', 'Sodium 138 mmol/L 135 - 145']);
	});

	it('leaves hyphens that were printed tight, even beside the wide "1" of a proportional font', () => {
		const lines = page(PROPORTIONAL, [...prose, ['Collected: 2025-11-04 C-reactive', 'Collected: 2025-11-04 C-reactive']]);
		expect(texts(lines).slice(2)).toEqual(['Collected: 2025-11-04 C-reactive']);
	});

	it('measures a space on the page itself: a monospaced hyphen sits in a wide cell and stays tight', () => {
		const lines = page(MONOSPACED, [...prose, ['Follow-up: 2024-07-22', 'Follow-up: 2024-07-22'], ['Range 4.0 - 6.0', 'Range 4.0-6.0']]);
		expect(texts(lines).slice(2)).toEqual(['Follow-up: 2024-07-22', 'Range 4.0 - 6.0']);
	});

	it('changes nothing when the page has too few words to tell a space from a letter gap', () => {
		const lines = page(PROPORTIONAL, [['2.5 - 7.8', '2.5-7.8']]);
		expect(spaceThreshold(lines)).toBeNull();
		expect(texts(lines)).toEqual(['2.5-7.8']);
	});

	it('trusts the word when its characters do not add up to its text', () => {
		const lines = page(PROPORTIONAL, [...prose, ['Urea 2.5 - 7.8', 'Urea 2.5-7.8']]);
		lines[2].words[1].text = '2.5–7.8';
		expect(texts(lines)[2]).toBe('Urea 2.5–7.8');
	});
});
