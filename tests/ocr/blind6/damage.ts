/**
 * What happens to the sixth blind set's paper after printing: text showing through from the back, a laser
 * printer low on toner, a scan skewed by a few degrees, a fax line, heavy JPEG, and phone photos on a
 * tablecloth, under yellow indoor light or of a screen (moiré). Each takes the clean page and answers bytes.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from '../hard/random';
import { HEIGHT, WIDTH } from './draw';

const BACK_WORDS = ['Resultado', 'Glucose', 'mg/dL', 'Hemoglobin', '12.4', 'Negative', 'U/L', '4.5-11.0', 'Colesterol', 'Report', '135', 'mmol/L', 'Creatinine', '0.9', 'Total', 'Bilirubina'];

/** Mirrored grey print from the other side of thin paper, under the page's own ink. */
export function bleedThrough(canvas: Canvas, r: Rng) {
	const back = createCanvas(WIDTH, HEIGHT);
	const b = back.getContext('2d');
	b.fillStyle = '#fff';
	b.fillRect(0, 0, WIDTH, HEIGHT);
	b.fillStyle = '#000';
	// the back is seen through the paper, so its print is mirrored
	b.translate(WIDTH, 0);
	b.scale(-1, 1);
	const size = r.int(26, 34);
	b.font = `${size}px "${r.pick(['Roboto', 'Noto Serif', 'Lato'])}"`;
	for (let y = r.int(150, 300); y < HEIGHT - 150; y += size * r.real(1.5, 1.9)) {
		const cols = [140, 620, 900, 1150].filter(() => r.chance(0.85));
		for (const x of cols) b.fillText(r.pick(BACK_WORDS), x + r.int(-10, 10), y);
	}
	const ctx = canvas.getContext('2d');
	ctx.save();
	ctx.globalCompositeOperation = 'multiply';
	ctx.globalAlpha = r.real(0.08, 0.16);
	ctx.filter = 'blur(1.5px)';
	ctx.drawImage(back, 0, 0);
	ctx.restore();
}

/** Pale vertical streaks and a faded band where a laser cartridge runs dry. */
export function tonerStreaks(canvas: Canvas, r: Rng) {
	const ctx = canvas.getContext('2d');
	ctx.save();
	for (let i = r.int(3, 7); i > 0; i--) {
		ctx.globalAlpha = r.real(0.35, 0.8);
		ctx.fillStyle = '#fff';
		ctx.fillRect(r.int(100, WIDTH - 100), 0, r.int(3, 26), HEIGHT);
	}
	const fade = ctx.createLinearGradient(0, 0, WIDTH, 0);
	const side = r.chance(0.5);
	fade.addColorStop(side ? 0 : 1, 'rgba(255,255,255,0.55)');
	fade.addColorStop(0.35 + (side ? 0 : 0.3), 'rgba(255,255,255,0)');
	ctx.globalAlpha = 1;
	ctx.fillStyle = fade;
	ctx.fillRect(0, 0, WIDTH, HEIGHT);
	ctx.restore();
}

/** The page turned by `degrees` on a scanner bed, the corners it leaves filled grey. */
export function skewed(canvas: Canvas, degrees: number): Canvas {
	const out = createCanvas(WIDTH, HEIGHT);
	const ctx = out.getContext('2d');
	ctx.fillStyle = '#d9d9d6';
	ctx.fillRect(0, 0, WIDTH, HEIGHT);
	ctx.translate(WIDTH / 2, HEIGHT / 2);
	ctx.rotate((degrees * Math.PI) / 180);
	ctx.scale(0.96, 0.96);
	ctx.drawImage(canvas, -WIDTH / 2, -HEIGHT / 2);
	return out;
}

function pixels(canvas: Canvas, each: (data: Uint8ClampedArray, i: number, x: number, y: number) => void) {
	const ctx = canvas.getContext('2d');
	const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
	const { data, width } = image;
	for (let i = 0; i < data.length; i += 4) each(data, i, (i / 4) % width, Math.floor(i / 4 / width));
	ctx.putImageData(image, 0, 0);
}

/** A standard-resolution fax: half the lines, one bit per pixel, speckles; answers PNG bytes. */
export function fax(canvas: Canvas, r: Rng): Buffer {
	const half = createCanvas(WIDTH, HEIGHT / 2);
	half.getContext('2d').drawImage(canvas, 0, 0, WIDTH, HEIGHT / 2);
	const threshold = r.int(140, 185);
	pixels(half, (d, i) => {
		const grey = 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2] + r.gaussian() * 22;
		const v = r.chance(0.0015) ? 0 : grey < threshold ? 0 : 255;
		d[i] = d[i + 1] = d[i + 2] = v;
	});
	const out = createCanvas(WIDTH, HEIGHT);
	const ctx = out.getContext('2d');
	ctx.imageSmoothingEnabled = false;
	ctx.drawImage(half, 0, 0, WIDTH, HEIGHT);
	return out.encodeSync('png');
}

/** Shrunk and saved at a very low JPEG quality, as pages forwarded through messaging apps arrive. */
export function heavyJpeg(canvas: Canvas, r: Rng): Buffer {
	const scale = r.real(0.55, 0.75);
	const small = createCanvas(Math.round(WIDTH * scale), Math.round(HEIGHT * scale));
	small.getContext('2d').drawImage(canvas, 0, 0, small.width, small.height);
	return small.encodeSync('jpeg', r.int(8, 22));
}

/** A rubber stamp across the results: a framed word and date, or a ring with a star, in stamp-pad ink. Not text of the report. */
export function rubberStamp(canvas: Canvas, r: Rng, words: string, date: string) {
	const ctx = canvas.getContext('2d');
	ctx.save();
	ctx.translate(r.int(700, 1250), r.int(900, 1900));
	ctx.rotate((r.real(-25, 25) * Math.PI) / 180);
	ctx.globalAlpha = r.real(0.6, 0.85);
	const ink = r.pick(['#283593', '#6a1b9a', '#b71c1c']);
	ctx.strokeStyle = ink;
	ctx.fillStyle = ink;
	if (r.chance(0.5)) {
		ctx.lineWidth = 6;
		ctx.strokeRect(-260, -80, 520, 160);
		ctx.lineWidth = 2;
		ctx.strokeRect(-248, -68, 496, 136);
		ctx.font = '52px "Roboto Bold"';
		ctx.textAlign = 'center';
		ctx.fillText(words, 0, -5, 470);
		ctx.font = '34px "IBM Plex Mono"';
		ctx.fillText(date, 0, 45);
	} else {
		ctx.lineWidth = 7;
		ctx.beginPath();
		ctx.arc(0, 0, 150, 0, Math.PI * 2);
		ctx.stroke();
		ctx.lineWidth = 3;
		ctx.beginPath();
		ctx.arc(0, 0, 110, 0, Math.PI * 2);
		ctx.stroke();
		for (let i = 0; i < 5; i++) {
			const a = (i * 4 * Math.PI) / 5 - Math.PI / 2;
			ctx[i ? 'lineTo' : 'moveTo'](Math.cos(a) * 60, Math.sin(a) * 60);
		}
		ctx.closePath();
		ctx.fill();
	}
	ctx.restore();
}

export type Scene = 'tablecloth' | 'yellow-light' | 'screen';
const PHOTO = { width: 1800, height: 2450 };

function tablecloth(ctx: SKRSContext2D, r: Rng) {
	const [base, stripe] = r.pick([['#f4efe6', 'rgba(190,30,45,0.45)'], ['#eef2f7', 'rgba(30,70,160,0.4)'], ['#f1f0e3', 'rgba(40,120,60,0.4)']]);
	ctx.fillStyle = base;
	ctx.fillRect(0, 0, PHOTO.width, PHOTO.height);
	const cell = r.int(50, 90);
	ctx.fillStyle = stripe;
	for (let x = 0; x < PHOTO.width; x += cell * 2) ctx.fillRect(x, 0, cell, PHOTO.height);
	for (let y = 0; y < PHOTO.height; y += cell * 2) ctx.fillRect(0, y, PHOTO.width, cell);
}

interface Pose {
	/** centre of the page in the photo */
	cx: number;
	cy: number;
	w: number;
	h: number;
	/** radians, clockwise */
	angle: number;
	/** how much narrower the top edge is than the bottom one: a phone held at an angle */
	narrowTop: number;
}

/** Lays the page into the photo where `pose` puts it, sampling it bilinearly. */
function warp(shot: Canvas, canvas: Canvas, pose: Pose) {
	const src = canvas.getContext('2d').getImageData(0, 0, WIDTH, HEIGHT).data;
	const [cos, sin] = [Math.cos(pose.angle), Math.sin(pose.angle)];
	pixels(shot, (d, i, x, y) => {
		// into the page's frame: undo the turn, then the narrowing of rows towards the top
		const dx = x - pose.cx;
		const dy = y - pose.cy;
		const u = dx * cos + dy * sin;
		const t = (-dx * sin + dy * cos) / pose.h + 0.5;
		if (t < 0 || t >= 1) return;
		const rowWidth = pose.w * (1 - pose.narrowTop * (1 - t));
		const sx = (u / rowWidth + 0.5) * (WIDTH - 1);
		const sy = t * (HEIGHT - 1);
		if (sx < 0 || sx >= WIDTH - 1) return;
		const x0 = Math.floor(sx);
		const y0 = Math.floor(sy);
		const fx = sx - x0;
		const fy = sy - y0;
		const at = (xx: number, yy: number, c: number) => src[(yy * WIDTH + xx) * 4 + c];
		for (let c = 0; c < 3; c++) d[i + c] = (at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx) * (1 - fy) + (at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx) * fy;
	});
}

/** A phone photo of the page in `scene`, turned `rotation` degrees clockwise; answers JPEG bytes. */
export function photo(page: Canvas, r: Rng, scene: Scene, rotation: number): Buffer {
	const shot = createCanvas(PHOTO.width, PHOTO.height);
	const ctx = shot.getContext('2d');
	if (scene === 'tablecloth') tablecloth(ctx, r);
	else {
		ctx.fillStyle = scene === 'screen' ? '#0d0d0f' : '#6b5a44';
		ctx.fillRect(0, 0, PHOTO.width, PHOTO.height);
	}
	const scale = r.real(0.86, 0.93);
	const pose: Pose = { cx: PHOTO.width / 2, cy: PHOTO.height / 2, w: WIDTH * scale, h: HEIGHT * scale, angle: (r.real(-4, 4) * Math.PI) / 180, narrowTop: r.real(0.02, 0.08) };
	if (scene !== 'screen') {
		// the page's soft shadow on the table, as widening translucent rims
		ctx.save();
		ctx.translate(pose.cx + 10, pose.cy + 14);
		ctx.rotate(pose.angle);
		ctx.fillStyle = 'rgba(0,0,0,0.12)';
		for (const rim of [24, 14, 6]) ctx.fillRect(-pose.w / 2 - rim, -pose.h / 2 - rim, pose.w + 2 * rim, pose.h + 2 * rim);
		ctx.restore();
	}
	warp(shot, page, pose);
	light(shot, r, scene);
	return turned(shot, rotation).encodeSync('jpeg', r.int(68, 85));
}

/** Warm bulb light, the uneven fall-off of a room, sensor noise, and for a screen the moiré of its pixel grid. */
function light(shot: Canvas, r: Rng, scene: Scene) {
	const cx = PHOTO.width * r.real(0.3, 0.7);
	const cy = PHOTO.height * r.real(0.2, 0.6);
	const reach = Math.hypot(PHOTO.width, PHOTO.height) * r.real(0.55, 0.8);
	const warm = scene === 'yellow-light' ? [1, r.real(0.8, 0.87), r.real(0.48, 0.6)] : scene === 'screen' ? [0.9, 0.95, 1] : [1, 0.98, 0.94];
	const angle = r.real(0.2, 1.2);
	const f1 = r.real(0.28, 0.34);
	const f2 = f1 * r.real(1.03, 1.08);
	const depth = scene === 'screen' ? r.real(0.12, 0.2) : 0;
	const noise = r.real(4, 9);
	const [cos, sin] = [Math.cos(angle) * f1 * 2 * Math.PI, Math.sin(angle) * f1 * 2 * Math.PI];
	pixels(shot, (d, i, x, y) => {
		const fall = 1 - 0.45 * Math.min(1, ((x - cx) ** 2 + (y - cy) ** 2) / reach ** 2);
		const moire = depth ? 1 - depth * (0.5 + 0.25 * (Math.sin(x * cos + y * sin) + Math.sin((x * 0.96 + y * 0.3) * f2 * 2 * Math.PI))) : 1;
		// sensor noise, the same on the three channels
		const grain = (r.next() + r.next() + r.next() - 1.5) * 2 * noise;
		for (let c = 0; c < 3; c++) d[i + c] = d[i + c] * warm[c] * fall * moire + grain;
	});
	// a slightly soft focus
	const soft = createCanvas(PHOTO.width / 2, PHOTO.height / 2);
	soft.getContext('2d').drawImage(shot, 0, 0, soft.width, soft.height);
	if (r.chance(0.5)) shot.getContext('2d').drawImage(soft, 0, 0, PHOTO.width, PHOTO.height);
}

/** `canvas` turned clockwise by a multiple of 90 degrees. */
export function turned(canvas: Canvas, rotation: number): Canvas {
	if (rotation % 360 === 0) return canvas;
	const quarter = rotation % 180 !== 0;
	const out = createCanvas(quarter ? canvas.height : canvas.width, quarter ? canvas.width : canvas.height);
	const ctx = out.getContext('2d');
	ctx.translate(out.width / 2, out.height / 2);
	ctx.rotate((rotation * Math.PI) / 180);
	ctx.drawImage(canvas, -canvas.width / 2, -canvas.height / 2);
	return out;
}
