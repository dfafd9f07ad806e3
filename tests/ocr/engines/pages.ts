/**
 * The comparison's pages: the first pages of every layout of the hard set and of the second blind set
 * (seeded: the same pages on every run), with their truths, and the synthetic pages bench/ocr.ts times.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makePage as hardPage, LAYOUTS, type PageTruthFile } from '../hard/pages';
import { makePage as blind2Page } from '../blind2/pages';
import { CONDITIONS, fixtureFile, generateFixtures } from '../generate';

export interface ScoredPage {
	set: 'hard' | 'blind2';
	file: string;
	truth: PageTruthFile;
}

export async function scoredPages(dir: string, seed: number, perLayout: number): Promise<ScoredPage[]> {
	const pages: ScoredPage[] = [];
	for (const [set, make] of [['hard', hardPage], ['blind2', blind2Page]] as const) {
		await mkdir(join(dir, set), { recursive: true });
		for (const layout of LAYOUTS)
			for (let i = 0; i < perLayout; i++) {
				const { bytes, truth } = make(seed, layout, i);
				const file = resolve(join(dir, set, truth.file));
				await writeFile(file, bytes);
				pages.push({ set, file, truth });
			}
	}
	return pages;
}

/** The bench's synthetic pages (bench/ocr.ts draws 6 documents the same way): `documents` × clean, noisy, photo. */
export async function benchPages(dir: string, documents: number): Promise<string[]> {
	const set = await generateFixtures(dir, documents, 7);
	return set.truths.flatMap((t) => CONDITIONS.map((c) => resolve(join(dir, fixtureFile(t.id, c)))));
}
