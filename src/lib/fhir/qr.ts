/**
 * What a QR code of the summary holds. The compact JSON as it is when it fits (any scanner reads plain
 * FHIR JSON); else the JSON compressed with raw DEFLATE (as SMART Health Cards do), base64url, behind the
 * prefix `fhir+deflate:`, which the import here reads back. Either must stay ≤ 2,000 bytes: under a
 * version-40 code's 2,331-byte capacity at error correction level M, with room to spare for cheap phones.
 */
import { fileTooBig, ImportError, MAX_FILE_BYTES } from './import.js';
import { m } from '../paraglide/messages.js';
import { bytesFromBase64Url, toBase64Url } from './base64.js';

export const QR_MAX_BYTES = 2000;
export const DEFLATE_PREFIX = 'fhir+deflate:';

const byteLength = (text: string) => new TextEncoder().encode(text).length;

async function deflate(text: string): Promise<Uint8Array> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}


/** The text to put in a QR code, or how many bytes it would take when that is too many. */
export async function qrPayload(json: string): Promise<{ text: string } | { tooBig: number }> {
	if (byteLength(json) <= QR_MAX_BYTES) return { text: json };
	const packed = DEFLATE_PREFIX + toBase64Url(await deflate(json));
	return packed.length <= QR_MAX_BYTES ? { text: packed } : { tooBig: packed.length };
}

/** A file's or a scanned code's text as JSON: unpacks `fhir+deflate:` text, stopping past the size cap. */
export async function unpackPayload(text: string): Promise<string> {
	const trimmed = text.trim();
	if (!trimmed.startsWith(DEFLATE_PREFIX)) return text;
	let bytes: Uint8Array;
	try {
		bytes = bytesFromBase64Url(trimmed.slice(DEFLATE_PREFIX.length));
	} catch {
		throw new ImportError(m.fhir_error_not_json());
	}
	const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	try {
		for (let read = await reader.read(); !read.done; read = await reader.read()) {
			total += read.value.length;
			// a small code can unpack to gigabytes: stop at the same cap as a file
			if (total > MAX_FILE_BYTES) {
				await reader.cancel();
				throw new ImportError(fileTooBig());
			}
			chunks.push(read.value);
		}
	} catch (e) {
		throw e instanceof ImportError ? e : new ImportError(m.fhir_error_not_json());
	}
	return new TextDecoder().decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
}
