/**
 * Recognition block by block, in reading order: each block is cropped and read on its own, so that two
 * columns are not interleaved line by line; the lines keep their boxes on the page.
 */
import { encodePgm } from './image.js';
import { crop, type Block } from './layout.js';
import type { OcrEngine, Recognition } from './engine.js';
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
	const parts: Recognition[] = [];
	let done = 0;
	for (const block of kept) {
		const area = block.width * block.height;
		const part = await engine.recognize(encodePgm(crop(image, block, MARGIN)), (f) => onProgress?.((done + f * area) / total));
		done += area;
		// back to page coordinates
		for (const line of part.lines) {
			line.box.x += block.x - MARGIN;
			line.box.y += block.y - MARGIN;
		}
		if (part.text.trim()) parts.push(part);
	}
	const length = parts.reduce((sum, p) => sum + p.text.length, 0) || 1;
	return {
		text: parts.map((p) => p.text.trim()).join('\n'),
		confidence: parts.reduce((sum, p) => sum + p.confidence * p.text.length, 0) / length,
		words: parts.flatMap((p) => p.words),
		lines: parts.flatMap((p) => p.lines)
	};
}
