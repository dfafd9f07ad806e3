/**
 * What happens to the seventh blind set's paper: dot-matrix and thermal print, carbon copies, green-bar
 * continuous paper, a fold crease, a coffee ring, punched holes and a staple, rubber stamps and a signature,
 * a photocopy then faxed, an out-of-focus scan, a phone photo at an angle in uneven light with a hand's shadow,
 * and a photo sent on through a messenger (downscaled, recompressed).
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../hard/random';
import { MONO } from './draw';

const fresh = (width: number, height: number, fill = '#fff'): [Canvas, SKRSContext2D] => {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = fill;
	ctx.fillRect(0, 0, width, height);
	return [canvas, ctx];
};

/** Runs `f(gray, x, y)` → [r, g, b] over every pixel. */
function remap(canvas: Canvas, f: (gray: number, x: number, y: number, i: number, data: Uint8ClampedArray) => [number, number, number]) {
	const ctx = canvas.getContext('2d');
	const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
	const d = image.data;
	const src = new Uint8ClampedArray(d);
	for (let y = 0, i = 0; y < canvas.height; y++) {
		for (let x = 0; x < canvas.width; x++, i += 4) {
			const [r, g, b] = f(0.299 * src[i] + 0.587 * src[i + 1] + 0.114 * src[i + 2], x, y, i, src);
			d[i] = r;
			d[i + 1] = g;
			d[i + 2] = b;
			d[i + 3] = 255;
		}
	}
	ctx.putImageData(image, 0, 0);
}

/** A print head of pins: each glyph becomes round dots on a grid, the ribbon fading in bands. */
export function dotMatrix(canvas: Canvas, r: Rng, pitch = 3) {
	const ctx = canvas.getContext('2d');
	const src = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
	const w = canvas.width;
	const radius2 = (pitch * r.real(0.5, 0.62)) ** 2;
	const wear = r.real(0.55, 0.8);
	const phase = r.real(0, 6);
	remap(canvas, (_g, x, y) => {
		const gx = Math.round(x / pitch) * pitch;
		const gy = Math.round(y / pitch) * pitch;
		const j = (Math.min(gy, canvas.height - 1) * w + Math.min(gx, w - 1)) * 4;
		const dark = src[j] < 140;
		if (!dark || (x - gx) ** 2 + (y - gy) ** 2 > radius2) return [255, 255, 255];
		// the ribbon: darker and lighter bands down the page
		const ink = 255 * (1 - wear * (0.75 + 0.25 * Math.sin(y / 97 + phase)));
		return [ink, ink, ink * 1.02];
	});
}

/** Thermal paper: grey, fading down the slip, with a few dead heating elements leaving white lines. */
export function thermal(canvas: Canvas, r: Rng) {
	const dead = Array.from({ length: r.int(2, 4) }, () => r.int(40, canvas.width - 40));
	const fadeFrom = r.real(0.45, 0.75);
	const fadeTo = r.real(0.35, 0.55);
	remap(canvas, (g, x, y) => {
		if (dead.some((d) => x === d || x === d + 1)) return [246, 245, 241];
		const t = y / canvas.height;
		const strength = fadeFrom + (fadeTo - fadeFrom) * t;
		const v = 246 - (246 - g) * strength;
		return [v, v - 1, v - 4];
	});
}

/** A carbon copy: the ink blurred into violet-blue, a ghost of the sheet a little off, smudges. */
export function carbon(canvas: Canvas, r: Rng): Canvas {
	const [out, ctx] = fresh(canvas.width, canvas.height);
	ctx.filter = `blur(${r.real(1, 1.8).toFixed(1)}px)`;
	ctx.drawImage(canvas, 0, 0);
	ctx.filter = 'none';
	ctx.globalAlpha = 0.18;
	ctx.drawImage(canvas, r.int(3, 7), r.int(2, 5));
	ctx.globalAlpha = 1;
	remap(out, (g) => {
		const d = (255 - g) / 255;
		return [236 - d * 170, 238 - d * 165, 246 - d * 95];
	});
	ctx.globalCompositeOperation = 'multiply';
	for (let k = 0; k < r.int(4, 9); k++) {
		ctx.fillStyle = `rgba(90, 90, 170, ${r.real(0.05, 0.14).toFixed(2)})`;
		ctx.beginPath();
		ctx.ellipse(r.int(0, out.width), r.int(0, out.height), r.int(40, 220), r.int(8, 40), r.real(-0.5, 0.5), 0, Math.PI * 2);
		ctx.fill();
	}
	ctx.globalCompositeOperation = 'source-over';
	return out;
}

/** Continuous stationery: pale green bars every third of an inch and tractor holes down both edges. */
export function greenBar(canvas: Canvas, r: Rng) {
	const ctx = canvas.getContext('2d');
	ctx.globalCompositeOperation = 'multiply';
	const band = 67;
	ctx.fillStyle = r.chance(0.5) ? '#dcefdc' : '#e3ecf6';
	for (let y = r.int(0, band); y < canvas.height; y += band * 2) ctx.fillRect(95, y, canvas.width - 190, band);
	ctx.globalCompositeOperation = 'source-over';
	for (const x of [42, canvas.width - 42]) {
		for (let y = 30; y < canvas.height; y += 100) {
			ctx.fillStyle = '#3a3a3a';
			ctx.beginPath();
			ctx.arc(x, y, 15, 0, Math.PI * 2);
			ctx.fill();
		}
		const perforation = x < canvas.width / 2 ? 88 : canvas.width - 88;
		ctx.fillStyle = '#bbb';
		for (let y = 0; y < canvas.height; y += 12) ctx.fillRect(perforation, y, 2, 6);
	}
}

/** A fold across the page: a thin dark line, light on one side and shadow on the other, ink cracked along it. */
export function crease(canvas: Canvas, r: Rng, within: number, at = r.real(0.3, 0.7)) {
	const ctx = canvas.getContext('2d');
	const y = Math.round(within * at);
	const tilt = r.real(-12, 12);
	ctx.globalCompositeOperation = 'multiply';
	const shade = ctx.createLinearGradient(0, y, 0, y + 40);
	shade.addColorStop(0, 'rgba(120,120,120,0.35)');
	shade.addColorStop(1, 'rgba(255,255,255,0)');
	ctx.fillStyle = shade;
	ctx.beginPath();
	ctx.moveTo(0, y);
	ctx.lineTo(canvas.width, y + tilt);
	ctx.lineTo(canvas.width, y + tilt + 40);
	ctx.lineTo(0, y + 40);
	ctx.fill();
	ctx.globalCompositeOperation = 'source-over';
	ctx.strokeStyle = 'rgba(70,70,70,0.55)';
	ctx.lineWidth = 1.5;
	ctx.beginPath();
	ctx.moveTo(0, y);
	ctx.lineTo(canvas.width, y + tilt);
	ctx.stroke();
	ctx.fillStyle = '#fff';
	for (let k = 0; k < 220; k++) {
		const x = r.int(0, canvas.width);
		ctx.fillRect(x, y + (tilt * x) / canvas.width - r.int(1, 4), r.int(1, 3), r.int(1, 3));
	}
}

/** The ring a wet cup leaves: a brown, broken circle with a faint stain inside. */
export function coffeeRing(canvas: Canvas, r: Rng, within: number) {
	const ctx = canvas.getContext('2d');
	const cx = r.int(canvas.width * 0.25, canvas.width * 0.85);
	const cy = r.int(within * 0.3, within * 0.9);
	const rad = r.int(110, 170);
	ctx.globalCompositeOperation = 'multiply';
	ctx.filter = 'blur(2px)';
	ctx.fillStyle = 'rgba(190,150,100,0.12)';
	ctx.beginPath();
	ctx.ellipse(cx, cy, rad, rad * 0.95, 0, 0, Math.PI * 2);
	ctx.fill();
	const start = r.real(0, Math.PI * 2);
	ctx.strokeStyle = 'rgba(140,90,40,0.45)';
	ctx.lineWidth = r.int(5, 9);
	ctx.beginPath();
	ctx.ellipse(cx, cy, rad, rad * 0.95, 0, start, start + r.real(1.4, 1.9) * Math.PI);
	ctx.stroke();
	ctx.filter = 'none';
	ctx.globalCompositeOperation = 'source-over';
}

/** Two punched holes down the left edge (dark, the scanner's lid showing) and a staple in the corner. */
export function holesAndStaple(canvas: Canvas, r: Rng) {
	const ctx = canvas.getContext('2d');
	const mid = canvas.height / 2 + r.int(-40, 40);
	for (const y of [mid - 315, mid + 315]) {
		ctx.fillStyle = 'rgba(0,0,0,0.25)';
		ctx.beginPath();
		ctx.arc(58, y + 3, 29, 0, Math.PI * 2);
		ctx.fill();
		ctx.fillStyle = '#2c2c2c';
		ctx.beginPath();
		ctx.arc(55, y, 27, 0, Math.PI * 2);
		ctx.fill();
	}
	const [x, y] = [r.int(40, 90), r.int(40, 90)];
	ctx.lineCap = 'round';
	ctx.strokeStyle = 'rgba(0,0,0,0.3)';
	ctx.lineWidth = 9;
	ctx.beginPath();
	ctx.moveTo(x + 4, y + 50);
	ctx.lineTo(x + 54, y + 4);
	ctx.stroke();
	ctx.strokeStyle = '#8a8a8a';
	ctx.lineWidth = 5;
	ctx.beginPath();
	ctx.moveTo(x, y + 46);
	ctx.lineTo(x + 50, y);
	ctx.stroke();
	ctx.lineCap = 'butt';
}

/** A rubber stamp: drawn apart, its ink broken by specks, then turned and pressed on in multiply. */
function press(canvas: Canvas, r: Rng, w: number, h: number, x: number, y: number, draw: (ctx: SKRSContext2D) => void) {
	const [stamp, sctx] = fresh(w, h, 'rgba(0,0,0,0)');
	sctx.clearRect(0, 0, w, h);
	draw(sctx);
	sctx.globalCompositeOperation = 'destination-out';
	for (let k = 0; k < (w * h) / 90; k++) sctx.fillRect(r.int(0, w), r.int(0, h), r.int(1, 4), r.int(1, 3));
	const ctx = canvas.getContext('2d');
	ctx.save();
	ctx.translate(x, y);
	ctx.rotate(r.real(-0.35, 0.35));
	ctx.globalCompositeOperation = 'multiply';
	ctx.globalAlpha = r.real(0.6, 0.85);
	ctx.drawImage(stamp, -w / 2, -h / 2);
	ctx.restore();
}

const STAMP_COLOURS = ['#5b2a86', '#1f3f9a', '#b02a2a'];

/** A round facility stamp with its name around the rim, a boxed word stamp and a date, and a signature. */
export function stamps(canvas: Canvas, r: Rng, within: number, facility: string, words: [string, string], date: string) {
	const colour = r.pick(STAMP_COLOURS);
	const R = r.int(120, 150);
	press(canvas, r, R * 2 + 20, R * 2 + 20, r.int(canvas.width * 0.45, canvas.width * 0.8), r.int(within * 0.6, within * 0.95), (ctx) => {
		const c = R + 10;
		ctx.strokeStyle = colour;
		ctx.fillStyle = colour;
		ctx.lineWidth = 5;
		for (const rad of [R, R - 40]) {
			ctx.beginPath();
			ctx.arc(c, c, rad, 0, Math.PI * 2);
			ctx.stroke();
		}
		const rim = facility.toUpperCase().slice(0, 34);
		ctx.font = `bold 24px "Roboto Bold"`;
		ctx.textAlign = 'center';
		const step = (Math.PI * 1.8) / rim.length;
		[...rim].forEach((ch, i) => {
			ctx.save();
			ctx.translate(c, c);
			ctx.rotate(-Math.PI * 0.9 + i * step);
			ctx.fillText(ch, 0, -R + 30);
			ctx.restore();
		});
		ctx.font = `26px "Roboto Bold"`;
		ctx.fillText(words[0], c, c + 9);
	});
	const word = words[1];
	press(canvas, r, 420, 130, r.int(canvas.width * 0.3, canvas.width * 0.7), r.int(within * 0.3, within * 0.7), (ctx) => {
		ctx.strokeStyle = ctx.fillStyle = r.pick(STAMP_COLOURS);
		ctx.lineWidth = 6;
		ctx.strokeRect(8, 8, 404, 114);
		ctx.font = `44px "Roboto Bold"`;
		ctx.textAlign = 'center';
		ctx.fillText(word, 210, 62);
		ctx.font = `28px "${MONO}"`;
		ctx.fillText(date, 210, 104);
	});
	const ctx = canvas.getContext('2d');
	ctx.strokeStyle = '#1d2b8a';
	ctx.lineWidth = 3;
	ctx.beginPath();
	let [x, y] = [r.int(canvas.width * 0.55, canvas.width * 0.75), r.int(within * 0.9, within)];
	ctx.moveTo(x, y);
	for (let k = 0; k < 7; k++) {
		const nx = x + r.int(20, 60);
		ctx.bezierCurveTo(x + r.int(-30, 40), y - r.int(30, 90), nx + r.int(-40, 20), y + r.int(20, 70), nx, y + r.int(-15, 15));
		x = nx;
	}
	ctx.stroke();
}

/** An office photocopy: turned a little, harder contrast, toner specks, a grey side and black beyond the sheet. */
export function photocopy(canvas: Canvas, r: Rng): Canvas {
	const [out, ctx] = fresh(canvas.width, canvas.height, '#1a1a1a');
	ctx.save();
	ctx.translate(canvas.width / 2 + r.int(-15, 15), canvas.height / 2 + r.int(-10, 10));
	ctx.rotate((r.real(0.4, 1.3) * (r.chance(0.5) ? 1 : -1) * Math.PI) / 180);
	ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
	ctx.restore();
	const side = r.chance(0.5);
	remap(out, (g, x) => {
		const edge = side ? x / out.width : 1 - x / out.width;
		const haze = Math.max(0, 0.15 - edge) * 300;
		const v = Math.min(255, Math.max(0, (g - 128) * 1.35 + 150 - haze));
		return [v, v, v];
	});
	ctx.fillStyle = '#222';
	for (let k = 0; k < 2500; k++) ctx.fillRect(r.int(0, out.width), r.int(0, out.height), r.int(1, 2), r.int(1, 2));
	return out;
}

/** A fax: the sending machine's line on top, half the rows (standard resolution), black and white, a few streaks. */
export function fax(canvas: Canvas, r: Rng, headerLine: string): Buffer {
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, canvas.width, 48);
	ctx.fillStyle = '#000';
	ctx.font = `24px "${MONO}"`;
	ctx.textAlign = 'left';
	ctx.fillText(headerLine, 40, 34);
	const src = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
	const streaks = new Set(Array.from({ length: r.int(3, 8) }, () => r.int(60, canvas.height - 1) >> 1));
	const threshold = r.int(125, 160);
	remap(canvas, (_g, x, y) => {
		const row = y >> 1;
		if (streaks.has(row) && x % 300 < 260) return [255, 255, 255];
		const j = ((row << 1) * canvas.width + x) * 4;
		const g = 0.299 * src[j] + 0.587 * src[j + 1] + 0.114 * src[j + 2];
		const v = g + r.gaussian() * 22 < threshold ? 0 : 255;
		return [v, v, v];
	});
	return canvas.encodeSync('png');
}

export function blurred(canvas: Canvas, px: number): Canvas {
	const [out, ctx] = fresh(canvas.width, canvas.height);
	ctx.filter = `blur(${px.toFixed(2)}px)`;
	ctx.drawImage(canvas, 0, 0);
	return out;
}

export function scaled(canvas: Canvas, factor: number): Canvas {
	const [out, ctx] = fresh(Math.round(canvas.width * factor), Math.round(canvas.height * factor));
	ctx.imageSmoothingEnabled = true;
	ctx.drawImage(canvas, 0, 0, out.width, out.height);
	return out;
}

/** The 3×3 matrix (row-major, last entry 1) taking each `from` corner to its `to` corner. */
function homography(from: [number, number][], to: [number, number][]): number[] {
	const a: number[][] = [];
	from.forEach(([x, y], k) => {
		const [u, v] = to[k];
		a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
		a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
	});
	for (let c = 0; c < 8; c++) {
		const p = a.reduce((best, row, i) => (i >= c && Math.abs(row[c]) > Math.abs(a[best][c]) ? i : best), c);
		[a[c], a[p]] = [a[p], a[c]];
		for (let i = 0; i < 8; i++) {
			if (i === c) continue;
			const f = a[i][c] / a[c][c];
			for (let j = c; j < 9; j++) a[i][j] -= f * a[c][j];
		}
	}
	return [...a.map((row, i) => row[8] / row[i]), 1];
}

export interface PhotoOptions {
	/** a hand's shadow over one side */
	hand: boolean;
	/** long side after a messenger app's downscale, 0 to keep the camera's */
	resend: number;
	quality: number;
}

/** A phone photo: the page on a table, seen at an angle, unevenly lit, maybe a hand's shadow, turned by `rotation`. */
export function phonePhoto(page: Canvas, r: Rng, rotation: number, options: PhotoOptions): Buffer {
	const W = 1600;
	const H = Math.round((W * page.height) / page.width) + 160;
	const [shot, ctx] = fresh(W, H, r.pick(['#6b4f36', '#8c8c86', '#3d4a5c', '#a0714a']));
	const bg = ctx.getImageData(0, 0, W, H);
	const m = 70;
	const jitter = () => r.int(-35, 35);
	const narrow = r.int(40, 130);
	const quad: [number, number][] = [
		[m + narrow + jitter(), m + jitter()],
		[W - m - narrow + jitter(), m + jitter()],
		[W - m + jitter(), H - m + jitter()],
		[m + jitter(), H - m + jitter()]
	];
	const rect: [number, number][] = [
		[0, 0],
		[page.width, 0],
		[page.width, page.height],
		[0, page.height]
	];
	const h = homography(quad, rect);
	const src = page.getContext('2d').getImageData(0, 0, page.width, page.height).data;
	const d = bg.data;
	const lx = r.real(0.2, 0.8) * W;
	const ly = r.real(0.1, 0.6) * H;
	for (let y = 0, i = 0; y < H; y++) {
		for (let x = 0; x < W; x++, i += 4) {
			const z = h[6] * x + h[7] * y + 1;
			const u = (h[0] * x + h[1] * y + h[2]) / z;
			const v = (h[3] * x + h[4] * y + h[5]) / z;
			const light = 1 - 0.35 * Math.min(1, Math.hypot(x - lx, y - ly) / (W * 1.1));
			if (u >= 0 && v >= 0 && u < page.width - 1 && v < page.height - 1) {
				const x0 = u | 0;
				const y0 = v | 0;
				const fx = u - x0;
				const fy = v - y0;
				const j = (y0 * page.width + x0) * 4;
				const k = j + page.width * 4;
				for (let c = 0; c < 3; c++) {
					const top = src[j + c] * (1 - fx) + src[j + 4 + c] * fx;
					const bottom = src[k + c] * (1 - fx) + src[k + 4 + c] * fx;
					d[i + c] = (top * (1 - fy) + bottom * fy) * light * (c === 2 ? 0.93 : 1);
				}
			} else for (let c = 0; c < 3; c++) d[i + c] = d[i + c] * light + r.gaussian() * 6;
		}
	}
	ctx.putImageData(bg, 0, 0);
	if (options.hand) {
		ctx.globalCompositeOperation = 'multiply';
		ctx.filter = 'blur(28px)';
		ctx.fillStyle = 'rgba(70,65,75,0.55)';
		const fromRight = r.chance(0.5);
		const hx = fromRight ? W * 0.95 : W * 0.05;
		const hy = r.real(0.35, 0.8) * H;
		ctx.beginPath();
		ctx.ellipse(hx, hy, W * 0.22, H * 0.14, r.real(-0.4, 0.4), 0, Math.PI * 2);
		ctx.fill();
		for (let f = 0; f < 4; f++) {
			ctx.beginPath();
			ctx.ellipse(hx + (fromRight ? -1 : 1) * W * 0.22, hy - H * 0.08 + f * H * 0.045, W * 0.09, H * 0.013, 0, 0, Math.PI * 2);
			ctx.fill();
		}
		ctx.filter = 'none';
		ctx.globalCompositeOperation = 'source-over';
	}
	const soft = blurred(shot, r.real(0.5, 1.1));
	const turned = rotation % 180 ? fresh(soft.height, soft.width)[0] : fresh(soft.width, soft.height)[0];
	const tctx = turned.getContext('2d');
	tctx.translate(turned.width / 2, turned.height / 2);
	tctx.rotate((rotation * Math.PI) / 180);
	tctx.drawImage(soft, -soft.width / 2, -soft.height / 2);
	const long = Math.max(turned.width, turned.height);
	const sent = options.resend && options.resend < long ? scaled(turned, options.resend / long) : turned;
	return sent.encodeSync('jpeg', options.quality);
}

export const jpeg = (canvas: Canvas, quality: number) => canvas.encodeSync('jpeg', quality);
