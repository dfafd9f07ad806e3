import { describe, expect, it } from 'vitest';
import { isPackUrl, packedType, readPack } from '$lib/offline/precache-pack';

describe('precache pack', () => {
	it('packs hashed scripts and styles, and nothing that is revisioned or binary', () => {
		expect(packedType('_app/immutable/chunks/Ab1-x.js')).toBe('text/javascript');
		expect(packedType('_app/immutable/assets/0.Dmog5muk.css')).toBe('text/css');
		expect(packedType('_app/version.json')).toBeNull();
		expect(packedType('200.html')).toBeNull();
		expect(packedType('_app/immutable/assets/logo.Ab12.png')).toBeNull();
	});

	it('knows its own file by name', () => {
		expect(isPackUrl('_app/immutable/precache-pack.0123abcd4567ef89.json')).toBe(true);
		expect(isPackUrl('/_app/immutable/precache-pack.0123abcd4567ef89.json')).toBe(true);
		expect(isPackUrl('_app/immutable/chunks/precache-pack.js')).toBe(false);
		expect(isPackUrl('_app/version.json')).toBe(false);
	});

	it('reads a whole pack and refuses anything else', () => {
		const files = [['_app/immutable/chunks/a.js', 'text/javascript', 'export{}']];
		expect(readPack({ files })).toEqual(files);
		for (const broken of [null, 'text', {}, { files: 'x' }, { files: [['a.js', 'text/javascript']] }, { files: [['a.js', 'text/javascript', 3]] }]) {
			expect(readPack(broken)).toBeNull();
		}
	});
});
