/** The order of preparation steps for one page, over a grayscale image already upright (EXIF applied). */
import { boxBlur, despeckle, estimateSkew, noiseLevel, findPage, flattenIllumination, normalizeContrast, resize, rotate, targetScale, whitenBorder, whitenOutside } from './image.js';
import { pageCorners, warpPage } from './perspective.js';
import type { GrayImage } from './types.js';

/** Longest side worked on before cropping: phone photos of 12+ MP are shrunk to this first. */
export const WORKING_LONG_SIDE = 3000;

export interface PreparedPage {
	image: GrayImage;
	angle: number;
	cropped: boolean;
	scale: number;
	/** the input was black and white (a fax): its thin rules may be broken into dashes */
	bilevel: boolean;
}

export interface PrepareOptions {
	/** skip the photo steps (crop, light) for images known to be clean renders, e.g. PDF pages */
	clean?: boolean;
	/** this many times as large as the page is read at first: a second reading, from other pixels */
	rescale?: number;
}

/** Almost every pixel pure black or pure white. */
function isBilevel(image: GrayImage): boolean {
	let pure = 0;
	for (let i = 0; i < image.data.length; i++) if (image.data[i] === 0 || image.data[i] === 255) pure++;
	return pure >= 0.99 * image.data.length;
}

export function preparePage(input: GrayImage, options: PrepareOptions = {}): PreparedPage {
	let image = input;
	let scale = 1;
	const long = Math.max(image.width, image.height);
	if (long > WORKING_LONG_SIDE) {
		const f = WORKING_LONG_SIDE / long;
		image = resize(image, image.width * f, image.height * f);
		scale *= f;
	}
	// A black-and-white page (a fax): its lone black pixels are noise (two, side by side, may be what is left of a
	// thin stroke), and its staircase edges and broken strokes read better softened.
	const bilevel = isBilevel(image);
	if (bilevel) image = despeckle(image, 1);
	let cropped = false;
	if (!options.clean) {
		const page = findPage(image);
		if (page) {
			// Even out the light first (the paper's own brightness), then drop the surroundings and map the
			// page's corners onto a rectangle (keystone and tilt).
			const flat = whitenOutside(flattenIllumination(image), page);
			image = warpPage(flat, pageCorners(page, image.width, image.height));
			image = whitenBorder(image, Math.round(Math.min(image.width, image.height) * 0.01));
			cropped = true;
		} else image = flattenIllumination(image);
	}
	// Grain of the paper, measured before resampling smooths it (renders ≈0, phone photos ≈5, noisy scans 8+).
	const grainy = noiseLevel(image) > 7;
	const angle = estimateSkew(image);
	if (Math.abs(angle) >= 0.2) image = rotate(image, -angle);
	const f = targetScale(image.width, image.height) * (options.rescale ?? 1);
	if (f !== 1) {
		image = resize(image, image.width * f, image.height * f);
		scale *= f;
	}
	if (bilevel) image = boxBlur(image, 1);
	// Grainy scans: a light blur keeps the grain from turning into specks once the contrast is stretched.
	if (grainy) image = boxBlur(image, 1);
	// …and paper a little darker than its median still counts as paper, so the grain turns white.
	image = normalizeContrast(image, 0.005, 0.5, grainy ? 0.85 : 1);
	// Only grainy scans: on clean pages specks are rare and the full stops of 200 dpi text are as small as specks.
	if (grainy) image = despeckle(image, Math.max(2, Math.round(6 * (Math.max(image.width, image.height) / 2339) ** 2)));
	return { image, angle, cropped, scale, bilevel };
}
