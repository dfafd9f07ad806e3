/**
 * MD5 (RFC 1321), only for OpenSSL's EVP_BytesToKey, which the stored field format needs: crypto-js's
 * version of it was the largest cost left in encrypting a pulled record. Not for anything new.
 */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const CONSTANTS = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

export function md5(message: Uint8Array): Uint8Array {
	const padded = new Uint8Array((((message.length + 8) >>> 6) + 1) << 6);
	padded.set(message);
	padded[message.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, (message.length << 3) >>> 0, true);
	view.setUint32(padded.length - 4, Math.floor(message.length / 2 ** 29), true);
	let a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
	const words = new Int32Array(16);
	for (let block = 0; block < padded.length; block += 64) {
		for (let i = 0; i < 16; i++) words[i] = view.getInt32(block + i * 4, true);
		let a = a0, b = b0, c = c0, d = d0;
		for (let i = 0; i < 64; i++) {
			let f: number, g: number;
			if (i < 16) (f = (b & c) | (~b & d)), (g = i);
			else if (i < 32) (f = (d & b) | (~d & c)), (g = (5 * i + 1) & 15);
			else if (i < 48) (f = b ^ c ^ d), (g = (3 * i + 5) & 15);
			else (f = c ^ (b | ~d)), (g = (7 * i) & 15);
			const shift = SHIFTS[((i >>> 4) << 2) | (i & 3)];
			const sum = (a + f + CONSTANTS[i] + words[g]) | 0;
			a = d;
			d = c;
			c = b;
			b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0;
		}
		a0 = (a0 + a) | 0;
		b0 = (b0 + b) | 0;
		c0 = (c0 + c) | 0;
		d0 = (d0 + d) | 0;
	}
	const digest = new DataView(new ArrayBuffer(16));
	[a0, b0, c0, d0].forEach((word, i) => digest.setInt32(i * 4, word, true));
	return new Uint8Array(digest.buffer);
}
