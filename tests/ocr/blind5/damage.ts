/**
 * What happens to the fifth set's paper after printing: stamps, signatures and highlighter, hole punches,
 * staples and fold creases, carbon-copy and thermal fading, fax in fine or standard mode, photocopy
 * speckle, and a phone photo (perspective, page curl, shadow, quarter turns). Pixel work on RGBA buffers.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Rng } from '../hard/random';

type Box = [number, number, number, number];

/** Ink stamp (round or box) and a scrawled signature over the results; highlighter over some values. */
export function stampAndSign(canvas: Canvas, r: Rng, values: Box[], words: { ring: string; middle: string; date: string }) {
	const ctx = canvas.getContext('2d');
	const target = values[r.int(0, Math.max(0, values.length - 1))] ?? [800, 1200, 100, 30];
	const colour = r.pick(['rgba(40,60,170,0.62)', 'rgba(170,30,50,0.55)', 'rgba(30,110,70,0.55)', 'rgba(100,40,140,0.55)']);
	ctx.save();
	ctx.translate(target[0] + r.int(-60, 160), target[1] + r.int(-40, 60));
	ctx.rotate(r.real(-0.5, 0.5));
	ctx.strokeStyle = colour;
	ctx.fillStyle = colour;
	if (r.chance(0.5)) {
		const rad = r.int(120, 165);
		ctx.lineWidth = 6;
		ctx.beginPath();
		ctx.arc(0, 0, rad, 0, Math.PI * 2);
		ctx.stroke();
		ctx.lineWidth = 2.5;
		ctx.beginPath();
		ctx.arc(0, 0, rad - 38, 0, Math.PI * 2);
		ctx.stroke();
		ctx.font = '24px "Roboto Bold"';
		const step = (Math.PI * 2) / Math.max(words.ring.length + 4, 20);
		[...words.ring].forEach((ch, i) => {
			ctx.save();
			ctx.rotate(-Math.PI / 2 + i * step);
			ctx.translate(0, -rad + 30);
			ctx.fillText(ch, -7, 0);
			ctx.restore();
		});
	} else {
		ctx.lineWidth = 5;
		ctx.strokeRect(-210, -70, 420, 140);
		ctx.font = '22px "Roboto Bold"';
		ctx.fillText(words.ring, -195, -35);
	}
	ctx.font = '40px "Roboto Bold"';
	ctx.fillText(words.middle, -ctx.measureText(words.middle).width / 2, 10);
	ctx.font = '26px "IBM Plex Mono Bold"';
	ctx.fillText(words.date, -ctx.measureText(words.date).width / 2, 50);
	ctx.restore();
	// signature loops across a footer or result line
	const at = values[values.length - 1] ?? target;
	ctx.strokeStyle = r.pick(['rgba(10,20,90,0.85)', 'rgba(15,15,15,0.8)']);
	ctx.lineWidth = r.real(2.5, 4);
	ctx.beginPath();
	let x = at[0] - r.int(200, 400);
	let y = at[1] + r.int(40, 140);
	ctx.moveTo(x, y);
	for (let i = 0; i < 9; i++) {
		const nx = x + r.int(30, 70);
		ctx.bezierCurveTo(x + r.int(-20, 40), y - r.int(30, 90), nx + r.int(-30, 20), y + r.int(10, 60), nx, y + r.int(-15, 15));
		x = nx;
	}
	ctx.stroke();
	highlight(canvas, r, values);
}

/** Translucent marker strokes over one to three values, as a patient or clerk would mark them. */
export function highlight(canvas: Canvas, r: Rng, values: Box[]) {
	const ctx = canvas.getContext('2d');
	ctx.save();
	ctx.globalCompositeOperation = 'multiply';
	ctx.fillStyle = r.pick(['rgba(255,240,40,0.55)', 'rgba(120,255,120,0.45)', 'rgba(255,150,220,0.45)']);
	for (let k = r.int(1, 3); k > 0 && values.length; k--) {
		const [x, y, w, h] = values[r.int(0, values.length - 1)];
		ctx.beginPath();
		ctx.moveTo(x - 10, y + r.int(-4, 4));
		ctx.lineTo(x + w + 60, y + r.int(-6, 6));
		ctx.lineTo(x + w + 60, y + h + r.int(-4, 4));
		ctx.lineTo(x - 10, y + h + r.int(-6, 6));
		ctx.fill();
	}
	ctx.restore();
}

/** Punched holes at the left edge, a staple at the top corner and a fold crease across the page. */
export function handled(canvas: Canvas, r: Rng, dark: boolean) {
	const ctx = canvas.getContext('2d');
	const { width, height } = canvas;
	ctx.fillStyle = dark ? '#151515' : '#6b6b6b';
	for (const fy of r.chance(0.5) ? [0.36, 0.64] : [0.3, 0.5, 0.7]) {
		ctx.beginPath();
		ctx.arc(r.int(38, 52), height * fy, r.int(20, 26), 0, Math.PI * 2);
		ctx.fill();
	}
	ctx.save();
	ctx.translate(r.int(40, 90), r.int(40, 80));
	ctx.rotate(r.real(-0.8, -0.5));
	ctx.fillStyle = '#8a8a8a';
	ctx.fillRect(0, 0, 80, 6);
	ctx.fillStyle = '#4a4a4a';
	ctx.fillRect(0, 6, 80, 2);
	ctx.restore();
	// crease: a pale line with a shadow on one side, across at a third of the height
	const cy = height * r.real(0.3, 0.4);
	const tilt = r.real(-12, 12);
	for (let d = -10; d <= 10; d++) {
		ctx.fillStyle = d < 0 ? `rgba(0,0,0,${0.012 * (10 + d)})` : `rgba(255,255,255,${0.05 * (10 - d) * 0.5})`;
		ctx.beginPath();
		ctx.moveTo(0, cy + d);
		ctx.lineTo(width, cy + d + tilt);
		ctx.lineTo(width, cy + d + tilt + 1);
		ctx.lineTo(0, cy + d + 1);
		ctx.fill();
	}
}

const pixels = (canvas: Canvas) => canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);

/** Turns a canvas's grey into ink of another colour on pale paper: carbon-copy blue or faded thermal. */
export function reink(canvas: Canvas, r: Rng, kind: 'carbon' | 'thermal') {
	const img = pixels(canvas);
	const d = img.data;
	const [ir, ig, ib] = kind === 'carbon' ? [30, 45, 145] : [55, 55, 65];
	const [pr, pg, pb] = kind === 'carbon' ? [236, 238, 246] : [246, 244, 238];
	const fadeAt = r.real(0.2, 0.8) * canvas.width;
	for (let y = 0; y < canvas.height; y++)
		for (let x = 0; x < canvas.width; x++) {
			const i = (y * canvas.width + x) * 4;
			let ink = 1 - (d[i] * 0.3 + d[i + 1] * 0.59 + d[i + 2] * 0.11) / 255;
			if (kind === 'thermal') ink *= 0.7 + 0.3 * Math.min(1, Math.abs(x - fadeAt) / canvas.width + 0.4);
			else ink *= 0.8 + 0.2 * Math.sin(y / 37 + x / 211);
			d[i] = pr + (ir - pr) * ink;
			d[i + 1] = pg + (ig - pg) * ink;
			d[i + 2] = pb + (ib - pb) * ink;
		}
	canvas.getContext('2d').putImageData(img, 0, 0);
}

/** Redraws turned by a small angle on a grey-white ground. */
function skewed(canvas: Canvas, degrees: number, ground: string): Canvas {
	const out = createCanvas(canvas.width, canvas.height);
	const ctx = out.getContext('2d');
	ctx.fillStyle = ground;
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.translate(out.width / 2, out.height / 2);
	ctx.rotate((degrees * Math.PI) / 180);
	ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
	return out;
}

/**
 * Fax: 1-bit at the machine's resolution — standard mode halves the rows (98 lpi), fine mode keeps them —
 * a slight skew, dropped scan lines and a transmit header (which the reader should see, so it is truth).
 */
export function fax(canvas: Canvas, r: Rng, header: string): Canvas {
	const standard = r.chance(0.5);
	const scale = r.real(0.62, 0.75);
	const w = Math.round(canvas.width * scale);
	const h = Math.round(canvas.height * scale * (standard ? 0.5 : 1));
	const turned = skewed(canvas, r.real(-2.5, 2.5), '#fff');
	const low = createCanvas(w, h);
	low.getContext('2d').drawImage(turned, 0, 0, w, h);
	const img = pixels(low);
	const d = img.data;
	const threshold = r.int(140, 185);
	for (let y = 0; y < h; y++) {
		const dropped = r.chance(0.004);
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 4;
			const v = d[i] < threshold && !r.chance(0.0015) ? 0 : 255;
			d[i] = d[i + 1] = d[i + 2] = dropped ? 255 : r.chance(0.0008) ? 0 : v;
		}
	}
	low.getContext('2d').putImageData(img, 0, 0);
	const out = createCanvas(w, Math.round(canvas.height * scale) + 40);
	const ctx = out.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(low, 0, 40, w, out.height - 40);
	ctx.fillStyle = '#000';
	ctx.font = '20px "IBM Plex Mono"';
	ctx.fillText(header, 20, 26);
	return out;
}

/** Photocopy: skew, lower resolution, toner speckle, a grey edge band and uneven darkness. */
export function photocopy(canvas: Canvas, r: Rng): Canvas {
	const scale = r.real(0.58, 0.72);
	const turned = skewed(canvas, r.real(-4, 4) || 1, '#3a3a3a');
	const out = createCanvas(Math.round(canvas.width * scale), Math.round(canvas.height * scale));
	out.getContext('2d').drawImage(turned, 0, 0, out.width, out.height);
	const img = pixels(out);
	const d = img.data;
	const gain = r.real(0.85, 1.05);
	for (let y = 0; y < out.height; y++)
		for (let x = 0; x < out.width; x++) {
			const i = (y * out.width + x) * 4;
			const dark = r.chance(0.0012) ? r.int(0, 90) : null;
			for (let k = 0; k < 3; k++) {
				const v = (d[i + k] - 150) * 1.3 * gain + 150 - 14 * (x / out.width);
				d[i + k] = dark ?? Math.max(0, Math.min(255, v));
			}
		}
	out.getContext('2d').putImageData(img, 0, 0);
	return out;
}

/** Solves the 8 unknowns of the projective map that sends each `from` corner to its `to` corner. */
function projective(from: number[][], to: number[][]): number[] {
	const a: number[][] = [];
	from.forEach(([x, y], i) => {
		const [u, v] = to[i];
		a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
		a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
	});
	for (let c = 0; c < 8; c++) {
		let p = c;
		for (let k = c + 1; k < 8; k++) if (Math.abs(a[k][c]) > Math.abs(a[p][c])) p = k;
		[a[c], a[p]] = [a[p], a[c]];
		for (let k = 0; k < 8; k++) {
			if (k === c) continue;
			const f = a[k][c] / a[c][c];
			for (let j = c; j < 9; j++) a[k][j] -= f * a[c][j];
		}
	}
	return a.map((row, i) => row[8] / row[i]);
}

/**
 * Phone photo: the page on a dark desk, seen at an angle (perspective), curling near one edge, lit from
 * one side with a hand's shadow, a little blur, then turned clockwise by `rotation` degrees.
 */
export function phone(canvas: Canvas, r: Rng, rotation: number): Canvas {
	const W = 1500;
	const H = 2000;
	const pw = canvas.width;
	const ph = canvas.height;
	const j = () => r.int(-90, 90);
	const corners = [
		[120 + j(), 110 + j()],
		[W - 120 + j(), 110 + j()],
		[W - 110 + j(), H - 100 + j()],
		[110 + j(), H - 110 + j()]
	];
	const m = projective(corners, [[0, 0], [pw, 0], [pw, ph], [0, ph]]);
	const src = pixels(canvas).data;
	const out = createCanvas(W, H);
	const ctx = out.getContext('2d');
	const img = ctx.createImageData(W, H);
	const d = img.data;
	const curl = r.real(10, 28);
	const lightX = r.real(0, W);
	const shadowEdge = r.real(0.55, 0.85) * H;
	for (let y = 0; y < H; y++)
		for (let x = 0; x < W; x++) {
			const q = m[6] * x + m[7] * y + 1;
			const u = (m[0] * x + m[1] * y + m[2]) / q;
			let v = (m[3] * x + m[4] * y + m[5]) / q;
			v += curl * Math.pow(Math.max(0, u / pw - 0.7) / 0.3, 2) * Math.sin((u / pw) * Math.PI);
			const i = (y * W + x) * 4;
			const light = 0.72 + 0.28 * (1 - Math.abs(x - lightX) / W) - (y > shadowEdge + 0.15 * x ? 0.22 : 0);
			if (u < 0 || v < 0 || u >= pw - 1 || v >= ph - 1) {
				d[i] = 48 * light;
				d[i + 1] = 40 * light;
				d[i + 2] = 34 * light;
			} else {
				const ui = Math.floor(u);
				const vi = Math.floor(v);
				const fu = u - ui;
				const fv = v - vi;
				for (let k = 0; k < 3; k++) {
					const at = (xx: number, yy: number) => src[(yy * pw + xx) * 4 + k];
					const s = at(ui, vi) * (1 - fu) * (1 - fv) + at(ui + 1, vi) * fu * (1 - fv) + at(ui, vi + 1) * (1 - fu) * fv + at(ui + 1, vi + 1) * fu * fv;
					d[i + k] = s * light * (k === 2 ? 0.93 : 1) + r.gaussian() * 3;
				}
			}
			d[i + 3] = 255;
		}
	ctx.putImageData(img, 0, 0);
	const soft = createCanvas(W, H);
	const sctx = soft.getContext('2d');
	sctx.filter = `blur(${r.real(0.6, 1.3).toFixed(2)}px)`;
	sctx.drawImage(out, 0, 0);
	if (!rotation) return soft;
	const turned = rotation === 180 ? createCanvas(W, H) : createCanvas(H, W);
	const tctx = turned.getContext('2d');
	tctx.translate(turned.width / 2, turned.height / 2);
	tctx.rotate((rotation * Math.PI) / 180);
	tctx.drawImage(soft, -W / 2, -H / 2);
	return turned;
}
