/**
 * How the fourth blind set's paper gets spoilt: ink stamps and signatures over the print, standard- and
 * fine-mode fax, worn photocopies saved as small JPEGs, and phone photos (perspective, page curl, uneven
 * light and a shadow, turned 0/90/180/270°).
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Paper } from './paper';
import type { Dice } from './random';

const INKS = ['rgba(32, 58, 170, 0.82)', 'rgba(120, 36, 150, 0.78)', 'rgba(190, 30, 40, 0.8)'];

/** Ink that did not take everywhere: knocks random holes in what was drawn on `ink`. */
function patchy(ink: Canvas, d: Dice, keep: number) {
	const ctx = ink.getContext('2d');
	const img = ctx.getImageData(0, 0, ink.width, ink.height);
	for (let i = 3; i < img.data.length; i += 4) if (img.data[i] && d.next() > keep) img.data[i] = Math.round(img.data[i] * d.real(0, 0.5));
	ctx.putImageData(img, 0, 0);
}

function roundStamp(ink: Canvas, ring: string, middle: string[], color: string) {
	const ctx = ink.getContext('2d');
	const [cx, cy, radius] = [ink.width / 2, ink.height / 2, ink.width / 2 - 12];
	ctx.strokeStyle = ctx.fillStyle = color;
	ctx.lineWidth = 6;
	for (const r of [radius, radius - 14, radius * 0.58]) {
		ctx.beginPath();
		ctx.arc(cx, cy, r, 0, Math.PI * 2);
		ctx.stroke();
	}
	const text = ring.toUpperCase();
	ctx.font = `bold ${Math.round(radius * 0.2)}px "B4 Open Sans Medium Bold"`;
	const step = Math.min(0.2, (Math.PI * 1.7) / text.length);
	for (const [i, ch] of [...text].entries()) {
		const a = -Math.PI / 2 - (step * (text.length - 1)) / 2 + i * step;
		ctx.save();
		ctx.translate(cx + Math.cos(a) * (radius - 45), cy + Math.sin(a) * (radius - 45));
		ctx.rotate(a + Math.PI / 2);
		ctx.fillText(ch, -ctx.measureText(ch).width / 2, 0);
		ctx.restore();
	}
	ctx.font = `bold ${Math.round(radius * 0.17)}px "B4 Open Sans Medium Bold"`;
	middle.forEach((line, i) => ctx.fillText(line, cx - ctx.measureText(line).width / 2, cy + (i - (middle.length - 1) / 2) * radius * 0.22 + radius * 0.06));
}

function boxStamp(ink: Canvas, word: string, color: string) {
	const ctx = ink.getContext('2d');
	ctx.strokeStyle = ctx.fillStyle = color;
	ctx.lineWidth = 7;
	ctx.strokeRect(10, 10, ink.width - 20, ink.height - 20);
	ctx.lineWidth = 3;
	ctx.strokeRect(22, 22, ink.width - 44, ink.height - 44);
	ctx.font = `bold ${Math.round(ink.height * 0.42)}px "B4 Roboto Light Bold"`;
	const w = ctx.measureText(word).width;
	ctx.fillText(word, (ink.width - w) / 2, ink.height * 0.66);
}

function place(page: Canvas, ink: Canvas, x: number, y: number, angle: number) {
	const ctx = page.getContext('2d');
	ctx.save();
	ctx.translate(x, y);
	ctx.rotate((angle * Math.PI) / 180);
	ctx.globalCompositeOperation = 'multiply';
	ctx.drawImage(ink, -ink.width / 2, -ink.height / 2);
	ctx.restore();
}

/** A signature: a few fast loops of a ballpoint, partly over the printed name. */
function signature(page: Canvas, d: Dice, x: number, y: number) {
	const ctx = page.getContext('2d');
	ctx.strokeStyle = d.pick(['rgba(20, 30, 120, 0.85)', 'rgba(10, 10, 10, 0.8)']);
	ctx.lineWidth = d.real(2.5, 4);
	ctx.lineCap = 'round';
	ctx.beginPath();
	ctx.moveTo(x, y);
	let [px, py] = [x, y];
	for (let i = 0; i < d.int(5, 9); i++) {
		const [nx, ny] = [px + d.real(30, 90), y + d.real(-50, 40)];
		ctx.bezierCurveTo(px + d.real(-40, 60), py - d.real(40, 110), nx + d.real(-60, 20), ny + d.real(30, 90), nx, ny);
		[px, py] = [nx, ny];
	}
	ctx.quadraticCurveTo(px + 80, py + 30, x - 20, y + d.real(10, 30));
	ctx.stroke();
}

/** Stamps and a signature on top of the print: their words are not in the truth. */
export function stampAndSign(p: Paper, d: Dice, facility: string, date: string) {
	const color = d.pick(INKS);
	const size = d.int(300, 400);
	const round = createCanvas(size, size);
	roundStamp(round, facility, [d.pick(['LABORATORY', 'VERIFIED', 'LAB. DEPT']), date], color);
	patchy(round, d, d.real(0.7, 0.9));
	const printed = () => p.baselines[d.int(Math.floor(p.baselines.length * 0.4), p.baselines.length - 1)];
	place(p.canvas, round, d.int(350, 1300), printed(), d.real(-35, 35));
	if (d.chance(0.7)) {
		const box = createCanvas(d.int(420, 560), d.int(120, 150));
		boxStamp(box, d.pick(['VERIFIED', 'COPY', 'PAID', 'RECEIVED', 'ORIGINAL']), d.pick(INKS));
		patchy(box, d, d.real(0.75, 0.92));
		place(p.canvas, box, d.int(400, 1250), printed(), d.real(-25, 25));
	}
	signature(p.canvas, d, p.signLine.x + d.int(0, 200), p.signLine.y + d.int(-10, 40));
}

function gray(canvas: Canvas): Uint8ClampedArray {
	const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
	const out = new Uint8ClampedArray(canvas.width * canvas.height);
	for (let i = 0; i < out.length; i++) out[i] = (rgba[4 * i] * 0.3 + rgba[4 * i + 1] * 0.59 + rgba[4 * i + 2] * 0.11) | 0;
	return out;
}

function fromGray(width: number, height: number, values: Uint8ClampedArray | Float32Array, tint: [number, number, number] = [1, 1, 1]): Canvas {
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	const img = ctx.createImageData(width, height);
	for (let i = 0; i < width * height; i++) {
		img.data[4 * i] = values[i] * tint[0];
		img.data[4 * i + 1] = values[i] * tint[1];
		img.data[4 * i + 2] = values[i] * tint[2];
		img.data[4 * i + 3] = 255;
	}
	ctx.putImageData(img, 0, 0);
	return canvas;
}

/** Draws `source` turned by `degrees` about its centre onto a white canvas of `width` × `height`. */
function turned(source: Canvas, degrees: number, width = source.width, height = source.height, filter = 'none'): Canvas {
	const out = createCanvas(width, height);
	const ctx = out.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.filter = filter;
	ctx.translate(width / 2, height / 2);
	ctx.rotate((degrees * Math.PI) / 180);
	ctx.scale(width / source.width, height / source.height);
	ctx.drawImage(source, -source.width / 2, -source.height / 2);
	return out;
}

/** A fax: the machine's header line, standard (half vertical resolution) or fine mode, thresholded, with streaks and dropouts. */
export function fax(p: Paper, d: Dice, header: string): Buffer {
	p.write(header, 60, 42, { scale: 0.62, color: '#000' });
	p.lines.unshift(header);
	const fine = d.chance(0.45);
	const [w, h] = [Math.round(p.canvas.width * 0.98), Math.round(p.canvas.height * (fine ? 0.96 : 0.48))];
	const small = turned(p.canvas, d.real(-2.5, 2.5) || 1, w, h, `blur(${fine ? 0.5 : 0.8}px)`);
	const g = gray(small);
	const bias = d.int(-25, 25);
	const out = new Uint8ClampedArray(w * h);
	for (let y = 0; y < h; y++) {
		const dropout = d.chance(fine ? 0.004 : 0.008);
		const streak = d.chance(0.002);
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			const v = g[i] + d.normal() * 28 + bias;
			out[i] = streak ? (d.chance(0.85) ? 0 : 255) : dropout && d.chance(0.7) ? 255 : v < 150 ? 0 : 255;
			if (d.chance(0.0015)) out[i] = 0;
		}
	}
	const faxed = fromGray(w, h, out);
	const shown = createCanvas(p.canvas.width, p.canvas.height);
	const ctx = shown.getContext('2d');
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(faxed, 0, 0, shown.width, shown.height);
	return shown.encodeSync('png');
}

/** A worn photocopy: greyed, speckled, with a dark edge from the lid, skewed, shrunk and saved as a low-quality JPEG. */
export function photocopy(p: Paper, d: Dice): Buffer {
	const scale = d.real(0.42, 0.6);
	const [w, h] = [Math.round(p.canvas.width * scale), Math.round(p.canvas.height * scale)];
	const skewed = turned(p.canvas, d.pick([-1, 1]) * d.real(1, 4), w, h, `blur(${d.real(0.3, 1.1).toFixed(2)}px)`);
	const g = gray(skewed);
	const out = new Float32Array(w * h);
	const paper = d.real(205, 235);
	const contrast = d.real(0.75, 0.95);
	const edge = d.pick(['left', 'right', 'top'] as const);
	const edgeWidth = d.int(8, 30);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			let v = paper - (255 - g[i]) * contrast + d.normal() * 9;
			const dist = edge === 'left' ? x : edge === 'right' ? w - 1 - x : y;
			if (dist < edgeWidth) v *= 0.25 + (0.75 * dist) / edgeWidth;
			out[i] = Math.max(0, Math.min(255, v));
		}
	for (let k = 0; k < w * h * d.real(0.0003, 0.0009); k++) {
		const [cx, cy, r] = [d.int(0, w - 1), d.int(0, h - 1), d.real(0.5, 2.2)];
		for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) if (x >= 0 && y >= 0 && x < w && y < h && (x - cx) ** 2 + (y - cy) ** 2 <= r * r) out[y * w + x] = d.int(20, 90);
	}
	return fromGray(w, h, out).encodeSync('jpeg', d.int(22, 45));
}

/** Solves the 8 unknowns of the homography taking `from[i]` to `to[i]`. */
function homography(from: [number, number][], to: [number, number][]): number[] {
	const a: number[][] = [];
	for (let i = 0; i < 4; i++) {
		const [[x, y], [u, v]] = [from[i], to[i]];
		a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
		a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
	}
	for (let c = 0; c < 8; c++) {
		let best = c;
		for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[best][c])) best = r;
		[a[c], a[best]] = [a[best], a[c]];
		for (let r = 0; r < 8; r++) {
			if (r === c) continue;
			const f = a[r][c] / a[c][c];
			for (let k = c; k < 9; k++) a[r][k] -= f * a[c][k];
		}
	}
	return a.map((row, i) => row[8] / row[i]);
}

/** A phone photo of the page on a desk: perspective, a curled page, light falling off to one side, a shadow, turned `rotation`° clockwise. */
export function phonePhoto(p: Paper, d: Dice, rotation: number): Buffer {
	const src = gray(turned(p.canvas, 0, Math.round(p.canvas.width * 0.8), Math.round(p.canvas.height * 0.8), 'blur(0.6px)'));
	const [sw, sh] = [Math.round(p.canvas.width * 0.8), Math.round(p.canvas.height * 0.8)];
	const [w, h] = [1500, 2000];
	const j = () => d.real(-70, 70);
	const corners: [number, number][] = [
		[110 + j(), 90 + j()],
		[w - 110 + j(), 90 + j()],
		[w - 90 + j(), h - 80 + j()],
		[90 + j(), h - 80 + j()]
	];
	const [a, b, c, e, f, g, k, l] = homography(corners, [
		[0, 0],
		[sw, 0],
		[sw, sh],
		[0, sh]
	]);
	const curl = d.real(8, 30) * d.pick([-1, 1]);
	const desk = d.int(60, 120);
	const light = { x: d.real(0, w), y: d.real(0, h), fall: d.real(0.25, 0.45) };
	const shadow = { x0: d.real(0, w), y0: d.real(0.1, 0.45) * h, slope: d.real(-1, 1), depth: d.chance(0.7) ? d.real(0.15, 0.35) : 0 };
	const out = new Float32Array(w * h);
	const diag = Math.hypot(w, h);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const z = k * x + l * y + 1;
			const u = (a * x + b * y + c) / z;
			let v = (e * x + f * y + g) / z;
			v += curl * Math.sin((Math.PI * u) / sw) - curl * Math.sin((Math.PI * 0.5 * v) / sh) * 0.4;
			let value = desk + d.normal() * 6;
			if (u >= 0 && v >= 0 && u < sw - 1 && v < sh - 1) {
				const [x0, y0] = [Math.floor(u), Math.floor(v)];
				const [fx, fy] = [u - x0, v - y0];
				const i = y0 * sw + x0;
				value = (src[i] * (1 - fx) + src[i + 1] * fx) * (1 - fy) + (src[i + sw] * (1 - fx) + src[i + sw + 1] * fx) * fy;
				value = value * 0.93 + d.normal() * 5;
			}
			value *= 1 - light.fall * Math.min(1, Math.hypot(x - light.x, y - light.y) / diag);
			const inShadow = (y - shadow.y0 - (x - shadow.x0) * shadow.slope - h * 0.45) / 60;
			value *= 1 - shadow.depth * Math.min(1, Math.max(0, inShadow));
			out[y * w + x] = Math.max(0, Math.min(255, value));
		}
	const photo = fromGray(w, h, out, [1, 0.97, 0.9]);
	const quarter = rotation % 180 !== 0;
	const final = createCanvas(quarter ? h : w, quarter ? w : h);
	const ctx = final.getContext('2d');
	ctx.filter = `blur(${d.real(0.4, 1.2).toFixed(2)}px)`;
	ctx.translate(final.width / 2, final.height / 2);
	ctx.rotate((rotation * Math.PI) / 180);
	ctx.drawImage(photo, -w / 2, -h / 2);
	return final.encodeSync('jpeg', d.int(55, 80));
}
