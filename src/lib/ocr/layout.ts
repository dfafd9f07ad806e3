/**
 * Layout analysis before recognition, over a prepared (upright, deskewed) page: ruling lines (removed, as the recogniser reads them as junk and they glue to letters), ruled grids (tables)
 * and text blocks found by whitespace, in reading order: a two-column page is read column by column, while
 * a table keeps its rows whole.
 */
import { otsuThreshold, type Box } from './image.js';
import type { GrayImage } from './types.js';

/** 1 where there is ink. The threshold is capped so that light paper grain never counts. */
export function inkMask(image: GrayImage, threshold = Math.min(otsuThreshold(image), 170)): Uint8Array {
	// Otsu's level is the last of the dark class: on a black and white page it is 0 itself.
	const mask = new Uint8Array(image.data.length);
	for (let i = 0; i < mask.length; i++) mask[i] = image.data[i] <= threshold ? 1 : 0;
	return mask;
}

export interface Rules {
	/** horizontal and vertical ruling lines, boxes in the page's pixels */
	horizontal: Box[];
	vertical: Box[];
}

/**
 * Marks ink runs along one direction that are much longer than a letter (allowing `gap` pixels of dropout,
 * as in faxes). `along` steps along a run, `across` to the next run; returns the marked pixels.
 */
function longRuns(mask: Uint8Array, runs: number, length: number, along: number, across: number, minLength: number, gap: number): Uint8Array {
	const marked = new Uint8Array(mask.length);
	for (let r = 0; r < runs; r++) {
		const base = r * across;
		let start = -1;
		let last = -1;
		const close = () => {
			if (start >= 0 && last - start + 1 >= minLength) for (let i = start; i <= last; i++) if (mask[base + i * along]) marked[base + i * along] = 1;
		};
		for (let i = 0; i < length; i++) {
			if (!mask[base + i * along]) continue;
			if (start < 0 || i - last > gap + 1) {
				close();
				start = i;
			}
			last = i;
		}
		close();
	}
	return marked;
}

/**
 * Whitens marked line pixels, stretch by stretch across the line: thick stretches (a logo, a filled
 * box) are kept, and so are the pixels where a letter's stroke crosses the line (ink on both sides).
 * Returns the boxes of the connected runs removed, along the line.
 */
function eraseLines(out: Uint8ClampedArray, mask: Uint8Array, marked: Uint8Array, other: Uint8Array, runs: number, length: number, along: number, across: number, maxThickness: number) {
	// ink beside the line that is not itself a rule (where two rules cross, neither keeps the other)
	const letter = (q: number) => mask[q] && !other[q];
	// `along`/`across` as in longRuns; here we walk across the line (perpendicular), run by run.
	for (let i = 0; i < length; i++) {
		for (let r = 0; r < runs; r++) {
			const p = r * across + i * along;
			if (!marked[p]) continue;
			let end = r;
			while (end + 1 < runs && marked[(end + 1) * across + i * along]) end++;
			if (end - r + 1 <= maxThickness) {
				const before = r > 0 && letter((r - 1) * across + i * along);
				const after = end + 1 < runs && letter((end + 1) * across + i * along);
				// with the gray fringe on either side
				if (!(before && after)) for (let k = Math.max(0, r - 1); k <= Math.min(runs - 1, end + 1); k++) out[k * across + i * along] = 255;
			}
			r = end;
		}
	}
}

/** Groups marked pixels into line boxes: rows (or columns) of marked pixels that touch. */
function lineBoxes(marked: Uint8Array, w: number, h: number, horizontal: boolean): Box[] {
	const boxes: Box[] = [];
	const runs = horizontal ? h : w;
	const length = horizontal ? w : h;
	const at = (r: number, i: number) => (horizontal ? marked[r * w + i] : marked[i * w + r]);
	let open: { from: number; to: number; start: number; end: number } | null = null;
	for (let r = 0; r <= runs; r++) {
		let from = -1, to = -1;
		if (r < runs) for (let i = 0; i < length; i++) if (at(r, i)) { if (from < 0) from = i; to = i; }
		if (from >= 0) {
			if (open) { open.from = Math.min(open.from, from); open.to = Math.max(open.to, to); open.end = r; }
			else open = { from, to, start: r, end: r };
			continue;
		}
		if (open) {
			boxes.push(horizontal ? { x: open.from, y: open.start, width: open.to - open.from + 1, height: open.end - open.start + 1 } : { x: open.start, y: open.from, width: open.end - open.start + 1, height: open.to - open.from + 1 });
			open = null;
		}
	}
	return boxes;
}

/** Gray level below which a pixel may belong to a rule (prepared pages have white paper). */
const RULE_INK = 199;

/**
 * Finds ruling lines (ink runs longer than several letters: table rules, box edges, fax streaks) and
 * removes them, keeping the letters they touch or cross.
 */
export function removeRules(image: GrayImage): { image: GrayImage; rules: Rules } {
	const { width: w, height: h } = image;
	// Thin rules of a photo or a low-resolution page come out gray: anything clearly darker than paper counts.
	const mask = inkMask(image, RULE_INK);
	const long = Math.max(w, h);
	// A letter at 300 dpi is at most ~60 px: rules are runs several times that; gaps of a few pixels are dropouts.
	const gap = Math.max(2, Math.round(long / 800));
	const maxThickness = Math.max(6, Math.round(long / 250));
	const horizontal = longRuns(mask, h, w, 1, w, Math.max(60, Math.round(w * 0.05)), gap);
	const vertical = longRuns(mask, w, h, w, 1, Math.max(60, Math.round(long * 0.03)), gap);
	const out = new Uint8ClampedArray(image.data);
	eraseLines(out, mask, horizontal, vertical, h, w, 1, w, maxThickness);
	eraseLines(out, mask, vertical, horizontal, w, h, w, 1, maxThickness);
	return {
		image: { width: w, height: h, data: out },
		rules: { horizontal: lineBoxes(horizontal, w, h, true), vertical: lineBoxes(vertical, w, h, false) }
	};
}

/** Where horizontal and vertical rules cross at least twice each way, a ruled table: its outline. */
export function ruledTables(rules: Rules): Box[] {
	const tables: Box[] = [];
	const crosses = (a: Box, b: Box, slack: number) => a.x - slack <= b.x + b.width && b.x - slack <= a.x + a.width && a.y - slack <= b.y + b.height && b.y - slack <= a.y + a.height;
	const used = new Set<Box>();
	for (const v of rules.vertical) {
		if (used.has(v)) continue;
		const slack = 8;
		const hs = rules.horizontal.filter((hz) => crosses(hz, v, slack));
		if (hs.length < 2) continue;
		const vs = rules.vertical.filter((other) => hs.filter((hz) => crosses(hz, other, slack)).length >= 2);
		if (vs.length < 2) continue;
		vs.forEach((other) => used.add(other));
		const all = [...hs, ...vs];
		const x = Math.min(...all.map((b) => b.x));
		const y = Math.min(...all.map((b) => b.y));
		tables.push({ x, y, width: Math.max(...all.map((b) => b.x + b.width)) - x, height: Math.max(...all.map((b) => b.y + b.height)) - y });
	}
	return tables;
}

export interface Block extends Box {
	/** a table keeps its rows whole; text is prose or label: value pairs */
	kind: 'table' | 'text';
}

/** Text columns are at least this many lines tall. */
const MIN_COLUMN_LINES = 5;

/** Runs of a profile at or below `empty`, as [start, end) pairs. */
function emptyRuns(profile: Int32Array, from: number, to: number, empty = 0): [number, number][] {
	const runs: [number, number][] = [];
	let start = -1;
	for (let i = from; i <= to; i++) {
		const blank = i < to && profile[i] <= empty;
		if (blank && start < 0) start = i;
		if (!blank && start >= 0) { runs.push([start, i]); start = -1; }
	}
	return runs;
}

/** The typical distance between the tops of successive text lines, from the page's row profile. */
function linePitch(mask: Uint8Array, w: number, h: number): number {
	const rows = new Int32Array(h);
	for (let y = 0; y < h; y++) for (let x = 0, row = y * w; x < w; x++) rows[y] += mask[row + x];
	const tops: number[] = [];
	for (let y = 1; y < h; y++) if (rows[y] > 0 && rows[y - 1] === 0) tops.push(y);
	const steps = tops.slice(1).map((t, i) => t - tops[i]).filter((s) => s > 8).sort((a, b) => a - b);
	const median = steps.length ? steps[steps.length >> 1] : 40;
	return Math.max(16, Math.min(150, median));
}

/**
 * Text blocks in reading order, by recursive cuts along whitespace: first across the full width of a
 * region (bands), then down a band when wide gutters split it into columns each at least a quarter of its
 * width and several lines tall (two-column letters). Narrower pieces mean a table, kept whole. `tables` (ruled
 * grids) are blocks of their own.
 */
export function findBlocks(image: GrayImage, tables: Box[] = []): Block[] {
	const { width: w, height: h } = image;
	const mask = inkMask(image);
	for (const t of tables) for (let y = t.y; y < t.y + t.height; y++) mask.fill(0, y * w + t.x, y * w + t.x + t.width);
	const pitch = linePitch(mask, w, h);
	const bandGap = Math.round(pitch * 0.75);
	const gutter = Math.round(pitch * 1.2);
	const blocks: Block[] = [];
	const ink = (x0: number, y0: number, x1: number, y1: number, horizontal: boolean) => {
		const profile = new Int32Array(horizontal ? h : w);
		for (let y = y0; y < y1; y++) for (let x = x0, row = y * w; x < x1; x++) if (mask[row + x]) profile[horizontal ? y : x]++;
		return profile;
	};
	const visit = (x0: number, y0: number, x1: number, y1: number, depth: number) => {
		// trim to the ink
		const rows = ink(x0, y0, x1, y1, true);
		while (y0 < y1 && !rows[y0]) y0++;
		while (y1 > y0 && !rows[y1 - 1]) y1--;
		if (y1 - y0 < 4) return;
		const cols = ink(x0, y0, x1, y1, false);
		while (x0 < x1 && !cols[x0]) x0++;
		while (x1 > x0 && !cols[x1 - 1]) x1--;
		if (x1 - x0 < 4) return;
		const block: Block = { x: x0, y: y0, width: x1 - x0, height: y1 - y0, kind: 'text' };
		if (depth > 12) { blocks.push(block); return; }
		const bands = emptyRuns(rows, y0, y1).filter(([a, b]) => b - a >= bandGap);
		if (bands.length) {
			let top = y0;
			for (const [a, b] of bands) { visit(x0, top, x1, a, depth + 1); top = b; }
			visit(x0, top, x1, y1, depth + 1);
			return;
		}
		const gutters = emptyRuns(cols, x0, x1).filter(([a, b]) => b - a >= gutter);
		if (gutters.length) {
			const edges = [x0, ...gutters.flat(), x1];
			const pieces: [number, number][] = [];
			for (let i = 0; i < edges.length; i += 2) pieces.push([edges[i], edges[i + 1]]);
			// Columns of text run for several lines; a few label: value pairs side by side are read row by row.
			if (y1 - y0 >= MIN_COLUMN_LINES * pitch && pieces.every(([a, b]) => b - a >= 0.25 * (x1 - x0))) {
				for (const [a, b] of pieces) visit(a, y0, b, y1, depth + 1);
				return;
			}
			block.kind = 'table';
		}
		blocks.push(block);
	};
	// Grids first placed in reading order among the rest: by their top edge.
	visit(0, 0, w, h, 0);
	const ordered: Block[] = [];
	const pending = tables.map((t): Block => ({ ...t, kind: 'table' }));
	for (const b of blocks) {
		while (pending.length && pending[0].y <= b.y) ordered.push(pending.shift()!);
		ordered.push(b);
	}
	return [...ordered, ...pending];
}

/** A copy of `box` of the image, with a white margin: the recogniser needs some paper around text. */
export function crop(image: GrayImage, box: Box, margin = 16): GrayImage {
	const width = box.width + 2 * margin;
	const height = box.height + 2 * margin;
	const data = new Uint8ClampedArray(width * height).fill(255);
	for (let y = 0; y < box.height; y++) {
		const from = (box.y + y) * image.width + box.x;
		data.set(image.data.subarray(from, from + box.width), (y + margin) * width + margin);
	}
	return { width, height, data };
}
