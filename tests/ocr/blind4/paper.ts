/**
 * A blank A4 page at 200 dpi that remembers what is printed on it: every line of text in reading order,
 * which of them are table rows, and the lab results. Fonts are the project's @fontsource packages in
 * weights and styles the other sets do not use.
 */
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { LabTruth } from '../hard/content';

const require = createRequire(import.meta.url);
export const A4 = { width: 1654, height: 2339 };

export interface Face {
	family: string;
	pkg: string;
	regular: number;
	bold: number;
}
export const FACES: Face[] = [
	{ family: 'B4 Roboto Light', pkg: 'roboto', regular: 300, bold: 600 },
	{ family: 'B4 Open Sans Medium', pkg: 'open-sans', regular: 500, bold: 800 },
	{ family: 'B4 Lato', pkg: 'lato', regular: 400, bold: 900 },
	{ family: 'B4 Noto Serif Medium', pkg: 'noto-serif', regular: 500, bold: 800 },
	{ family: 'B4 Plex Mono Medium', pkg: 'ibm-plex-mono', regular: 500, bold: 700 },
	{ family: 'B4 Source Serif Light', pkg: 'source-serif-4', regular: 300, bold: 600 }
];

const ARROWS = 'B4 Plex Mono Medium';
let registered = false;
function registerFaces() {
	if (registered) return;
	for (const face of FACES) {
		const dir = join(dirname(require.resolve(`@fontsource/${face.pkg}/package.json`)), 'files');
		GlobalFonts.registerFromPath(join(dir, `${face.pkg}-latin-${face.regular}-normal.woff`), face.family);
		GlobalFonts.registerFromPath(join(dir, `${face.pkg}-latin-${face.bold}-normal.woff`), `${face.family} Bold`);
		GlobalFonts.registerFromPath(join(dir, `${face.pkg}-latin-${face.regular}-italic.woff`), `${face.family} Italic`);
	}
	registered = true;
}

export interface Pen {
	bold?: boolean;
	italic?: boolean;
	/** times the page's body size */
	scale?: number;
	align?: 'left' | 'center' | 'right';
	color?: string;
	/** the text shrinks to fit this width */
	max?: number;
}

export class Paper {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	readonly labs: LabTruth[] = [];
	/** baselines of everything written, so stamps can land on print */
	readonly baselines: number[] = [];
	/** where the signer's line is, for a signature to cross it */
	signLine = { x: 0, y: 0 };

	constructor(
		readonly face: Face,
		readonly size: number
	) {
		registerFaces();
		this.canvas = createCanvas(A4.width, A4.height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#fff';
		this.ctx.fillRect(0, 0, A4.width, A4.height);
		this.ctx.textBaseline = 'alphabetic';
	}

	/** Draws `text` with its baseline at y; answers its width. */
	write(text: string, x: number, y: number, pen: Pen = {}): number {
		let px = Math.round(this.size * (pen.scale ?? 1));
		const style = pen.bold ? ' Bold' : pen.italic ? ' Italic' : '';
		const ctx = this.ctx;
		// arrows (↑ ↓) are missing from most of the faces; a lab system prints them from a fallback font
		const font = (size: number) => `${size}px "${this.face.family}${style}", "${ARROWS}"`;
		ctx.font = font(px);
		while (pen.max && px > 10 && ctx.measureText(text).width > pen.max) ctx.font = font(--px);
		const width = ctx.measureText(text).width;
		this.baselines.push(y);
		ctx.fillStyle = pen.color ?? '#161616';
		ctx.fillText(text, pen.align === 'center' ? x - width / 2 : pen.align === 'right' ? x - width : x, y);
		return width;
	}

	rule(x0: number, y0: number, x1: number, y1: number, width = 2, color = '#222') {
		const ctx = Object.assign(this.ctx, { strokeStyle: color, lineWidth: width });
		ctx.beginPath();
		ctx.moveTo(x0, y0);
		ctx.lineTo(x1, y1);
		ctx.stroke();
	}

	box(x: number, y: number, w: number, h: number, width = 2) {
		Object.assign(this.ctx, { strokeStyle: '#222', lineWidth: width }).strokeRect(x, y, w, h);
	}

	shade(x: number, y: number, w: number, h: number, color: string) {
		Object.assign(this.ctx, { fillStyle: color }).fillRect(x, y, w, h);
	}

	/** Records one printed line of the truth: its non-empty parts joined by a space. */
	record(parts: readonly string[], table = false) {
		const line = parts.filter(Boolean).join(' ');
		if (!line) return;
		this.lines.push(line);
		if (table) this.tableLines.push(line);
	}
}
