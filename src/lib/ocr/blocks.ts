/**
 * Recognition block by block, in reading order: each block is cropped and read on its own, so that two
 * columns are not interleaved line by line; the lines keep their boxes on the page.
 */
import { encodePgm } from './image.js';
import { crop, type Block } from './layout.js';
import { assemble, moveLine, type OcrEngine, type PageLine, type Recognition } from './engine.js';
import type { Box } from './spacing.js';
import type { GrayImage } from './types.js';

/** Paper kept around a cropped block: the recogniser needs some. */
const MARGIN = 16;
/** Blocks smaller than this (pixels) are specks, not text. */
const MIN_SIDE = 10;
/** More blocks than this means noise broke the page up: read it whole instead. */
const MAX_BLOCKS = 80;

export async function readBlocks(engine: OcrEngine, image: GrayImage, blocks: Block[], onProgress?: (fraction: number) => void): Promise<Recognition> {
	const kept = blocks.filter((b) => b.width >= MIN_SIDE && b.height >= MIN_SIDE);
	if (!kept.length || kept.length > MAX_BLOCKS) return engine.recognize(encodePgm(image), onProgress);
	const total = kept.reduce((sum, b) => sum + b.width * b.height, 0);
	const paragraphs: PageLine[][] = [];
	let confidence = 0;
	let letters = 0;
	let done = 0;
	for (const block of kept) {
		const area = block.width * block.height;
		const part = await engine.recognize(encodePgm(crop(image, block, MARGIN)), (f) => onProgress?.((done + f * area) / total));
		done += area;
		confidence += part.confidence * part.text.length;
		letters += part.text.length;
		// back to page coordinates
		const dx = block.x - MARGIN;
		const dy = block.y - MARGIN;
		const shift = (b: Box): Box => ({ x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 + dx, y1: b.y1 + dy });
		for (const paragraph of part.paragraphs) {
			paragraphs.push(paragraph.map((line) => moveLine(line, shift)));
		}
	}
	return { confidence: letters ? confidence / letters : 0, paragraphs, ...assemble(paragraphs) };
}
