/**
 * Pages turned by 90°, 180° or 270° (a photo taken sideways, a sheet fed upside down): the app's model has
 * no orientation detection, so the recogniser itself judges. A square from the middle of the page is read
 * as it is and, only when that reads poorly, turned each other way: text the right way up reads with clearly
 * higher confidence than text on its side or head.
 */
import { applyOrientation, encodePgm, estimateSkew, rotate } from './image.js';
import { crop } from './layout.js';
import type { OcrEngine } from './engine.js';
import type { GrayImage } from './types.js';

/** Confidence (0–100) at which the page as it is counts as upright without trying the other turns. */
export const UPRIGHT_CONFIDENCE = 75;
/** How much better a turn must read than the page as it is. */
const MARGIN = 10;
/** Clockwise turns and the EXIF orientation that applies each. */
const TURNS: [number, number][] = [[90, 6], [180, 3], [270, 8]];

/**
 * Turns `image` upright, judged on `sample` (the same page, ruling lines removed: a grid reads badly in
 * every direction). `turned`: clockwise degrees applied.
 */
export async function turnUpright(image: GrayImage, engine: OcrEngine, sample = image): Promise<{ image: GrayImage; turned: number }> {
	const side = Math.round(0.45 * Math.min(image.width, image.height));
	const square = crop(sample, { x: (image.width - side) >> 1, y: (image.height - side) >> 1, width: side, height: side }, 0);
	const read = async (turned: GrayImage) => (await engine.recognize(encodePgm(turned))).confidence;
	const upright = await read(square);
	if (upright >= UPRIGHT_CONFIDENCE) return { image, turned: 0 };
	let best = { turned: 0, orientation: 1, confidence: upright + MARGIN };
	for (const [turned, orientation] of TURNS) {
		const confidence = await read(applyOrientation(square, orientation));
		if (confidence > best.confidence) best = { turned, orientation, confidence };
	}
	if (!best.turned) return { image, turned: 0 };
	let result = applyOrientation(image, best.orientation);
	// The page was straightened while sideways, where its tilt could not be measured.
	if (best.turned !== 180) {
		const angle = estimateSkew(result);
		if (Math.abs(angle) >= 0.2) result = rotate(result, -angle);
	}
	return { image: result, turned: best.turned };
}
