/**
 * Layout analysis before recognition, over a prepared (upright, deskewed) page: ruling lines (removed, as the recogniser reads them as junk and they glue to letters), ruled grids (tables)
 * and text blocks found by whitespace, in reading order: a two-column page is read column by column, while
 * a table keeps its rows whole.
 */
import { eachBlob, inkMask, type Box } from './image.js';
import type { GrayImage } from './types.js';

export interface Rules {
	/** horizontal and vertical ruling lines, boxes in the page's pixels */
	horizontal: Box[];
	vertical: Box[];
}

/**
 * Marks ink runs along one direction that are much longer than a letter (allowing `gap` pixels of dropout,
 * as in faxes). `along` steps along a run, `across` to the next run; returns the marked pixels.
 */
function longRuns(mask: Uint8Array, runs: number, length: number, along: number, across: number, minLength: number, gap: number, fill = 0.7): Uint8Array {
	const marked = new Uint8Array(mask.length);
	for (let r = 0; r < runs; r++) {
		const base = r * across;
		let start = -1;
		let last = -1;
		let inked = 0;
		// mostly ink: a row through the middle of text has as many gaps as strokes
		const close = () => {
			if (start >= 0 && last - start + 1 >= minLength && inked >= fill * (last - start + 1)) for (let i = start; i <= last; i++) if (mask[base + i * along]) marked[base + i * along] = 1;
		};
		for (let i = 0; i < length; i++) {
			if (!mask[base + i * along]) continue;
			if (start < 0 || i - last > gap + 1) {
				close();
				start = i;
				inked = 0;
			}
			inked++;
			last = i;
		}
		close();
	}
	return marked;
}

/**
 * Marks rules broken into dashes (a fax's thin rules, thresholded): ink no thicker than `thickness` across
 * the line with paper beyond it on both sides, lying end to end over a long stretch with gaps of up
 * to `gap`. Letters' bars and arcs are thin too, but a row of them is not mostly ink over such a stretch.
 */
function brokenRuns(mask: Uint8Array, runs: number, length: number, along: number, across: number, minLength: number, thickness: number, gap: number): Uint8Array {
	const thin = new Uint8Array(mask.length);
	for (let i = 0; i < length; i++) {
		for (let r = 0; r < runs; r++) {
			if (!mask[r * across + i * along]) continue;
			let end = r;
			while (end + 1 < runs && mask[(end + 1) * across + i * along]) end++;
			let clear = end - r + 1 <= thickness;
			for (let k = 1; clear && k <= thickness / 2; k++) {
				if ((r - k >= 0 && mask[(r - k) * across + i * along]) || (end + k < runs && mask[(end + k) * across + i * along])) clear = false;
			}
			if (clear) for (let k = r; k <= end; k++) thin[k * across + i * along] = 1;
			r = end;
		}
	}
	const marked = longRuns(thin, runs, length, along, across, minLength, gap, 0.5);
	// The rule's bits over a letter it touches were not thin: they are part of it all the same.
	for (let r = 0; r < runs; r++) {
		let last = -1;
		for (let i = 0; i < length; i++) {
			if (!marked[r * across + i * along]) continue;
			if (last >= 0 && i - last <= gap + 1) for (let k = last + 1; k < i; k++) marked[r * across + k * along] = mask[r * across + k * along];
			last = i;
		}
	}
	return marked;
}

/**
 * Marks rules that are not level (a photographed page's curl bends them across several rows): chains of thin
 * ink (at most `thickness` tall in its column) that run left to right at most a row up or down per column, over
 * at least `minLength` columns. Text does not chain so far: its stems are tall and its letters stand apart.
 */
function bentRuns(mask: Uint8Array, w: number, h: number, minLength: number, thickness: number): Uint8Array {
	const thin = new Uint8Array(mask.length);
	for (let x = 0; x < w; x++) {
		for (let y = 0; y < h; y++) {
			if (!mask[y * w + x]) continue;
			let end = y;
			while (end + 1 < h && mask[(end + 1) * w + x]) end++;
			if (end - y + 1 <= thickness) for (let k = y; k <= end; k++) thin[k * w + x] = 1;
			y = end;
		}
	}
	// the longest chain ending at each pixel, from the left and from the right
	const chain = (step: 1 | -1) => {
		const length = new Uint16Array(mask.length);
		for (let i = 0; i < w; i++) {
			const x = step === 1 ? i : w - 1 - i;
			const before = x - step;
			for (let y = 0; y < h; y++) {
				const p = y * w + x;
				if (!thin[p]) continue;
				let best = 0;
				if (before >= 0 && before < w) for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) best = Math.max(best, length[yy * w + before]);
				length[p] = Math.min(65535, best + 1);
			}
		}
		return length;
	};
	const left = chain(1);
	const right = chain(-1);
	const marked = new Uint8Array(mask.length);
	for (let p = 0; p < mask.length; p++) if (thin[p] && left[p] + right[p] - 1 >= minLength) marked[p] = 1;
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

/** Adds the marks of `extra` to `marked`. */
function merge(marked: Uint8Array, extra: Uint8Array) {
	for (let i = 0; i < marked.length; i++) marked[i] |= extra[i];
}

/** Pixels within `radius` (square) of a marked one. */
function dilate(marked: Uint8Array, w: number, h: number, radius: number): Uint8Array {
	const rows = new Uint8Array(marked.length);
	for (let y = 0; y < h; y++) for (let x = 0, row = y * w; x < w; x++) if (marked[row + x]) rows.fill(1, row + Math.max(0, x - radius), row + Math.min(w, x + radius + 1));
	const out = new Uint8Array(marked.length);
	for (let y = 0; y < h; y++) for (let x = 0, row = y * w; x < w; x++) if (rows[row + x]) for (let yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) out[yy * w + x] = 1;
	return out;
}

/**
 * Whitens what is left of the rules: dark bits lying wholly next to a rule (where a tilted or bent line
 * steps from one row to the next). A letter that reaches further is kept whole.
 */
function clearLeftovers(out: Uint8ClampedArray, w: number, near: Uint8Array) {
	const dark = inkMask({ width: w, height: out.length / w, data: out }, RULE_INK - 1);
	const labels = new Int32Array(out.length);
	let count = 0;
	eachBlob(dark, w, () => count++, { labels });
	const reaches = new Uint8Array(count);
	for (let i = 0; i < out.length; i++) if (labels[i] >= 0 && !near[i]) reaches[labels[i]] = 1;
	for (let i = 0; i < out.length; i++) if (labels[i] >= 0 && !reaches[labels[i]]) out[i] = 255;
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
export function removeRules(image: GrayImage, options: { broken?: boolean; bent?: boolean } = {}): { image: GrayImage; rules: Rules } {
	const { width: w, height: h } = image;
	// Thin rules of a photo or a low-resolution page come out gray: anything clearly darker than paper counts.
	const mask = inkMask(image, RULE_INK);
	const long = Math.max(w, h);
	// A letter at 300 dpi is at most ~60 px: rules are runs several times that; gaps of a few pixels are dropouts.
	const gap = Math.max(2, Math.round(long / 800));
	const maxThickness = Math.max(6, Math.round(long / 250));
	// longer than a long word: a line of serif text has ink along its baseline, word by word
	const horizontal = longRuns(mask, h, w, 1, w, Math.max(120, Math.round(w * 0.1)), gap);
	const vertical = longRuns(mask, w, h, w, 1, Math.max(60, Math.round(long * 0.03)), gap);
	if (options.broken) {
		// dashes of a rule are as far apart as letters: a whole line of text could pass for one only if thin
		const dash = Math.round(long / 40);
		merge(horizontal, brokenRuns(mask, h, w, 1, w, Math.max(120, Math.round(w * 0.1)), maxThickness, dash));
		merge(vertical, brokenRuns(mask, w, h, w, 1, Math.max(60, Math.round(long * 0.03)), maxThickness, dash));
	}
	const out = new Uint8ClampedArray(image.data);
	const rules = { horizontal: lineBoxes(horizontal, w, h, true), vertical: lineBoxes(vertical, w, h, false) };
	// Erased, but not outlined: a bent rule's box would cover the rows of several others. Traced only in a grid
	// (vertical rules too): elsewhere a page has an underline or two at most, not worth the time.
	if (options.bent && rules.vertical.length) merge(horizontal, bentRuns(mask, w, h, Math.max(120, Math.round(w * 0.1)), maxThickness));
	eraseLines(out, mask, horizontal, vertical, h, w, 1, w, maxThickness);
	eraseLines(out, mask, vertical, horizontal, w, h, w, 1, maxThickness);
	const erased = mask.map((ink, i) => (ink && out[i] === 255 ? 1 : 0));
	clearLeftovers(out, w, dilate(erased, w, h, gap + 1));
	eraseFieldBoxes(out, w, h, maxThickness);
	return { image: { width: w, height: h, data: out }, rules };
}

/** Share of a frame's side that must be ink for it to count as drawn… */
const FRAME_SIDE = 0.8;
/** …and most of its box that may be: the rest is the paper inside it. */
const FRAME_FILL = 0.35;

/**
 * Whitens the frames of a form's fields (a box around a written value), too short to be rules: the recogniser
 * takes a framed word for a picture and drops it. A frame is one blob, a few text lines tall at most and at least
 * twice as wide as tall, whose four sides are each mostly ink; only its sides go, so a digit touching one stays.
 * Checkboxes (square) are left.
 */
function eraseFieldBoxes(out: Uint8ClampedArray, w: number, h: number, thickness: number) {
	const long = Math.max(w, h);
	const mask = inkMask({ width: w, height: h, data: out }, RULE_INK);
	const limit = 8 * (w + h);
	eachBlob(
		mask,
		w,
		(blob) => {
			// (mostly paper inside: a blot of merged letters has inked sides too)
			if (blob.height < long * 0.008 || blob.height > long * 0.06 || blob.width < 2 * blob.height || blob.width > 0.6 * w || blob.area > limit || blob.area > FRAME_FILL * blob.width * blob.height) return;
			const own = new Set(blob.pixels);
			const x1 = blob.x + blob.width - 1;
			const y1 = blob.y + blob.height - 1;
			const inked = (x: number, y: number) => own.has(y * w + x);
			// the best line within `thickness` of each edge
			const row = (from: number, step: number) => Math.max(...Array.from({ length: thickness }, (_, k) => { let n = 0; for (let x = blob.x; x <= x1; x++) n += +inked(x, from + k * step); return n / blob.width; }));
			const column = (from: number, step: number) => Math.max(...Array.from({ length: thickness }, (_, k) => { let n = 0; for (let y = blob.y; y <= y1; y++) n += +inked(from + k * step, y); return n / blob.height; }));
			if (Math.min(row(blob.y, 1), row(y1, -1), column(blob.x, 1), column(x1, -1)) < FRAME_SIDE) return;
			for (const p of blob.pixels) {
				const x = p % w;
				const y = (p - x) / w;
				if (y - blob.y < thickness || y1 - y < thickness || x - blob.x < thickness || x1 - x < thickness) out[p] = 255;
			}
		},
		{ keep: limit }
	);
}

/** Dots in a row, at least this many, make a leader. */
const LEADER_DOTS = 6;

/**
 * Whitens dot leaders (`Sodium ........ 141`): the recogniser reads them as stray digits and stops glued to the
 * value. A leader is a row of at least LEADER_DOTS specks no bigger than a full stop, on one baseline, evenly
 * spaced; a full stop or a decimal point stands alone. Also returns the page's ink mask without them, for findBlocks.
 */
export function removeLeaders(image: GrayImage): { image: GrayImage; mask: Uint8Array } {
	const { width: w, height: h } = image;
	const mask = inkMask(image);
	const maxDot = Math.max(3, Math.round(Math.max(w, h) / 300));
	const dots: (Box & { cx: number; cy: number })[] = [];
	eachBlob(mask, w, (blob) => {
		if (blob.width <= maxDot && blob.height <= maxDot) dots.push({ x: blob.x, y: blob.y, width: blob.width, height: blob.height, cx: blob.x + (blob.width - 1) / 2, cy: blob.y + (blob.height - 1) / 2 });
	});
	// chains along each baseline, left to right: each dot's nearest follower a few dot widths on, level with it
	dots.sort((a, b) => a.cx - b.cx);
	const out = new Uint8ClampedArray(image.data);
	const used = new Set<number>();
	for (let i = 0; i < dots.length; i++) {
		if (used.has(i)) continue;
		const chain = [i];
		for (let j = i + 1, last = dots[i]; j < dots.length && dots[j].cx - last.cx <= 6 * maxDot; j++) {
			if (used.has(j) || Math.abs(dots[j].cy - last.cy) > maxDot / 2 || dots[j].cx - last.cx < maxDot) continue;
			chain.push(j);
			last = dots[j];
		}
		if (chain.length < LEADER_DOTS) continue;
		const steps = chain.slice(1).map((k, n) => dots[k].cx - dots[chain[n]].cx).sort((a, b) => a - b);
		const median = steps[steps.length >> 1];
		if (steps[0] < 0.6 * median || steps[steps.length - 1] > 1.6 * median) continue;
		for (const k of chain) {
			used.add(k);
			// with its gray fringe
			const { x, y, width, height } = dots[k];
			for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + height); yy++) {
				out.fill(255, yy * w + Math.max(0, x - 1), yy * w + Math.min(w, x + width + 1));
				mask.fill(0, yy * w + Math.max(0, x - 1), yy * w + Math.min(w, x + width + 1));
			}
		}
	}
	return { image: { width: w, height: h, data: out }, mask };
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
	/** a column of text, read apart from what stands beside it; other blocks span the page's width */
	column: boolean;
}

/** Text columns are at least this many lines tall, each: label: value pairs side by side are read row by row. */
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

/** Rows holding more than a speck or two of ink: text. */
const SPECKS = 3;

/** Tops of the text lines in a row profile: where rows with more than specks begin. */
function lineTops(rows: Int32Array, from: number, to: number): number[] {
	const tops: number[] = [];
	for (let y = from + 1; y < to; y++) if (rows[y] > SPECKS && (rows[y - 1] ?? 0) <= SPECKS) tops.push(y);
	return tops;
}

/** The typical distance between the tops of successive text lines, from the page's row profile. */
function linePitch(mask: Uint8Array, w: number, h: number): number {
	const rows = new Int32Array(h);
	for (let y = 0; y < h; y++) for (let x = 0, row = y * w; x < w; x++) rows[y] += mask[row + x];
	const tops = lineTops(rows, 0, h);
	const steps = tops.slice(1).map((t, i) => t - tops[i]).filter((s) => s > 8).sort((a, b) => a - b);
	const median = steps.length ? steps[steps.length >> 1] : 40;
	return Math.max(16, Math.min(150, median));
}

/**
 * Text blocks in reading order, by recursive cuts along whitespace: first across the full width of a
 * region (bands), then down a band when wide gutters split it into columns each at least a quarter of its
 * width and several lines tall, each (two-column letters). Narrower pieces mean a table, kept whole. `tables`
 * (ruled grids) are never split into columns.
 */
export function findBlocks(image: GrayImage, tables: Box[] = [], mask = inkMask(image)): Block[] {
	const { width: w, height: h } = image;
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
	const visit = (x0: number, y0: number, x1: number, y1: number, depth: number, column: boolean) => {
		// trim to the ink
		const rows = ink(x0, y0, x1, y1, true);
		while (y0 < y1 && !rows[y0]) y0++;
		while (y1 > y0 && !rows[y1 - 1]) y1--;
		if (y1 - y0 < 4) return;
		const cols = ink(x0, y0, x1, y1, false);
		while (x0 < x1 && !cols[x0]) x0++;
		while (x1 > x0 && !cols[x1 - 1]) x1--;
		if (x1 - x0 < 4) return;
		const block: Block = { x: x0, y: y0, width: x1 - x0, height: y1 - y0, column };
		if (depth > 12) { blocks.push(block); return; }
		const bands = emptyRuns(rows, y0, y1).filter(([a, b]) => b - a >= bandGap);
		if (bands.length) {
			let top = y0;
			for (const [a, b] of bands) { visit(x0, top, x1, a, depth + 1, column); top = b; }
			visit(x0, top, x1, y1, depth + 1, column);
			return;
		}
		const gutters = emptyRuns(cols, x0, x1).filter(([a, b]) => b - a >= gutter);
		if (gutters.length) {
			const edges = [x0, ...gutters.flat(), x1];
			const pieces: [number, number][] = [];
			for (let i = 0; i < edges.length; i += 2) pieces.push([edges[i], edges[i + 1]]);
			const lines = (a: number, b: number) => lineTops(ink(a, y0, b, y1, true), y0 - 1, y1).filter((t, i, all) => !i || t - all[i - 1] >= pitch / 2).length;
			if (pieces.every(([a, b]) => b - a >= 0.25 * (x1 - x0) && lines(a, b) >= MIN_COLUMN_LINES)) {
				for (const [a, b] of pieces) visit(a, y0, b, y1, depth + 1, true);
				return;
			}
		}
		blocks.push(block);
	};
	visit(0, 0, w, h, 0, false);
	// Grids placed in reading order among the rest, by their top edge.
	const ordered: Block[] = [];
	const pending = tables.map((t): Block => ({ ...t, column: false })).sort((a, b) => a.y - b.y);
	for (const b of blocks) {
		while (pending.length && pending[0].y <= b.y) ordered.push(pending.shift()!);
		ordered.push(b);
	}
	ordered.push(...pending);
	// What lies between columns is read in one piece, as a page without columns is: fewer calls, and the
	// recogniser sees whole rows.
	const merged: Block[] = [];
	for (const b of ordered) {
		const last = merged.at(-1);
		if (last && !last.column && !b.column) {
			const x = Math.min(last.x, b.x);
			const y = Math.min(last.y, b.y);
			merged[merged.length - 1] = { x, y, width: Math.max(last.x + last.width, b.x + b.width) - x, height: Math.max(last.y + last.height, b.y + b.height) - y, column: false };
		} else merged.push(b);
	}
	return merged;
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
