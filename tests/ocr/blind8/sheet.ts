/**
 * A white sheet that keeps what is drawn on it: every printed row as a line of the page's text (in reading
 * order), the rows inside a table apart, and the lab results the page prints.
 */
import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { LabTruth } from '../hard/content';
import { registerFonts } from '../generate';

export interface Part {
	text: string;
	x: number;
	align?: 'left' | 'right' | 'center';
	bold?: boolean;
	/** shrinks the text to this width when wider, as a spreadsheet fits a cell */
	fit?: number;
}

export class Sheet {
	readonly canvas: Canvas;
	readonly ctx: SKRSContext2D;
	readonly lines: string[] = [];
	readonly tableLines: string[] = [];
	readonly labs: LabTruth[] = [];
	/** the baseline of the last row drawn */
	y: number;

	constructor(
		readonly family: string,
		readonly size: number,
		readonly width = 1654,
		readonly height = 2339,
		readonly margin = 120
	) {
		registerFonts();
		this.canvas = createCanvas(width, height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#fff';
		this.ctx.fillRect(0, 0, width, height);
		this.y = margin;
	}

	get right() {
		return this.width - this.margin;
	}

	font(size = this.size, bold = false) {
		this.ctx.font = `${Math.round(size)}px "${this.family}${bold ? ' Bold' : ''}"`;
	}

	measure(text: string, size = this.size, bold = false) {
		this.font(size, bold);
		return this.ctx.measureText(text).width;
	}

	/** Draws the parts on baseline `y` and records them as one line, left to right. */
	drawAt(y: number, parts: readonly Part[], opts: { size?: number; bold?: boolean; table?: boolean } = {}) {
		const shown = parts.filter((p) => p.text);
		this.ctx.fillStyle = '#151515';
		for (const p of shown) {
			const size = opts.size ?? this.size;
			const wide = p.fit ? this.measure(p.text, size, opts.bold || p.bold) : 0;
			this.font(p.fit && wide > p.fit ? (size * p.fit) / wide : size, opts.bold || p.bold);
			this.ctx.textAlign = p.align ?? 'left';
			this.ctx.fillText(p.text, p.x, y);
		}
		this.ctx.textAlign = 'left';
		const line = [...shown].sort((a, b) => this.leftOf(a, opts.size) - this.leftOf(b, opts.size)).map((p) => p.text).join(' ');
		if (!line) return;
		this.lines.push(line);
		if (opts.table) this.tableLines.push(line);
	}

	private leftOf(p: Part, size?: number) {
		const w = this.measure(p.text, size);
		return p.align === 'right' ? p.x - w : p.align === 'center' ? p.x - w / 2 : p.x;
	}

	/** The next row, `lead` line heights below the last. */
	row(parts: readonly Part[], opts: { size?: number; bold?: boolean; table?: boolean; lead?: number } = {}) {
		this.y += (opts.size ?? this.size) * (opts.lead ?? 1.5);
		this.drawAt(this.y, parts, opts);
	}

	/** A paragraph wrapped to the width from `x`, each wrapped line a line of text. */
	paragraph(text: string, x = this.margin, width = this.right - x) {
		let line = '';
		for (const word of text.split(' ')) {
			const next = line ? `${line} ${word}` : word;
			if (line && this.measure(next) > width) {
				this.row([{ text: line, x }]);
				line = word;
			} else line = next;
		}
		if (line) this.row([{ text: line, x }]);
	}

	gap(lines = 0.6) {
		this.y += this.size * lines;
	}

	rule(x0 = this.margin, x1 = this.right, y = this.y + this.size * 0.5, width = 2, colour = '#333') {
		this.ctx.strokeStyle = colour;
		this.ctx.lineWidth = width;
		this.ctx.beginPath();
		this.ctx.moveTo(x0, y);
		this.ctx.lineTo(x1, y);
		this.ctx.stroke();
	}

	lab(lab: LabTruth) {
		this.labs.push(lab);
	}
}
