/** UTF-8 text ⇄ base64, the same in the browser and in Node (FHIR attachments carry base64). */
export function toBase64(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** null when it is not base64 of UTF-8 text */
export function fromBase64(data: string): string | null {
	try {
		const binary = atob(data);
		return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
	} catch {
		return null;
	}
}
