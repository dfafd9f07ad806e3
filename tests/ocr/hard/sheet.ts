/** A page being drawn that remembers what it printed, line by line, in reading order. */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { PAGE, registerFonts } from '../generate';
import type { LabTruth } from './content';

export interface Part {
	text: string;
	x: number;
	bold?: boolean;
	/** times the sheet's font size */
	scale?: number;
	align?: 'left' | 'right' | 'center';
	color?: string;
}

export class Sheet {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	readonly labs: LabTruth[] = [];
	readonly left = PAGE.margin;
	readonly right = PAGE.width - PAGE.margin;

	constructor(
		readonly family: string,
		/** px at 200 dpi (9–12 pt is 25–33 px) */
		readonly size: number
	) {
		registerFonts();
		this.canvas = createCanvas(PAGE.width, PAGE.height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#fff';
		this.ctx.fillRect(0, 0, PAGE.width, PAGE.height);
		this.ctx.textBaseline = 'alphabetic';
	}

	get lineHeight() {
		return Math.round(this.size * 1.4);
	}

	font(bold = false, scale = 1) {
		// DejaVu (a system font) draws the arrows (↑ ↓) the web fonts' latin subset lacks
		this.ctx.font = `${Math.round(this.size * scale)}px "${this.family}${bold ? ' Bold' : ''}", "DejaVu Sans"`;
	}

	measure(text: string, bold = false, scale = 1) {
		this.font(bold, scale);
		return this.ctx.measureText(text).width;
	}

	/** Draws the parts on one baseline and records them, left to right, as one printed line. */
	row(parts: Part[], y: number, table = false) {
		const texts: string[] = [];
		for (const part of [...parts].sort((a, b) => this.startOf(a) - this.startOf(b))) {
			if (!part.text) continue;
			this.font(part.bold, part.scale);
			this.ctx.fillStyle = part.color ?? '#111';
			this.ctx.textAlign = part.align ?? 'left';
			this.ctx.fillText(part.text, part.x, y);
			texts.push(part.text);
		}
		this.ctx.textAlign = 'left';
		if (!texts.length) return;
		this.lines.push(texts.join(' '));
		if (table) this.tableLines.push(texts.join(' '));
	}

	private startOf(part: Part) {
		const width = this.measure(part.text, part.bold, part.scale);
		return part.align === 'right' ? part.x - width : part.align === 'center' ? part.x - width / 2 : part.x;
	}

	/** Splits text into lines no wider than `width`. */
	wrap(text: string, width: number, bold = false, scale = 1): string[] {
		const lines: string[] = [];
		let line = '';
		for (const word of text.split(' ')) {
			const next = line ? `${line} ${word}` : word;
			if (line && this.measure(next, bold, scale) > width) {
				lines.push(line);
				line = word;
			} else line = next;
		}
		if (line) lines.push(line);
		return lines;
	}

	rule(x1: number, y1: number, x2: number, y2: number, width = 2, color = '#222') {
		this.ctx.strokeStyle = color;
		this.ctx.lineWidth = width;
		this.ctx.beginPath();
		this.ctx.moveTo(x1, y1);
		this.ctx.lineTo(x2, y2);
		this.ctx.stroke();
	}

	box(x: number, y: number, w: number, h: number, width = 2) {
		this.ctx.strokeStyle = '#222';
		this.ctx.lineWidth = width;
		this.ctx.strokeRect(x, y, w, h);
	}
}
