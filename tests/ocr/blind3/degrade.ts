/**
 * What happens to the third blind set's paper after printing: rubber stamps and signatures over the
 * results, a fax in standard (204×98 dpi) or fine mode, a tired photocopier saved as a small JPEG, and a
 * phone photo (turned, tilted in perspective, the page curling, a hand's shadow, soft focus).
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { Rng } from '../hard/random';

const INKS = ['rgba(170,30,40,0.72)', 'rgba(40,60,170,0.7)', 'rgba(110,40,140,0.7)'];

/** A round or oblong stamp and a scrawled signature, overlapping the printed body between `top` and `bottom`. */
export function stamp(canvas: Canvas, top: number, bottom: number, r: Rng, words: { ring: string; middle: string; date: string }) {
	const ctx = canvas.getContext('2d');
	const ink = r.pick(INKS);
	const x = r.real(canvas.width * 0.35, canvas.width * 0.75), y = r.real(top + (bottom - top) * 0.3, bottom);
	ctx.save();
	ctx.translate(x, y);
	ctx.rotate(r.real(-0.45, 0.45));
	ctx.strokeStyle = ink;
	ctx.fillStyle = ink;
	if (r.chance(0.5)) {
		const rad = r.real(120, 170);
		ctx.lineWidth = 6;
		for (const k of [1, 0.8]) {
			ctx.beginPath();
			ctx.arc(0, 0, rad * k, 0, Math.PI * 2);
			ctx.stroke();
		}
		ctx.font = `bold ${Math.round(rad * 0.16)}px "b3 Roboto Light Bold"`;
		const letters = words.ring.split('');
		letters.forEach((ch, i) => {
			ctx.save();
			ctx.rotate(-Math.PI * 0.9 + (i * Math.PI * 1.8) / letters.length);
			ctx.fillText(ch, -rad * 0.05, -rad * 0.85);
			ctx.restore();
		});
		ctx.textAlign = 'center';
		ctx.font = `bold ${Math.round(rad * 0.22)}px "b3 Roboto Light Bold"`;
		ctx.fillText(words.middle, 0, -rad * 0.05);
		ctx.font = `${Math.round(rad * 0.18)}px "b3 Plex Mono Medium"`;
		ctx.fillText(words.date, 0, rad * 0.3);
	} else {
		ctx.lineWidth = 7;
		ctx.strokeRect(-230, -75, 460, 150);
		ctx.textAlign = 'center';
		ctx.font = `bold 52px "b3 Lato Black Bold"`;
		ctx.fillText(words.middle, 0, -8);
		ctx.font = `34px "b3 Plex Mono Medium"`;
		ctx.fillText(words.date, 0, 48);
	}
	ctx.restore();
	// uneven inking: knock holes out of the stamp
	const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
	for (let i = 0; i < 9000; i++) {
		const px = Math.floor(x + r.real(-200, 200)), py = Math.floor(y + r.real(-200, 200));
		if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height) continue;
		const o = (py * canvas.width + px) * 4;
		if (data.data[o] - data.data[o + 2] > 60 || data.data[o + 2] - data.data[o] > 60) data.data.fill(250, o, o + 3);
	}
	ctx.putImageData(data, 0, 0);
	// signature: a few looping strokes in ballpoint blue over the footer side of the body
	ctx.strokeStyle = 'rgba(20,30,110,0.85)';
	ctx.lineWidth = r.real(2.5, 4.5);
	ctx.beginPath();
	let sx = r.real(canvas.width * 0.15, canvas.width * 0.5), sy = bottom - r.real(0, 60);
	ctx.moveTo(sx, sy);
	for (let i = 0; i < 7; i++) {
		const nx = sx + r.real(30, 80);
		ctx.bezierCurveTo(sx + r.real(-30, 60), sy - r.real(30, 90), nx + r.real(-40, 20), sy + r.real(20, 70), nx, sy + r.real(-20, 20));
		sx = nx;
	}
	ctx.stroke();
}

function gray(canvas: Canvas) {
	const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
	const g = new Float32Array(canvas.width * canvas.height);
	for (let i = 0; i < g.length; i++) g[i] = 0.3 * img.data[i * 4] + 0.59 * img.data[i * 4 + 1] + 0.11 * img.data[i * 4 + 2];
	return g;
}
function toCanvas(g: Float32Array, width: number, height: number) {
	const c = createCanvas(width, height);
	const ctx = c.getContext('2d');
	const img = ctx.createImageData(width, height);
	for (let i = 0; i < g.length; i++) {
		const v = Math.max(0, Math.min(255, g[i]));
		img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
		img.data[i * 4 + 3] = 255;
	}
	ctx.putImageData(img, 0, 0);
	return c;
}

/** Draws `canvas` scaled, turned by `degrees` about its centre, blurred by `blur` px, on `background`. */
function redraw(canvas: Canvas, width: number, height: number, opts: { degrees?: number; blur?: number; background?: string } = {}) {
	const out = createCanvas(width, height);
	const ctx = out.getContext('2d');
	ctx.fillStyle = opts.background ?? '#fff';
	ctx.fillRect(0, 0, width, height);
	if (opts.blur) ctx.filter = `blur(${opts.blur}px)`;
	ctx.translate(width / 2, height / 2);
	ctx.rotate(((opts.degrees ?? 0) * Math.PI) / 180);
	ctx.drawImage(canvas, -width / 2, -height / 2, width, height);
	return out;
}

/** Fax (its header line printed on `canvas` first): 1-bit at 204 dpi across and 98 (standard) or 196 (fine) dpi down, a machine header line, streaks and dropouts. */
export function fax(canvas: Canvas, r: Rng, headerLine: string): Canvas {
	const fine = r.chance(0.4);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#000';
	ctx.font = '24px "b3 Plex Mono Medium"';
	ctx.fillText(headerLine, 40, 44);
	const w = Math.round(canvas.width * (204 / 200)), h = Math.round(canvas.height * ((fine ? 196 : 98) / 200));
	const tilted = redraw(canvas, w, h, { degrees: r.real(-1.5, 1.5) });
	const g = gray(tilted);
	const threshold = r.real(150, 190);
	const dropRows = new Set(Array.from({ length: r.int(2, 8) }, () => r.int(40, h - 1)));
	for (let y = 0; y < h; y++) {
		const streak = dropRows.has(y);
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			const noisy = g[i] + r.gaussian() * 25;
			g[i] = streak ? 255 : noisy < threshold ? 0 : 255;
			if (r.next() < 0.0008) g[i] = 0;
		}
	}
	// back to square pixels the way a fax viewer shows a standard-mode page: each line doubled
	const flat = toCanvas(g, w, h);
	const shown = createCanvas(w, fine ? h : h * 2);
	const sctx = shown.getContext('2d');
	sctx.imageSmoothingEnabled = false;
	sctx.drawImage(flat, 0, 0, w, shown.height);
	return shown;
}

/** Photocopy of a photocopy: grey cast, toner speckle, a dark edge, skew 1-4°, low resolution, JPEG-ready. */
export function photocopy(canvas: Canvas, r: Rng): Canvas {
	const scale = r.real(0.6, 0.8);
	const w = Math.round(canvas.width * scale), h = Math.round(canvas.height * scale);
	const sign = r.chance(0.5) ? 1 : -1;
	const turned = redraw(canvas, w, h, { degrees: sign * r.real(1, 4), blur: r.real(0.4, 1.1) });
	const g = gray(turned);
	const cast = r.real(15, 45), contrast = r.real(1.1, 1.35);
	const edge = r.int(20, 60);
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const i = y * w + x;
			let v = (g[i] - 128) * contrast + 128 - cast + r.gaussian() * 9;
			if (r.next() < 0.002) v -= 160;
			if (x < edge) v -= (edge - x) * 3;
			g[i] = v;
		}
	return toCanvas(g, w, h);
}

function solve(a: number[][], b: number[]): number[] {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]]);
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let i = c + 1; i < n; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
		[m[c], m[p]] = [m[p], m[c]];
		for (let i = 0; i < n; i++) {
			if (i === c) continue;
			const f = m[i][c] / m[c][c];
			for (let k = c; k <= n; k++) m[i][k] -= f * m[c][k];
		}
	}
	return m.map((row, i) => row[n] / row[i]);
}

/** The 3×3 map (row-major, last entry 1) taking each `from` point to its `to` point. */
function mapping(from: [number, number][], to: [number, number][]): number[] {
	const a: number[][] = [], b: number[] = [];
	from.forEach(([x, y], i) => {
		const [u, v] = to[i];
		a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
		b.push(u);
		a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
		b.push(v);
	});
	return [...solve(a, b), 1];
}

/** Phone photo: the page on a desk in perspective, its lower part curling, lit from one side with a shadow, soft, then turned by `rotation`. */
export function phone(canvas: Canvas, r: Rng, rotation: number): Canvas {
	const W = Math.round(canvas.width * 0.8), H = Math.round(canvas.height * 0.8);
	const src = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
	const j = () => r.real(0.02, 0.1);
	const quad: [number, number][] = [
		[W * j(), H * j()],
		[W * (1 - j()), H * j()],
		[W * (1 - j()), H * (1 - j())],
		[W * j(), H * (1 - j())]
	];
	// inverse map: photo pixel → page pixel
	const m = mapping(quad, [
		[0, 0],
		[canvas.width, 0],
		[canvas.width, canvas.height],
		[0, canvas.height]
	]);
	const curl = r.real(8, 22), curlFrom = r.real(0.55, 0.8);
	const light = r.real(-1, 1), shadowX = r.real(0.2, 0.8), shadowY = r.real(0.2, 0.8);
	const out = createCanvas(W, H);
	const octx = out.getContext('2d');
	const img = octx.createImageData(W, H);
	const desk = [r.int(60, 110), r.int(50, 90), r.int(40, 70)];
	for (let y = 0; y < H; y++)
		for (let x = 0; x < W; x++) {
			const d = m[6] * x + m[7] * y + 1;
			let u = (m[0] * x + m[1] * y + m[2]) / d;
			let v = (m[3] * x + m[4] * y + m[5]) / d;
			const t = v / canvas.height;
			if (t > curlFrom) v += curl * ((t - curlFrom) / (1 - curlFrom)) ** 2 * 6 * Math.sin((u / canvas.width) * Math.PI);
			u += curl * 0.4 * Math.sin((v / canvas.height) * Math.PI * 2);
			const o = (y * W + x) * 4;
			if (u < 0 || v < 0 || u >= canvas.width - 1 || v >= canvas.height - 1) {
				img.data.set([desk[0], desk[1], desk[2], 255], o);
				continue;
			}
			const x0 = Math.floor(u), y0 = Math.floor(v), fx = u - x0, fy = v - y0;
			const shade = 1 - 0.22 * (0.5 + 0.5 * light * (x / W - 0.5) * 2) - (Math.hypot(x / W - shadowX, y / H - shadowY) < 0.18 ? 0.25 : 0);
			for (let c = 0; c < 3; c++) {
				const p = (yy: number, xx: number) => src.data[(yy * canvas.width + xx) * 4 + c];
				const val = (p(y0, x0) * (1 - fx) + p(y0, x0 + 1) * fx) * (1 - fy) + (p(y0 + 1, x0) * (1 - fx) + p(y0 + 1, x0 + 1) * fx) * fy;
				img.data[o + c] = Math.max(0, Math.min(255, val * shade * [1, 0.97, 0.9][c] + r.gaussian() * 4));
			}
			img.data[o + 3] = 255;
		}
	octx.putImageData(img, 0, 0);
	const soft = redraw(out, W, H, { blur: r.real(0.6, 1.4) });
	const turned = rotation % 180 ? createCanvas(H, W) : createCanvas(W, H);
	const tctx = turned.getContext('2d');
	tctx.translate(turned.width / 2, turned.height / 2);
	tctx.rotate((rotation * Math.PI) / 180);
	tctx.drawImage(soft, -W / 2, -H / 2);
	return turned;
}
