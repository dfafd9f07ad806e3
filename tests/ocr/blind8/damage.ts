/**
 * What happens to the eighth set's paper: stamps, a signature and a torn corner; a fax; ink-jet banding,
 * pale blue ink, a book-fold shadow and MMS-quality photos; phone photos partly in shadow, on a clipboard
 * under its clip, or at night with the flash glaring.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../hard/random';

const copy = (source: Canvas, width = source.width, height = source.height) => {
	const canvas = createCanvas(Math.round(width), Math.round(height));
	canvas.getContext('2d').drawImage(source, 0, 0, canvas.width, canvas.height);
	return canvas;
};

/** Runs `f` over every pixel's RGB (with its position) in place. */
function eachPixel(canvas: Canvas, f: (rgb: [number, number, number], x: number, y: number) => [number, number, number]) {
	const ctx = canvas.getContext('2d');
	const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
	const d = image.data;
	for (let i = 0; i < d.length; i += 4) {
		const p = i / 4;
		const [r, g, b] = f([d[i], d[i + 1], d[i + 2]], p % canvas.width, Math.floor(p / canvas.width));
		d[i] = r;
		d[i + 1] = g;
		d[i + 2] = b;
	}
	ctx.putImageData(image, 0, 0);
}

const addNoise = (canvas: Canvas, r: Rng, sigma: number) => eachPixel(canvas, (rgb) => rgb.map((v) => v + r.gaussian() * sigma) as [number, number, number]);

/** A rubber stamp, a signature over the signatory line and a corner torn away, the scanner lid showing. */
export function stampAndTear(canvas: Canvas, r: Rng, facility: string): Buffer {
	const ctx = canvas.getContext('2d');
	const colour = r.pick(['rgba(40,60,170,0.6)', 'rgba(170,30,40,0.55)', 'rgba(110,40,140,0.55)']);
	ctx.save();
	ctx.translate(r.real(700, 1250), r.real(900, 1900));
	ctx.rotate(r.real(-0.35, 0.35));
	ctx.strokeStyle = colour;
	ctx.fillStyle = colour;
	ctx.lineWidth = 5;
	ctx.strokeRect(-250, -85, 500, 170);
	ctx.lineWidth = 2;
	ctx.strokeRect(-238, -73, 476, 146);
	ctx.textAlign = 'center';
	ctx.font = '48px "Roboto Bold"';
	ctx.fillText(r.pick(['VERIFIED', 'RECEIVED', 'COPY', 'VALIDÉ', 'CONFERIDO']), 0, -10);
	ctx.font = '24px "Roboto"';
	ctx.fillText(facility.slice(0, 36).toUpperCase(), 0, 40);
	ctx.restore();
	ctx.strokeStyle = 'rgba(20,30,120,0.85)';
	ctx.lineWidth = 3;
	ctx.beginPath();
	let [x, y] = [r.real(300, 600), r.real(1800, 2150)];
	ctx.moveTo(x, y);
	for (let i = 0; i < 6; i++) ctx.bezierCurveTo(x + r.real(10, 60), y - r.real(30, 70), x + r.real(40, 90), y + r.real(20, 60), (x += r.real(40, 80)), (y += r.real(-15, 15)));
	ctx.stroke();
	tearCorner(ctx, canvas, r);
	return canvas.encodeSync('png');
}

/** A jagged triangle off one corner, filled with the grey of the scanner lid. */
function tearCorner(ctx: SKRSContext2D, canvas: Canvas, r: Rng) {
	const [right, bottom] = [r.chance(0.5), r.chance(0.6)];
	const size = r.real(150, 260);
	const cx = right ? canvas.width : 0;
	const cy = bottom ? canvas.height : 0;
	const sx = right ? -1 : 1;
	const sy = bottom ? -1 : 1;
	ctx.fillStyle = '#4a4a4a';
	ctx.beginPath();
	ctx.moveTo(cx, cy);
	ctx.lineTo(cx + sx * size * r.real(0.9, 1.3), cy);
	for (let t = 0.1; t < 1; t += 0.1) ctx.lineTo(cx + sx * size * (1 - t) * 1.1 + r.real(-12, 12), cy + sy * size * t + r.real(-12, 12));
	ctx.lineTo(cx, cy + sy * size * r.real(0.9, 1.3));
	ctx.closePath();
	ctx.fill();
}

/** A standard-resolution fax: half the lines, black and white, speckles and a streak from the drum. */
export function fax(canvas: Canvas, r: Rng): Buffer {
	const low = copy(canvas, canvas.width, canvas.height * 0.5);
	const threshold = r.real(150, 190);
	addNoise(low, r, 28);
	eachPixel(low, ([v]) => (v < threshold ? [0, 0, 0] : [255, 255, 255]));
	const ctx = low.getContext('2d');
	for (let i = 0; i < 400; i++) {
		ctx.fillStyle = r.chance(0.8) ? '#000' : '#fff';
		ctx.fillRect(r.int(0, low.width), r.int(0, low.height), 1, 1);
	}
	ctx.fillStyle = '#000';
	ctx.fillRect(r.int(50, low.width - 50), 0, 1, low.height);
	const out = createCanvas(1728, Math.round((1728 * canvas.height) / canvas.width));
	const octx = out.getContext('2d');
	octx.imageSmoothingEnabled = false;
	octx.drawImage(low, 0, 0, out.width, out.height);
	return out.encodeSync('png');
}

/** An ink-jet running dry: pale horizontal bands at the head's pitch and a nozzle or two missing. */
function inkjetBanding(canvas: Canvas, r: Rng) {
	const pitch = r.int(38, 70);
	const band = r.int(6, 14);
	const fade = r.real(0.35, 0.6);
	const gaps = [r.int(0, pitch), r.int(0, pitch)];
	eachPixel(canvas, (rgb, _x, y) => {
		const phase = y % pitch;
		const k = gaps.includes(phase) ? 0.9 : phase < band ? fade : 0;
		return rgb.map((v) => v + (255 - v) * k) as [number, number, number];
	});
}

/** Printed in low-contrast pale blue on cream paper. */
function paleBlueInk(canvas: Canvas, r: Rng) {
	const ink = [r.int(90, 120), r.int(130, 160), r.int(195, 220)];
	const paper = [r.int(240, 250), r.int(238, 246), r.int(222, 234)];
	eachPixel(canvas, ([v]) => {
		const t = v / 255;
		return ink.map((c, i) => c + (paper[i] - c) * t) as [number, number, number];
	});
}

/** A page scanned from a bound book: the shadow of the fold darkening one edge. */
function bookFold(canvas: Canvas, r: Rng) {
	const ctx = canvas.getContext('2d');
	const left = r.chance(0.5);
	const width = r.real(220, 380);
	const x0 = left ? 0 : canvas.width;
	const g = ctx.createLinearGradient(x0, 0, left ? width : canvas.width - width, 0);
	g.addColorStop(0, 'rgba(20,20,20,0.92)');
	g.addColorStop(0.35, 'rgba(60,60,60,0.45)');
	g.addColorStop(1, 'rgba(0,0,0,0)');
	ctx.fillStyle = g;
	ctx.fillRect(left ? 0 : canvas.width - width, 0, width, canvas.height);
}

export type ScanDamage = 'mms' | 'pale-blue' | 'book-fold' | 'inkjet' | 'pale-mms';

/** A scanned or forwarded page: the damage, then a JPEG (an MMS one small and coarse). */
export function scanned(canvas: Canvas, r: Rng, damage: ScanDamage): Buffer {
	if (damage === 'pale-blue' || damage === 'pale-mms') paleBlueInk(canvas, r);
	if (damage === 'book-fold') bookFold(canvas, r);
	if (damage === 'inkjet') inkjetBanding(canvas, r);
	if (damage === 'mms' || damage === 'pale-mms') {
		const width = r.int(620, 760);
		return copy(canvas, width, (width * canvas.height) / canvas.width).encodeSync('jpeg', r.int(22, 38));
	}
	addNoise(canvas, r, 6);
	return canvas.encodeSync('jpeg', r.int(55, 75));
}

export type PhotoScene = 'shadow' | 'clipboard' | 'night-flash';

/** A phone photo of the page: on a desk or clipboard, a little askew, lit as the scene says, turned `rotation`°. */
export function phonePhoto(page: Canvas, r: Rng, scene: PhotoScene, rotation: number): Buffer {
	const photo = createCanvas(1500, 2000);
	const ctx = photo.getContext('2d');
	ctx.fillStyle = scene === 'night-flash' ? '#2b2118' : r.pick(['#6b4f35', '#8a8a84', '#3d4a5c']);
	ctx.fillRect(0, 0, photo.width, photo.height);
	const scale = r.real(0.76, 0.82);
	const [w, h] = [page.width * scale, page.height * scale];
	ctx.save();
	ctx.translate(photo.width / 2 + r.real(-25, 25), photo.height / 2 + r.real(-20, 30));
	ctx.rotate(r.real(-0.05, 0.05));
	if (scene === 'clipboard') {
		ctx.fillStyle = '#9a6a3a';
		ctx.fillRect(-w / 2 - 45, -h / 2 - 120, w + 90, h + 170);
	}
	ctx.drawImage(page, -w / 2, -h / 2, w, h);
	if (scene === 'clipboard') {
		const g = ctx.createLinearGradient(0, -h / 2 - 100, 0, -h / 2 + 60);
		g.addColorStop(0, '#e6e6e6');
		g.addColorStop(0.5, '#9b9b9b');
		g.addColorStop(1, '#5d5d5d');
		ctx.fillStyle = g;
		ctx.fillRect(-170, -h / 2 - 100, 340, r.real(130, 170));
	}
	ctx.restore();
	light(ctx, photo, r, scene);
	addNoise(photo, r, scene === 'night-flash' ? 14 : 7);
	const blurred = createCanvas(photo.width, photo.height);
	const bctx = blurred.getContext('2d');
	bctx.filter = `blur(${r.real(0.6, 1.3).toFixed(1)}px)`;
	bctx.drawImage(photo, 0, 0);
	return turn(blurred, rotation).encodeSync('jpeg', r.int(70, 85));
}

function light(ctx: SKRSContext2D, photo: Canvas, r: Rng, scene: PhotoScene) {
	if (scene === 'shadow') {
		// the phone and the hand holding it, between the lamp and the page
		ctx.save();
		ctx.filter = 'blur(40px)';
		ctx.fillStyle = `rgba(0,0,0,${r.real(0.45, 0.6).toFixed(2)})`;
		ctx.beginPath();
		const fromTop = r.chance(0.5);
		const y0 = fromTop ? -100 : photo.height + 100;
		ctx.moveTo(r.real(200, 600), y0);
		ctx.lineTo(r.real(700, 1100), y0);
		ctx.lineTo(r.real(1000, 1500), photo.height * r.real(0.4, 0.6));
		ctx.lineTo(r.real(300, 700), photo.height * r.real(0.35, 0.55));
		ctx.closePath();
		ctx.fill();
		ctx.restore();
		return;
	}
	const vignette = ctx.createRadialGradient(750, 1000, 300, 750, 1000, 1300);
	vignette.addColorStop(0, 'rgba(0,0,0,0)');
	vignette.addColorStop(1, scene === 'night-flash' ? 'rgba(0,0,0,0.75)' : 'rgba(0,0,0,0.3)');
	ctx.fillStyle = vignette;
	ctx.fillRect(0, 0, photo.width, photo.height);
	if (scene === 'night-flash') {
		const [gx, gy] = [r.real(500, 1000), r.real(700, 1300)];
		const glare = ctx.createRadialGradient(gx, gy, 10, gx, gy, r.real(220, 320));
		glare.addColorStop(0, 'rgba(255,255,250,0.97)');
		glare.addColorStop(0.5, 'rgba(255,255,240,0.55)');
		glare.addColorStop(1, 'rgba(255,255,240,0)');
		ctx.fillStyle = glare;
		ctx.fillRect(0, 0, photo.width, photo.height);
		eachPixel(photo, ([a, b, c]) => [a * 1.05, b * 0.95, c * 0.8]);
	}
}

/** The image turned clockwise by 0, 90, 180 or 270 degrees. */
function turn(canvas: Canvas, rotation: number): Canvas {
	if (!rotation) return canvas;
	const sideways = rotation % 180 !== 0;
	const out = createCanvas(sideways ? canvas.height : canvas.width, sideways ? canvas.width : canvas.height);
	const ctx = out.getContext('2d');
	ctx.translate(out.width / 2, out.height / 2);
	ctx.rotate((rotation * Math.PI) / 180);
	ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
	return out;
}

/** A landscape sheet printed shrunk to fit the portrait page. */
export const shrinkToPage = (sheet: Canvas, width = 1654, height = 2339) => {
	const page = createCanvas(width, height);
	const ctx = page.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	const scale = width / sheet.width;
	ctx.drawImage(sheet, 0, 0, width, sheet.height * scale);
	return page;
};
