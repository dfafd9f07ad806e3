/**
 * Puts back the spaces around hyphens that the engine drops: tesseract's model reads "2.5 - 7.8" as
 * "2.5-7.8" most of the time, although the gaps on the page are as wide as a space. The page itself says
 * what a space is: the gaps between words against the gaps between letters of a word, measured on the
 * boxes of every recognised character — so monospaced fonts, whose hyphens sit in wide cells, keep their
 * "2024-07-04" whole.
 */

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface LineWord {
	text: string;
	confidence: number;
	bbox: Box;
	symbols: { text: string; bbox: Box }[];
}

export interface TextLine {
	words: LineWord[];
}

const HYPHENS = /^[-‐‑–—]$/;

function median(values: number[]): number {
	if (!values.length) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Height of digits and capitals on the line: the scale gaps are compared with. */
function capHeight(line: TextLine): number {
	return median(line.words.flatMap((w) => w.symbols.filter((s) => /[0-9A-Z]/.test(s.text)).map((s) => s.bbox.y1 - s.bbox.y0)));
}

/**
 * The narrowest gap that reads as a space on this page: halfway between the usual gap inside a word and
 * the usual gap between words (table columns, wider than two capitals, left out). Null when the page has
 * too few of either to tell.
 */
export function spaceThreshold(lines: TextLine[]): number | null {
	const between = lines.flatMap((line) => {
		const height = capHeight(line);
		return line.words.slice(1).map((w, i) => w.bbox.x0 - line.words[i].bbox.x1).filter((gap) => gap > 0 && gap < 2 * height);
	});
	const within = lines.flatMap((line) => line.words.flatMap((w) => w.symbols.slice(1).map((s, i) => s.bbox.x0 - w.symbols[i].bbox.x1)));
	if (between.length < 5 || within.length < 20) return null;
	const space = median(between);
	const letter = median(within);
	return space > letter ? letter + 0.5 * (space - letter) : null;
}

/**
 * A line's words with a space on each side of a hyphen that has a space's gap on both sides ("2.5 - 7.8").
 * Both, because a "1" beside a hyphen brings a wide gap of its own ("2025-11-04").
 */
function spacedWords(line: TextLine, threshold: number): string[] {
	const symbols = line.words.flatMap((word) => word.symbols);
	const gap = (i: number) => (i > 0 && i < symbols.length ? symbols[i].bbox.x0 - symbols[i - 1].bbox.x1 : 0);
	const spaced = (i: number) => HYPHENS.test(symbols[i]?.text ?? '') && gap(i) >= threshold && gap(i + 1) >= threshold;
	let index = 0;
	return line.words.map((word) => {
		let text = '';
		word.symbols.forEach((symbol, i) => {
			if (i > 0 && (spaced(index) || spaced(index - 1))) text += ' ';
			text += symbol.text;
			index++;
		});
		// The symbols are the engine's split of the word: trust the word's own text when they disagree.
		return text.replace(/ /g, '') === word.text ? text : word.text;
	});
}

/** Each line's words as printed: a word may come back as several ("2.5 - 7.8"). */
export function spaceHyphens(lines: TextLine[]): string[][] {
	const threshold = spaceThreshold(lines);
	return lines.map((line) => threshold === null ? line.words.map((word) => word.text) : spacedWords(line, threshold));
}
