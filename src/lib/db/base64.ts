/** Bytes ⇄ base64 with the browser's native codec where it has one (several times faster), else in slices. */
type NativeCodec = { toBase64?(this: Uint8Array): string };
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?(text: string): Uint8Array<ArrayBuffer> }).fromBase64?.bind(Uint8Array);

export function bytesToBase64(bytes: Uint8Array): string {
	const native = (bytes as NativeCodec).toBase64;
	if (native) return native.call(bytes);
	let binary = '';
	// spreading a long array into one call overflows the stack
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** Throws on text that is not base64. */
export function bytesFromBase64(text: string): Uint8Array<ArrayBuffer> {
	if (nativeFromBase64) return nativeFromBase64(text);
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
