// Every language has every message of the base language (English), with the same placeholders and no
// empty text; a key that only a translation has is an error too (a typo or a message removed from English).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import settings from '../../project.inlang/settings.json';

const MESSAGES = join(import.meta.dirname, '../../messages');
type Message = string | { declarations?: string[]; match: Record<string, string> }[];

function catalogue(locale: string): Map<string, Message> {
	const entries = new Map<string, Message>();
	for (const file of readdirSync(join(MESSAGES, locale)).filter((f) => f.endsWith('.json'))) {
		for (const [key, value] of Object.entries(JSON.parse(readFileSync(join(MESSAGES, locale, file), 'utf8')) as Record<string, Message>)) {
			if (key === '$schema') continue;
			if (entries.has(key)) throw new Error(`${locale}: ${key} is in two files`);
			entries.set(key, value);
		}
	}
	return entries;
}

/** The texts of a message: one, or one per plural variant. */
const texts = (message: Message): string[] => (typeof message === 'string' ? [message] : message.flatMap((variant) => Object.values(variant.match)));
const placeholders = (message: Message): string[] => [...new Set(texts(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

const base = catalogue(settings.baseLocale);
const others = settings.locales.filter((l) => l !== settings.baseLocale);

describe('message catalogues', () => {
	it('has messages in the base language, each with text', () => {
		expect(base.size).toBeGreaterThan(50);
		for (const [key, message] of base) expect(texts(message).every((t) => t.trim() !== ''), key).toBe(true);
	});

	it('lists a file per capability and language in the project settings', () => {
		const patterns = settings['plugin.inlang.messageFormat'].pathPattern;
		for (const locale of settings.locales) {
			for (const file of readdirSync(join(MESSAGES, locale)).filter((f) => f.endsWith('.json'))) {
				expect(patterns, `${locale}/${file}`).toContain(`./messages/{locale}/${file}`);
			}
		}
	});

	for (const locale of others) {
		it(`${locale} translates every message, with the same placeholders and no empty text`, () => {
			const translated = catalogue(locale);
			const missing = [...base.keys()].filter((key) => !translated.has(key));
			const extra = [...translated.keys()].filter((key) => !base.has(key));
			expect(missing, 'missing').toEqual([]);
			expect(extra, 'not in English').toEqual([]);
			for (const [key, message] of translated) {
				expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(base.get(key)!));
				expect(texts(message).every((t) => t.trim() !== ''), `${locale} ${key} is empty`).toBe(true);
			}
		});
	}

	it('keys start with the capability named by their file', () => {
		for (const locale of settings.locales) {
			for (const file of readdirSync(join(MESSAGES, locale)).filter((f) => f.endsWith('.json'))) {
				const prefix = `${file.replace(/\.json$/, '')}_`;
				const keys = Object.keys(JSON.parse(readFileSync(join(MESSAGES, locale, file), 'utf8'))).filter((k) => k !== '$schema');
				expect(keys.filter((k) => !k.startsWith(prefix)), `${locale}/${file}`).toEqual([]);
			}
		}
	});
});
