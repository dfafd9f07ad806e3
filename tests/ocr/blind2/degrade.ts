/**
 * What happens to a clean page on its way to the app: rubber stamps and a signature, a standard-resolution
 * fax, a cheap JPEG of a photocopy, a phone photo on a desk (keystoned, shaded, turned).
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { between, pick, type Rng } from './content';

/** A round stamp over the signer's line (`y`), words around its ring and one across, and sometimes a boxed date stamp. */
export function stamp(canvas: Canvas, r: Rng, words: { ring: string; centre: string }, y: number) {
	const ctx = canvas.getContext('2d');
	const ink = pick(r, ['rgba(30,60,170,0.6)', 'rgba(180,25,40,0.55)', 'rgba(90,40,140,0.55)']);
	const radius = canvas.width * between(r, 0.08, 0.1);
	const cx = canvas.width * between(r, 0.3, 0.7);
	const cy = y - radius * between(r, 0, 1.2);
	ctx.save();
	ctx.translate(cx, cy);
	ctx.rotate(between(r, -0.5, 0.5));
	ctx.strokeStyle = ink;
	ctx.fillStyle = ink;
	ctx.lineWidth = 5;
	for (const k of [1, 0.72]) {
		ctx.beginPath();
		ctx.arc(0, 0, radius * k, 0, Math.PI * 2);
		ctx.stroke();
	}
	ctx.font = `bold ${Math.round(radius * 0.17)}px "B2 DejaVu Condensed Bold"`;
	const ring = words.ring.split('');
	ring.forEach((ch, i) => {
		ctx.save();
		ctx.rotate((i / ring.length) * Math.PI * 2);
		ctx.fillText(ch, -radius * 0.05, -radius * 0.8);
		ctx.restore();
	});
	ctx.font = `bold ${Math.round(radius * 0.28)}px "B2 DejaVu Condensed Bold"`;
	ctx.fillText(words.centre, -ctx.measureText(words.centre).width / 2, radius * 0.1);
	ctx.restore();
	if (r() < 0.6) {
		ctx.save();
		ctx.translate(canvas.width * between(r, 0.15, 0.4), canvas.height * between(r, 0.3, 0.75));
		ctx.rotate(between(r, -0.2, 0.2));
		ctx.strokeStyle = ink;
		ctx.fillStyle = ink;
		ctx.lineWidth = 4;
		ctx.strokeRect(0, 0, radius * 2.2, radius * 0.8);
		ctx.font = `bold ${Math.round(radius * 0.22)}px "B2 Plex Mono Medium Bold"`;
		ctx.fillText('RECEIVED', radius * 0.2, radius * 0.33);
		ctx.fillText(`${Math.floor(between(r, 10, 28))} ${pick(r, ['MAR', 'JUN', 'SEP', 'NOV'])} 2025`, radius * 0.2, radius * 0.65);
		ctx.restore();
	}
}

/** A pen scribble above the signer's printed line. */
export function signature(canvas: Canvas, r: Rng, y: number, x: number) {
	const ctx = canvas.getContext('2d');
	ctx.save();
	ctx.strokeStyle = pick(r, ['#152a7a', '#111']);
	ctx.lineWidth = 3;
	ctx.beginPath();
	let px = x;
	ctx.moveTo(px, y);
	for (let i = 0; i < 6; i++) {
		const nx = px + between(r, 30, 70);
		ctx.bezierCurveTo(px + 10, y - between(r, 20, 70), nx - 10, y + between(r, 0, 40), nx, y - between(r, 0, 30));
		px = nx;
	}
	ctx.stroke();
	ctx.restore();
}

/** A yellow highlighter stroke across part of the page, as patients mark the values they worry about. */
export function highlight(canvas: Canvas, r: Rng) {
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = 'rgba(250,235,60,0.35)';
	ctx.fillRect(canvas.width * between(r, 0.1, 0.3), canvas.height * between(r, 0.4, 0.7), canvas.width * between(r, 0.3, 0.5), 38);
}

function gray(ctx: SKRSContext2D, w: number, h: number, each: (v: number, x: number, y: number) => number) {
	const img = ctx.getImageData(0, 0, w, h);
	const d = img.data;
	for (let y = 0; y < h; y++)
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 4;
			const v = Math.max(0, Math.min(255, each(0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2], x, y)));
			d[i] = d[i + 1] = d[i + 2] = v;
		}
	ctx.putImageData(img, 0, 0);
}

function turned(src: Canvas, radians: number, background: string): Canvas {
	const out = createCanvas(src.width, src.height);
	const ctx = out.getContext('2d');
	ctx.fillStyle = background;
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.translate(out.width / 2, out.height / 2);
	ctx.rotate(radians);
	ctx.drawImage(src, -src.width / 2, -src.height / 2);
	return out;
}

/** Standard-mode fax: half the lines, black or white, speckles and a dropped scan line or two; PNG. */
export function fax(page: Canvas, r: Rng): Buffer {
	const skewed = turned(page, between(r, -0.012, 0.012), '#fff');
	const half = createCanvas(skewed.width, Math.round(skewed.height / 2));
	const hctx = half.getContext('2d');
	hctx.drawImage(skewed, 0, 0, half.width, half.height);
	const threshold = between(r, 140, 175);
	gray(hctx, half.width, half.height, (v) => (v + between(r, -40, 40) < threshold ? 0 : 255) ^ (r() < 0.0015 ? 255 : 0));
	const streaks = Array.from({ length: Math.floor(between(r, 1, 4)) }, () => Math.floor(between(r, 0, half.height)));
	hctx.fillStyle = '#fff';
	for (const y of streaks) hctx.fillRect(0, y, half.width, 1);
	const out = createCanvas(page.width, page.height);
	const octx = out.getContext('2d');
	octx.imageSmoothingEnabled = false;
	octx.drawImage(half, 0, 0, out.width, out.height);
	return out.toBuffer('image/png');
}

/** A photocopy kept as a low-quality JPEG: tinted paper, uneven toner, soft, slightly crooked. */
export function jpeg(page: Canvas, r: Rng): Buffer {
	const skewed = turned(page, between(r, -0.025, 0.025), '#f4f1e6');
	const soft = createCanvas(Math.round(skewed.width * 0.6), Math.round(skewed.height * 0.6));
	soft.getContext('2d').drawImage(skewed, 0, 0, soft.width, soft.height);
	const out = createCanvas(Math.round(page.width * 0.8), Math.round(page.height * 0.8));
	const ctx = out.getContext('2d');
	ctx.drawImage(soft, 0, 0, out.width, out.height);
	const fade = between(r, 0.6, 0.85);
	const tone = between(r, 20, 45);
	gray(ctx, out.width, out.height, (v, x, y) => {
		const toner = fade + (1 - fade) * Math.sin((x / out.width) * 3 + (y / out.height) * 2);
		return 255 - (255 - v) * toner - tone * (v > 200 ? 1 : 0.3) + between(r, -10, 10);
	});
	return out.toBuffer('image/jpeg', Math.round(between(r, 28, 42)));
}

/** A phone photo: page keystoned and tilted on a desk, light falling off to one side, turned `rotation` degrees clockwise. */
export function phone(page: Canvas, r: Rng, rotation: number): Buffer {
	const scale = 0.85;
	const w = Math.round(page.width * scale);
	const h = Math.round(page.height * scale);
	const desk = createCanvas(Math.round(w * 1.15), Math.round(h * 1.12));
	const ctx = desk.getContext('2d');
	ctx.fillStyle = pick(r, ['#5a4632', '#3c3f44', '#7b6a55']);
	ctx.fillRect(0, 0, desk.width, desk.height);
	ctx.save();
	ctx.translate(desk.width / 2, desk.height / 2);
	ctx.rotate(between(r, -0.06, 0.06));
	const squeeze = between(r, 0.05, 0.1);
	const strip = 8;
	for (let y = 0; y < page.height; y += strip) {
		const k = 1 - squeeze * (1 - y / page.height);
		const rowW = w * k;
		ctx.drawImage(page, 0, y, page.width, strip, -rowW / 2, -h / 2 + (y / page.height) * h, rowW, (strip / page.height) * h + 0.5);
	}
	ctx.restore();
	const light = ctx.createLinearGradient(0, 0, desk.width, desk.height);
	light.addColorStop(0, 'rgba(255,255,240,0.05)');
	light.addColorStop(1, `rgba(0,0,0,${between(r, 0.25, 0.4).toFixed(2)})`);
	ctx.fillStyle = light;
	ctx.fillRect(0, 0, desk.width, desk.height);
	const quarter = rotation / 90;
	const out = createCanvas(quarter % 2 ? desk.height : desk.width, quarter % 2 ? desk.width : desk.height);
	const octx = out.getContext('2d');
	octx.translate(out.width / 2, out.height / 2);
	octx.rotate((rotation * Math.PI) / 180);
	octx.drawImage(desk, -desk.width / 2, -desk.height / 2);
	return out.toBuffer('image/jpeg', Math.round(between(r, 60, 75)));
}
