/**
 * Pages turned by 90°, 180° or 270° (a photo taken sideways, a sheet fed upside down): the app's model has
 * no orientation detection, so the recogniser itself judges. A square where the page holds the most text is read
 * as it is and, only when that reads poorly, turned each other way: text the right way up reads with clearly
 * higher confidence than text on its side or head.
 */
import { applyOrientation, encodePgm, estimateSkew, inkMask, rotate, type Box } from './image.js';
import { crop } from './layout.js';
import type { OcrEngine } from './engine.js';
import type { GrayImage } from './types.js';

/** Confidence (0–100) at which the page as it is counts as upright without trying the other turns. */
export const UPRIGHT_CONFIDENCE = 75;
/** How much better a turn must read than the page as it is. */
const MARGIN = 10;
/** Sure words a turn must read, at least, and at least twice as many as the page as it is. */
const MIN_SURE_WORDS = 5;
/** Clockwise turns and the EXIF orientation that applies each. */
const TURNS: [number, number][] = [[90, 6], [180, 3], [270, 8]];

/** Steps per side of the grid of squares considered. */
const SQUARE_STEPS = 4;

/**
 * Of the squares of `side` on a grid over the page, the one holding the most text: text may fill only one part
 * of a page (a form's left column, a short letter), leaving its middle blank. Text is counted by the edges of
 * its ink, not by the ink itself: a shadow over a photographed page is dark, but it is one smooth patch. The
 * middle wins ties.
 */
export function busiestSquare(image: GrayImage, side: number): Box {
	const { width: w, height: h } = image;
	const mask = inkMask(image);
	// sums of edges over every rectangle from the top left corner: any square's in four look-ups
	const sums = new Int32Array((w + 1) * (h + 1));
	for (let y = 0; y < h; y++) {
		let row = 0;
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			row += (x + 1 < w && mask[i] !== mask[i + 1] ? 1 : 0) + (y + 1 < h && mask[i] !== mask[i + w] ? 1 : 0);
			sums[(y + 1) * (w + 1) + x + 1] = sums[y * (w + 1) + x + 1] + row;
		}
	}
	const edgesIn = (x: number, y: number) => sums[(y + side) * (w + 1) + x + side] - sums[y * (w + 1) + x + side] - sums[(y + side) * (w + 1) + x] + sums[y * (w + 1) + x];
	const middle = { x: (w - side) >> 1, y: (h - side) >> 1 };
	let best = { ...middle, edges: edgesIn(middle.x, middle.y) };
	for (let i = 0; i <= SQUARE_STEPS; i++) {
		for (let j = 0; j <= SQUARE_STEPS; j++) {
			const x = Math.round(((w - side) * i) / SQUARE_STEPS);
			const y = Math.round(((h - side) * j) / SQUARE_STEPS);
			const edges = edgesIn(x, y);
			if (edges > best.edges) best = { x, y, edges };
		}
	}
	return { x: best.x, y: best.y, width: side, height: side };
}

/**
 * Turns `image` upright, judged on `sample` (the same page, ruling lines removed: a grid reads badly in
 * every direction). `turned`: clockwise degrees applied.
 */
export async function turnUpright(image: GrayImage, engine: OcrEngine, sample = image): Promise<{ image: GrayImage; turned: number }> {
	const side = Math.round(0.45 * Math.min(image.width, image.height));
	const square = crop(sample, busiestSquare(sample, side), 0);
	// Mean confidence, and how many words read surely: noise (a fax) can lift the mean of a wrong turn a little,
	// but gives no sure words.
	const read = async (turned: GrayImage) => {
		const { confidence, words } = await engine.recognize(encodePgm(turned));
		return { confidence, sure: words.filter((w) => w.confidence >= 80 && /[\p{L}\p{N}]{2}/u.test(w.text)).length };
	};
	const upright = await read(square);
	if (upright.confidence >= UPRIGHT_CONFIDENCE) return { image, turned: 0 };
	let best = { turned: 0, confidence: upright.confidence + MARGIN, sure: Math.max(MIN_SURE_WORDS, 2 * upright.sure) };
	for (const [turned, orientation] of TURNS) {
		const reading = await read(applyOrientation(square, orientation));
		if (reading.confidence > best.confidence && reading.sure >= best.sure) best = { turned, ...reading };
	}
	return { image: applyTurn(image, best.turned), turned: best.turned };
}

/** `image` turned clockwise by `turned` degrees (0, 90, 180 or 270), as `turnUpright` turns a page. */
export function applyTurn(image: GrayImage, turned: number): GrayImage {
	const orientation = TURNS.find(([degrees]) => degrees === turned)?.[1];
	if (!orientation) return image;
	const result = applyOrientation(image, orientation);
	// The page was straightened while sideways, where its tilt could not be measured.
	if (turned === 180) return result;
	const angle = estimateSkew(result);
	return Math.abs(angle) >= 0.2 ? rotate(result, -angle) : result;
}
