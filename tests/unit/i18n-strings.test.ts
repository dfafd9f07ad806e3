// No words written into components: text nodes and the attributes people read (aria-label, placeholder,
// title, alt, label) must come from messages. Icons, numbers and punctuation are fine.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'svelte/compiler';

const ROOT = join(import.meta.dirname, '../..');
const READ_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'label']);
const LETTER = /\p{L}/u;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [relative(ROOT, path)] : [];
	});
}

type Node = { type?: string; data?: string; name?: string; value?: unknown; [key: string]: unknown };

/** The words written into a component's markup, with what holds them. */
export function writtenWords(source: string): string[] {
	const found: string[] = [];
	const visit = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(visit);
		const n = node as Node;
		if (n.type === 'Text' && typeof n.data === 'string' && LETTER.test(n.data)) found.push(`text "${n.data.trim()}"`);
		if (n.type === 'Attribute' && READ_ATTRIBUTES.has(n.name ?? '') && Array.isArray(n.value)) {
			for (const part of n.value as Node[]) if (part.type === 'Text' && LETTER.test(part.data ?? '')) found.push(`${n.name}="${part.data}"`);
			return;
		}
		for (const [key, value] of Object.entries(n)) {
			// scripts, styles and expressions hold code, not markup text; Attribute values other than the read ones are code-like
			if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression' || (n.type === 'Attribute' && key === 'value')) continue;
			visit(value);
		}
	};
	visit(parse(source, { modern: true }).fragment);
	return found;
}

const files = svelteFiles(join(ROOT, 'src'));

describe('no words left in components', () => {
	it('finds written words (the check itself)', () => {
		expect(writtenWords('<p>Hello</p>')).toEqual(['text "Hello"']);
		expect(writtenWords('<input placeholder="e.g. {x}" aria-label={m.a()} />')).toEqual(['placeholder="e.g. "']);
		expect(writtenWords('<p>{m.hello()} · 🌐 – 12</p><span aria-hidden="true">×</span><style>p { color: red; }</style>')).toEqual([]);
	});

	for (const file of files) {
		it(file, () => expect(writtenWords(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]));
	}
});
