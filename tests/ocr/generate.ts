/**
 * Draws the synthetic documents (documents.ts) as a clean render, a noisy scan and a skewed, unevenly lit
 * phone photo, and writes small PDFs (text layer, scanned, password-protected) — with fonts from npm
 * packages, nothing fetched. `npx tsx tests/ocr/generate.ts [--count 30] [--seed 7] [--out tests/ocr/out]`.
 */
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { homography, rectangle, type Quad } from '../../src/lib/ocr/perspective';
import { FONTS, makeDocuments, rng, type DocumentSpec, type Rng, type Truth } from './documents';

const require = createRequire(import.meta.url);
const FONT_PACKAGES: Record<(typeof FONTS)[number], string> = {
	Roboto: 'roboto', 'Open Sans': 'open-sans', Lato: 'lato', 'Source Serif 4': 'source-serif-4', 'Noto Serif': 'noto-serif', 'IBM Plex Mono': 'ibm-plex-mono'
};
let fontsReady = false;
export function registerFonts() {
	if (fontsReady) return;
	for (const [family, pkg] of Object.entries(FONT_PACKAGES)) {
		const dir = join(dirname(require.resolve(`@fontsource/${pkg}/package.json`)), 'files');
		GlobalFonts.registerFromPath(join(dir, `${pkg}-latin-400-normal.woff`), family);
		GlobalFonts.registerFromPath(join(dir, `${pkg}-latin-700-normal.woff`), `${family} Bold`);
	}
	fontsReady = true;
}

/** A4 at 200 dpi. */
export const PAGE = { width: 1654, height: 2339, margin: 130 };

export interface Rendered {
	canvas: Canvas;
	/** the text as drawn, one line per row, parts of a row joined by a space */
	lines: string[];
}

export function renderDocument(spec: DocumentSpec, fontSize = 30): Rendered {
	registerFonts();
	const font = spec.truth.font;
	const canvas = createCanvas(PAGE.width, PAGE.height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, PAGE.width, PAGE.height);
	ctx.fillStyle = '#111';
	ctx.strokeStyle = '#333';
	ctx.textBaseline = 'alphabetic';
	const width = PAGE.width - 2 * PAGE.margin;
	let y = PAGE.margin;
	const lines: string[] = [];
	for (const row of spec.rows) {
		if (row.type === 'gap') { y += fontSize * (row.height ?? 1); continue; }
		if (row.type === 'rule') { ctx.lineWidth = 2; ctx.beginPath(); ctx.moveTo(PAGE.margin, y + 6); ctx.lineTo(PAGE.width - PAGE.margin, y + 6); ctx.stroke(); y += fontSize * 0.8; continue; }
		if (row.type === 'para') {
			ctx.font = `${fontSize}px "${font}"`;
			let line = '';
			const flush = () => { if (line) { y += fontSize * 1.45; ctx.fillText(line, PAGE.margin, y); lines.push(line); line = ''; } };
			for (const word of row.text.split(' ')) {
				const next = line ? `${line} ${word}` : word;
				if (ctx.measureText(next).width > width) { flush(); line = word; } else line = next;
			}
			flush();
			continue;
		}
		const size = Math.round(fontSize * (row.size ?? 1));
		y += size * 1.45;
		const texts: string[] = [];
		for (const part of row.parts) {
			ctx.font = `${size}px "${font}${part.bold ? ' Bold' : ''}"`;
			ctx.fillText(part.text, PAGE.margin + (part.x ?? 0) * width, y);
			texts.push(part.text);
		}
		lines.push(texts.join(' '));
	}
	return { canvas, lines };
}

function grayData(canvas: Canvas): { width: number; height: number; data: Float32Array } {
	const ctx = canvas.getContext('2d');
	const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
	const data = new Float32Array(canvas.width * canvas.height);
	for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4];
	return { width: canvas.width, height: canvas.height, data };
}

function gaussian(r: Rng) {
	return Math.sqrt(-2 * Math.log(Math.max(r.next(), 1e-12))) * Math.cos(2 * Math.PI * r.next());
}

/** A flatbed scan of a photocopy: faint tilt, grey paper, noise, specks, soft focus, heavy JPEG. */
export function noisyScan(clean: Canvas, seed: number): Buffer {
	const r = rng(seed);
	const { width, height } = clean;
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.translate(width / 2, height / 2);
	ctx.rotate(((r.next() * 2 - 1) * 1.0 * Math.PI) / 180);
	ctx.translate(-width / 2, -height / 2);
	ctx.filter = 'blur(0.6px)';
	ctx.drawImage(clean, 0, 0);
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.filter = 'none';
	const g = grayData(canvas);
	const image = ctx.getImageData(0, 0, width, height);
	const ink = 40 + r.int(0, 25);
	const paper = 225 + r.int(0, 15);
	for (let i = 0; i < g.data.length; i++) {
		let v = ink + (g.data[i] / 255) * (paper - ink) + gaussian(r) * 11;
		if (r.next() < 0.0015) v = r.chance(0.5) ? 30 : 255;
		image.data[i * 4] = image.data[i * 4 + 1] = image.data[i * 4 + 2] = Math.max(0, Math.min(255, v));
		image.data[i * 4 + 3] = 255;
	}
	ctx.putImageData(image, 0, 0);
	return canvas.encodeSync('jpeg', 60);
}

/**
 * The clean page as seen by a camera: its corners moved to `quad` (photo pixels), transparent around it.
 * Each photo pixel looks up where it falls on the page (nearest page pixel; the photo is blurred after).
 */
function pageInPerspective(clean: Canvas, quad: Quad, width: number, height: number): Canvas {
	const source = clean.getContext('2d').getImageData(0, 0, clean.width, clean.height).data;
	const [a, b, c, d, e, f, g, h] = homography(quad, rectangle(clean.width, clean.height));
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	const image = ctx.createImageData(width, height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const z = g * x + h * y + 1;
			const u = Math.floor((a * x + b * y + c) / z);
			const v = Math.floor((d * x + e * y + f) / z);
			if (u < 0 || v < 0 || u >= clean.width || v >= clean.height) continue;
			const from = (v * clean.width + u) * 4;
			const to = (y * width + x) * 4;
			for (let k = 0; k < 4; k++) image.data[to + k] = source[from + k];
		}
	}
	ctx.putImageData(image, 0, 0);
	return canvas;
}

/**
 * A phone photo on a table: tilted 2–6°, held nearer the bottom of the page (its top edge 3–10 % narrower),
 * page smaller than the frame, light falling off to one side, a shadow.
 */
export function phonePhoto(clean: Canvas, seed: number): Buffer {
	const r = rng(seed);
	const width = 2000;
	const height = 2667;
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	const table = [r.int(70, 120), r.int(55, 90), r.int(40, 70)];
	ctx.fillStyle = `rgb(${table.join(',')})`;
	ctx.fillRect(0, 0, width, height);
	const angle = ((r.chance(0.5) ? 1 : -1) * (2 + r.next() * 4) * Math.PI) / 180;
	const scale = (height * (0.84 + r.next() * 0.06)) / clean.height;
	const [cx, cy] = [width / 2 + r.int(-40, 40), height / 2 + r.int(-40, 40)];
	const narrowing = 0.03 + r.next() * 0.07;
	const [hw, hh] = [(clean.width * scale) / 2, (clean.height * scale) / 2];
	const corners: [number, number][] = [[-hw * (1 - narrowing), -hh], [hw * (1 - narrowing), -hh], [hw, hh], [-hw, hh]];
	const quad = corners.map(([x, y]) => ({ x: cx + x * Math.cos(angle) - y * Math.sin(angle), y: cy + x * Math.sin(angle) + y * Math.cos(angle) })) as Quad;
	ctx.filter = 'blur(0.8px)';
	ctx.drawImage(pageInPerspective(clean, quad, width, height), 0, 0);
	ctx.filter = 'none';
	const image = ctx.getImageData(0, 0, width, height);
	// light: bright at one corner, falling to 55–70 % at the other; a soft shadow band; warm tint
	const [lx, ly] = [r.next(), r.next()];
	const dark = 0.55 + r.next() * 0.15;
	const shadowY = height * (0.3 + r.next() * 0.4);
	const tint = [1, 0.97, 0.9];
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const d = Math.hypot(x / width - lx, y / height - ly) / Math.SQRT2;
			let light = 1 - (1 - dark) * d;
			light *= 1 - 0.18 * Math.exp(-(((y - shadowY) / (height * 0.08)) ** 2)) * (x / width);
			const i = (y * width + x) * 4;
			const noise = gaussian(r) * 5;
			for (let c = 0; c < 3; c++) image.data[i + c] = Math.max(0, Math.min(255, image.data[i + c] * light * tint[c] + noise));
		}
	}
	ctx.putImageData(image, 0, 0);
	return canvas.encodeSync('jpeg', 82);
}

/** A PDF whose pages carry real text (as exported by a lab system), via pdf-lib's Helvetica. */
export async function textPdf(pages: string[][]): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	const font = await pdf.embedFont(StandardFonts.Helvetica);
	for (const lines of pages) {
		const page = pdf.addPage([595, 842]);
		lines.forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 16, size: 11, font }));
	}
	return pdf.save();
}

/** A PDF of page images only (a scanner's output). */
export async function scannedPdf(jpegs: Uint8Array[]): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	for (const jpeg of jpegs) {
		const image = await pdf.embedJpg(jpeg);
		const page = pdf.addPage([595, 842]);
		// keep the image's proportions, from the top of the page (an A4 scan fills it)
		const height = Math.min(842, (595 * image.height) / image.width);
		page.drawImage(image, { x: 0, y: 842 - height, width: 595, height });
	}
	return pdf.save();
}

/** A PDF that asks for a password (standard security handler whose user password is not empty). */
export async function protectedPdf(): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.addPage([595, 842]).drawText('Confidential', { x: 50, y: 790, size: 12 });
	const r = rng(99);
	const hex = (n: number) => Array.from({ length: n }, () => r.int(0, 255).toString(16).padStart(2, '0')).join('');
	const encrypt = pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -44, O: PDFHexString.of(hex(32)), U: PDFHexString.of(hex(32)) });
	pdf.context.trailerInfo.Encrypt = pdf.context.register(encrypt);
	pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(hex(16)), PDFHexString.of(hex(16))]);
	void PDFName;
	return pdf.save({ useObjectStreams: false });
}

/** A short lab report for quick tests: a few rows in one font, small page. */
export function renderSnippet(lines: string[], options: { font?: string; fontSize?: number; width?: number } = {}): Canvas {
	registerFonts();
	const fontSize = options.fontSize ?? 30;
	const width = options.width ?? 1400;
	const height = Math.round(fontSize * 1.6 * (lines.length + 2));
	const canvas = createCanvas(width, height);
	const ctx = canvas.getContext('2d');
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.fillStyle = '#111';
	ctx.font = `${fontSize}px "${options.font ?? 'Roboto'}"`;
	lines.forEach((line, i) => ctx.fillText(line, fontSize * 2, fontSize * 1.6 * (i + 1.5)));
	return canvas;
}

export const CONDITIONS = ['clean', 'noisy', 'photo'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const fixtureFile = (id: string, condition: Condition) => `${id}-${condition}.${condition === 'clean' ? 'png' : 'jpg'}`;

export interface GeneratedSet {
	dir: string;
	truths: (Truth & { text: string })[];
}

export async function generateFixtures(dir: string, count = 30, seed = 7, conditions: readonly Condition[] = CONDITIONS): Promise<GeneratedSet> {
	await mkdir(dir, { recursive: true });
	const specs = makeDocuments(count, seed);
	const truths: GeneratedSet['truths'] = [];
	const scans: Uint8Array[] = [];
	for (const [i, spec] of specs.entries()) {
		const { canvas, lines } = renderDocument(spec);
		const truth = { ...spec.truth, text: lines.join('\n') };
		truths.push(truth);
		await writeFile(join(dir, `${spec.truth.id}.json`), JSON.stringify(truth, null, 1));
		if (conditions.includes('clean')) await writeFile(join(dir, fixtureFile(spec.truth.id, 'clean')), canvas.encodeSync('png'));
		if (conditions.includes('noisy')) {
			const noisy = noisyScan(canvas, seed * 1000 + i);
			if (scans.length < 2) scans.push(noisy);
			await writeFile(join(dir, fixtureFile(spec.truth.id, 'noisy')), noisy);
		}
		if (conditions.includes('photo')) await writeFile(join(dir, fixtureFile(spec.truth.id, 'photo')), phonePhoto(canvas, seed * 2000 + i));
	}
	await writeFile(join(dir, 'text-layer.pdf'), await textPdf([truths[0].text.split('\n'), truths[1].text.split('\n')]));
	if (scans.length) await writeFile(join(dir, 'scanned.pdf'), await scannedPdf(scans));
	await writeFile(join(dir, 'protected.pdf'), await protectedPdf());
	await writeFile(join(dir, 'truth.json'), JSON.stringify(truths.map(({ text: _t, ...t }) => t), null, 1));
	return { dir, truths };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const arg = (name: string, fallback: string) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const started = Date.now();
	const set = await generateFixtures(arg('out', 'tests/ocr/out'), Number(arg('count', '30')), Number(arg('seed', '7')));
	console.log(`wrote ${set.truths.length} documents × 3 conditions and 3 PDFs to ${set.dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
