/** What a file is, judged by its first bytes (names and MIME types lie), and its EXIF orientation. */
import { OcrError } from './types.js';

export type FileKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'heic' | 'avif' | 'tiff' | 'pdf';

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

export function sniff(bytes: Uint8Array): FileKind | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'png';
	if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
	if (bytes.length >= 6 && ascii(bytes, 0, 4) === 'GIF8') return 'gif';
	if (bytes.length >= 2 && ascii(bytes, 0, 2) === 'BM') return 'bmp';
	if (bytes.length >= 4 && (ascii(bytes, 0, 4) === 'II*\0' || ascii(bytes, 0, 4) === 'MM\0*')) return 'tiff';
	// A PDF may have a little junk before its header.
	const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
	if (head.includes('%PDF-')) return 'pdf';
	if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
		const brand = ascii(bytes, 8, 4);
		if (/^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand)) return 'heic';
		if (/^avi[fs]$/.test(brand)) return 'avif';
	}
	return null;
}

/** Throws the message a patient should see when a file cannot be read at all; returns its kind otherwise. */
export function checkFile(bytes: Uint8Array, name = 'the file'): FileKind {
	if (!bytes.length) throw new OcrError('empty', `${name} is empty (0 bytes). Choose the photo or PDF again.`);
	const kind = sniff(bytes);
	if (!kind) {
		throw new OcrError('not-supported', `${name} is not an image or a PDF this app can read. Use a photo (JPEG, PNG, WebP, HEIC) or a PDF.`);
	}
	return kind;
}

/** EXIF orientation (1–8) of a JPEG, 1 when it has none. Browsers apply it themselves when decoding. */
export function jpegOrientation(bytes: Uint8Array): number {
	if (sniff(bytes) !== 'jpeg') return 1;
	let offset = 2;
	while (offset + 4 <= bytes.length) {
		if (bytes[offset] !== 0xff) return 1;
		const marker = bytes[offset + 1];
		const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
		if (marker === 0xda || marker === 0xd9) return 1; // image data starts: no EXIF before it
		if (marker === 0xe1 && ascii(bytes, offset + 4, 6) === 'Exif\0\0') return tiffOrientation(bytes, offset + 10);
		offset += 2 + length;
	}
	return 1;
}

function tiffOrientation(bytes: Uint8Array, tiff: number): number {
	if (tiff + 8 > bytes.length) return 1;
	const little = bytes[tiff] === 0x49;
	const u16 = (at: number) => (little ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1]);
	const u32 = (at: number) => (little ? (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 2 ** 24 : bytes[at] * 2 ** 24 + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]));
	const ifd = tiff + u32(tiff + 4);
	if (ifd + 2 > bytes.length) return 1;
	const entries = u16(ifd);
	for (let i = 0; i < entries; i++) {
		const entry = ifd + 2 + i * 12;
		if (entry + 12 > bytes.length) return 1;
		if (u16(entry) === 0x0112) {
			const value = u16(entry + 8);
			return value >= 1 && value <= 8 ? value : 1;
		}
	}
	return 1;
}

/** Width and height from an image's header, without decoding it (to downscale huge ones while decoding). */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
	const kind = sniff(bytes);
	const be16 = (at: number) => (bytes[at] << 8) | bytes[at + 1];
	const be32 = (at: number) => bytes[at] * 2 ** 24 + ((bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]);
	const le16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
	if (kind === 'png' && bytes.length >= 24) return { width: be32(16), height: be32(20) };
	if (kind === 'gif' && bytes.length >= 10) return { width: le16(6), height: le16(8) };
	if (kind === 'jpeg') {
		let offset = 2;
		while (offset + 9 < bytes.length) {
			if (bytes[offset] !== 0xff) return null;
			const marker = bytes[offset + 1];
			if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { height: be16(offset + 5), width: be16(offset + 7) };
			offset += 2 + be16(offset + 2);
		}
		return null;
	}
	if (kind === 'webp' && bytes.length >= 30) {
		const chunk = ascii(bytes, 12, 4);
		if (chunk === 'VP8X') return { width: 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16)), height: 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16)) };
		if (chunk === 'VP8 ') return { width: le16(26) & 0x3fff, height: le16(28) & 0x3fff };
		if (chunk === 'VP8L') {
			const b = bytes.subarray(21, 25);
			return { width: 1 + (((b[1] & 0x3f) << 8) | b[0]), height: 1 + (((b[3] & 0xf) << 10) | (b[2] << 2) | ((b[1] & 0xc0) >> 6)) };
		}
	}
	return null;
}

/** How far to shrink while decoding so the long side stays at most `maxLongSide`. */
export function decodeScale(size: { width: number; height: number } | null, maxLongSide: number): number {
	if (!size) return 1;
	const long = Math.max(size.width, size.height);
	return long > maxLongSide ? maxLongSide / long : 1;
}

/** A PNG without its end chunk, a JPEG without its end marker, a PDF without %%EOF: cut off in transfer. */
export function looksTruncated(bytes: Uint8Array, kind: FileKind): boolean {
	const tail = ascii(bytes, Math.max(0, bytes.length - 1024), Math.min(bytes.length, 1024));
	if (kind === 'png') return !tail.includes('IEND');
	if (kind === 'jpeg') {
		for (let i = bytes.length - 2; i >= Math.max(0, bytes.length - 64); i--) if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return false;
		return true;
	}
	if (kind === 'pdf') return !tail.includes('%%EOF');
	return false;
}
