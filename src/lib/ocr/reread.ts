/**
 * Two readings of one page, kept line by line: the recogniser's misreadings depend on the exact pixels it gets
 * and its confidences say where it struggled, so a page read poorly is read again from a differently prepared
 * image and, for each row of the page, the reading with the higher confidence is kept.
 */
import { assemble, moveLine, type PageLine, type Recognition } from './engine.js';
import type { Box } from './spacing.js';

/** Lines are the same row of the page when they share this much of the lower one's height… */
const SAME_ROW = 0.5;

/** …and overlap across at all: lines side by side in two columns are different rows. */
function sameRow(a: Box, b: Box): boolean {
	const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
	const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
	return down >= SAME_ROW * Math.min(a.y1 - a.y0, b.y1 - b.y0) && across > 0;
}

const letters = (line: PageLine) => line.words.reduce((n, w) => n + w.text.length, 0);

/** Mean confidence of lines, each weighing as many letters as it holds. */
export function lineConfidence(lines: PageLine[]): number {
	const total = lines.reduce((n, line) => n + letters(line), 0);
	return total ? lines.reduce((sum, line) => sum + line.confidence * letters(line), 0) / total : 0;
}

/**
 * `first`'s paragraphs where, for each group of lines on the same rows of both readings (a line of one may span
 * two of the other), `second`'s lines read with higher confidence replace `first`'s, in place. Lines only one
 * reading found are left as `first` has them: a second reading finding text where the first found none is more
 * often noise than text. Both readings' boxes are in the same coordinates.
 */
export function mergeLines(first: PageLine[][], second: PageLine[][]): PageLine[][] {
	const a = first.flat();
	const b = second.flat();
	// groups of overlapping lines: a union-find over a's lines, then b's
	const parent = [...Array(a.length + b.length).keys()];
	const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
	a.forEach((line, i) => b.forEach((other, j) => sameRow(line.bbox, other.bbox) && (parent[root(a.length + j)] = root(i))));
	const groups = new Map<number, { first: PageLine[]; second: PageLine[] }>();
	const group = (i: number) => groups.get(root(i)) ?? groups.set(root(i), { first: [], second: [] }).get(root(i))!;
	a.forEach((line, i) => group(i).first.push(line));
	b.forEach((line, j) => group(a.length + j).second.push(line));
	const replaced = new Map<PageLine, PageLine[]>();
	for (const group of groups.values()) {
		if (!group.second.length || lineConfidence(group.second) <= lineConfidence(group.first)) continue;
		group.first.forEach((line, i) => replaced.set(line, i ? [] : group.second));
	}
	return first.map((paragraph) => paragraph.flatMap((line) => replaced.get(line) ?? [line])).filter((paragraph) => paragraph.length);
}

/** `first` with `second`'s better lines, `second` read from the same page `scale` times as large. */
export function mergeReadings(first: Recognition, second: Recognition, scale: number): Recognition {
	const toFirst = (b: Box): Box => ({ x0: b.x0 / scale, y0: b.y0 / scale, x1: b.x1 / scale, y1: b.y1 / scale });
	const paragraphs = mergeLines(first.paragraphs, second.paragraphs.map((paragraph) => paragraph.map((line) => moveLine(line, toFirst))));
	// the page's confidence, raised by what the lines kept from the second reading gained
	const confidence = first.confidence + lineConfidence(paragraphs.flat()) - lineConfidence(first.paragraphs.flat());
	return { confidence, paragraphs, ...assemble(paragraphs) };
}
