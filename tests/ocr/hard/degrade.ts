/** What happens to a printed page before the app sees it: stamps and scribbles, fax, heavy JPEG, a phone photo. */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { homography, rectangle, type Quad } from '../../../src/lib/ocr/perspective';
import type { Rng } from './random';

/**
 * A rubber stamp (round or rectangular, coloured, semi-transparent, rotated) and a scribbled signature,
 * both partly over the text. Their words are not part of the truth.
 */
export function stampAndScribble(page: Canvas, r: Rng, facility: string) {
	const ctx = page.getContext('2d');
	const colour = r.pick(['rgba(30,60,200,0.6)', 'rgba(120,30,160,0.55)', 'rgba(200,30,40,0.55)']);
	const cx = r.real(0.25, 0.75) * page.width;
	const cy = r.real(0.35, 0.6) * page.height;
	ctx.save();
	ctx.translate(cx, cy);
	ctx.rotate(r.real(-0.45, 0.45));
	ctx.strokeStyle = ctx.fillStyle = colour;
	ctx.lineWidth = 6;
	ctx.textAlign = 'center';
	const label = facility.toUpperCase().slice(0, 34);
	if (r.chance(0.5)) {
		const radius = r.real(150, 200);
		for (const rad of [radius, radius - 16, radius * 0.55]) {
			ctx.beginPath();
			ctx.arc(0, 0, rad, 0, 2 * Math.PI);
			ctx.stroke();
		}
		ctx.font = '28px "Roboto Bold"';
		const step = Math.min(0.2, (1.8 * Math.PI) / label.length);
		[...label].forEach((ch, i) => {
			ctx.save();
			ctx.rotate(-Math.PI / 2 + (i - label.length / 2) * step);
			ctx.fillText(ch, 0, -(radius - 42));
			ctx.restore();
		});
		ctx.font = '30px "Roboto Bold"';
		ctx.fillText(r.pick(['PAID', 'VERIFIED', 'RECEIVED', 'APPROVED']), 0, 10);
	} else {
		const w = r.real(440, 560);
		ctx.strokeRect(-w / 2, -80, w, 160);
		ctx.strokeRect(-w / 2 + 10, -70, w - 20, 140);
		ctx.font = '30px "Roboto Bold"';
		ctx.fillText(label.slice(0, 26), 0, -25);
		ctx.font = '42px "Roboto Bold"';
		ctx.fillText(r.pick(['RESULT VERIFIED', 'REPORT COPY', 'SEEN & NOTED']), 0, 30);
	}
	ctx.restore();
	// a signature and a few scribbles: cubic béziers in ballpoint blue
	ctx.strokeStyle = r.pick(['rgba(20,30,120,0.85)', 'rgba(10,10,10,0.8)']);
	ctx.lineCap = 'round';
	for (let k = 0; k < r.int(3, 6); k++) {
		const x = r.real(0.1, 0.8) * page.width;
		const y = k === 0 ? page.height * 0.86 : r.real(0.3, 0.9) * page.height;
		ctx.lineWidth = r.real(2.5, 4.5);
		ctx.beginPath();
		ctx.moveTo(x, y);
		let [px, py] = [x, y];
		for (let s = 0; s < r.int(2, 5); s++) {
			const nx = px + r.real(40, 140);
			const ny = py + r.real(-50, 50);
			ctx.bezierCurveTo(px + r.real(-60, 120), py + r.real(-90, 90), nx + r.real(-120, 60), ny + r.real(-90, 90), nx, ny);
			[px, py] = [nx, ny];
		}
		ctx.stroke();
	}
}

/** The page turned clockwise by 0, 90, 180 or 270 degrees. */
export function rotated(page: Canvas, degrees: number): Canvas {
	const quarter = degrees % 180 !== 0;
	const out = createCanvas(quarter ? page.height : page.width, quarter ? page.width : page.height);
	const ctx = out.getContext('2d');
	ctx.translate(out.width / 2, out.height / 2);
	ctx.rotate((degrees * Math.PI) / 180);
	ctx.drawImage(page, -page.width / 2, -page.height / 2);
	return out;
}

function gray(canvas: Canvas) {
	return canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
}

/** A fax: 100 dpi, slightly skewed, thresholded to black and white, with horizontal streaks and dropouts. */
export function fax(page: Canvas, r: Rng): Buffer {
	const width = Math.round(page.width / 2);
	const height = Math.round(page.height / 2);
	const out = createCanvas(width, height);
	const ctx = out.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.translate(width / 2, height / 2);
	ctx.rotate((r.real(0.4, 1.6) * (r.chance(0.5) ? 1 : -1) * Math.PI) / 180);
	ctx.scale(0.5, 0.5);
	ctx.drawImage(page, -page.width / 2, -page.height / 2);
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	const image = gray(out);
	const threshold = r.int(140, 185);
	const streaks = new Map<number, 'black' | 'white'>();
	for (let k = 0; k < r.int(4, 9); k++) {
		const y = r.int(0, height - 3);
		const kind = r.chance(0.5) ? 'black' : 'white';
		for (let t = 0; t < r.int(1, 2); t++) streaks.set(y + t, kind);
	}
	for (let y = 0; y < height; y++) {
		const streak = streaks.get(y);
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			let v = image.data[i] + r.gaussian() * 25 > threshold ? 255 : 0;
			if (streak === 'black' && r.chance(0.8)) v = 0;
			if (streak === 'white' && r.chance(0.9)) v = 255;
			if (r.chance(0.0008)) v = 0;
			image.data[i] = image.data[i + 1] = image.data[i + 2] = v;
		}
	}
	ctx.putImageData(image, 0, 0);
	return out.encodeSync('png');
}

/** Downscaled (to 110–140 dpi) and saved as a low-quality JPEG (quality 25–40). */
export function lowJpeg(page: Canvas, r: Rng): Buffer {
	const scale = r.real(0.55, 0.7);
	const out = createCanvas(Math.round(page.width * scale), Math.round(page.height * scale));
	const ctx = out.getContext('2d');
	ctx.drawImage(page, 0, 0, out.width, out.height);
	return out.encodeSync('jpeg', r.int(25, 40));
}

/**
 * A phone photo: the page in perspective on a table, its rows bent by a curl (a smooth vertical shift that
 * changes along each row), light falling off to one side, a shadow, sensor noise; then turned by `rotation`.
 */
export function photo(page: Canvas, r: Rng, rotation: number): Buffer {
	const width = 2000;
	const height = 2667;
	const source = gray(page).data;
	const angle = (r.real(-5, 5) * Math.PI) / 180;
	const scale = (height * r.real(0.82, 0.9)) / page.height;
	const [cx, cy] = [width / 2 + r.int(-40, 40), height / 2 + r.int(-40, 40)];
	const narrowing = r.real(0.03, 0.1);
	const [hw, hh] = [(page.width * scale) / 2, (page.height * scale) / 2];
	const corners: [number, number][] = [[-hw * (1 - narrowing), -hh], [hw * (1 - narrowing), -hh], [hw, hh], [-hw, hh]];
	const quad = corners.map(([x, y]) => ({ x: cx + x * Math.cos(angle) - y * Math.sin(angle), y: cy + x * Math.sin(angle) + y * Math.cos(angle) })) as Quad;
	const [a, b, c, d, e, f, g, h] = homography(quad, rectangle(page.width, page.height));
	const curl = r.real(12, 30) * (r.chance(0.5) ? 1 : -1);
	const table = [r.int(70, 120), r.int(55, 90), r.int(40, 70)];
	const [lx, ly] = [r.next(), r.next()];
	const dark = r.real(0.55, 0.72);
	const shadowY = height * r.real(0.3, 0.7);
	const tint = [1, 0.97, 0.9];
	const out = createCanvas(width, height);
	const ctx = out.getContext('2d');
	const image = ctx.createImageData(width, height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const z = g * x + h * y + 1;
			const u = (a * x + b * y + c) / z;
			// the curl lifts the middle of every row more than its ends
			const v = (d * x + e * y + f) / z + curl * Math.sin((Math.PI * u) / page.width) * (0.6 + 0.4 * Math.sin((Math.PI * ((d * x + e * y + f) / z)) / page.height));
			const [pu, pv] = [Math.floor(u), Math.floor(v)];
			const onPage = pu >= 0 && pv >= 0 && pu < page.width && pv < page.height;
			const paper = onPage ? source[(pv * page.width + pu) * 4] : -1;
			const dist = Math.hypot(x / width - lx, y / height - ly) / Math.SQRT2;
			let light = 1 - (1 - dark) * dist;
			light *= 1 - 0.2 * Math.exp(-(((y - shadowY) / (height * 0.08)) ** 2)) * (x / width);
			const noise = r.gaussian() * 5;
			const i = (y * width + x) * 4;
			for (let k = 0; k < 3; k++) image.data[i + k] = Math.max(0, Math.min(255, (paper < 0 ? table[k] : paper * tint[k]) * light + noise));
			image.data[i + 3] = 255;
		}
	}
	ctx.putImageData(image, 0, 0);
	const soft = createCanvas(width, height);
	const sctx = soft.getContext('2d');
	sctx.filter = 'blur(0.8px)';
	sctx.drawImage(out, 0, 0);
	return rotated(soft, rotation).encodeSync('jpeg', 82);
}
