/**
 * Where on the scanned page something was read, as fractions of the page: the review shows that strip of
 * the photo beside a value to check, and beside the lines the engine was unsure of, so the patient compares
 * what was read with what is printed.
 */
import type { PageResult, RecognizedLine } from './types.js';

export interface Crop {
	left: number;
	top: number;
	width: number;
	height: number;
	/** of the page: width / height */
	aspect: number;
}

/** Lines read with less confidence than this are offered for checking. */
export const UNSURE_LINE_CONFIDENCE = 70;

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The strip of a line on its page, a little taller than the line so the letters are whole. */
export function cropOf(line: RecognizedLine, page: { width: number; height: number }): Crop {
	const pad = line.box.height * 0.3;
	const top = Math.max(0, line.box.y - pad);
	const bottom = Math.min(page.height, line.box.y + line.box.height + pad);
	const left = Math.max(0, line.box.x - pad);
	const right = Math.min(page.width, line.box.x + line.box.width + pad);
	return { left: left / page.width, top: top / page.height, width: (right - left) / page.width, height: (bottom - top) / page.height, aspect: page.width / page.height };
}

/**
 * Finds where text of the first page was read: the recognised line holding it (spacing and punctuation
 * aside). Only the first page has its image kept for the review; a page read from a PDF's text has no lines.
 */
export function lineFinder(first: PageResult | undefined): (text: string | undefined) => Crop | undefined {
	const size = first?.prepared;
	const lines = (size && first?.lines) || [];
	const squashed = lines.map((line) => squash(line.text));
	return (text) => {
		const wanted = text ? squash(text) : '';
		if (!wanted || !size) return undefined;
		const i = squashed.findIndex((line) => line.includes(wanted));
		return i < 0 ? undefined : cropOf(lines[i], size);
	};
}

/** The first page's lines the engine was unsure of, with their strips, in reading order. */
export function unsureLines(first: PageResult | undefined): { text: string; crop: Crop }[] {
	const size = first?.prepared;
	if (!size || !first?.lines) return [];
	return first.lines.filter((line) => line.confidence < UNSURE_LINE_CONFIDENCE && squash(line.text)).map((line) => ({ text: line.text, crop: cropOf(line, size) }));
}
