/** UTF-8 text ⇄ base64, the same in the browser and in Node (FHIR attachments carry base64). */
import { bytesFromBase64, bytesToBase64 } from '../db/base64.js';

export const toBase64 = (text: string) => bytesToBase64(new TextEncoder().encode(text));

/** null when it is not base64 of UTF-8 text */
export function fromBase64(data: string): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytesFromBase64(data));
	} catch {
		return null;
	}
}

export const toBase64Url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
export const bytesFromBase64Url = (text: string) => bytesFromBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
