/**
 * `npm run -s ocr -- --json FILE…`: reads images or PDFs with the app's own pipeline, in Node, and
 * prints one JSON line per file: {file, text, confidence, pages, fields, error?}.
 * Without --json, prints the text and findings for people.
 */
import { readFile } from 'node:fs/promises';
import { nodePlatform } from './node.js';
import { scanDocument } from './pipeline.js';
import { OcrError, type Fields } from './types.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
	console.error('usage: npm run -s ocr -- [--json] FILE…   (images: JPEG, PNG, WebP; or PDF)');
	process.exit(2);
}

function publicFields(fields: Fields) {
	return {
		labs: fields.labs.map(({ line: _line, ...lab }) => lab),
		medications: fields.medications.map(({ line: _line, ...m }) => m),
		diagnoses: fields.diagnoses,
		dates: fields.dates,
		facility: fields.facility,
		doctor: fields.doctor,
		documentDate: fields.documentDate,
		kind: fields.kind
	};
}

const platform = nodePlatform();
let failures = 0;
for (const file of files) {
	try {
		const bytes = new Uint8Array(await readFile(file));
		const result = await scanDocument(bytes, file, platform);
		if (json) console.log(JSON.stringify({ file, text: result.text, confidence: result.confidence, pages: result.pages, fields: publicFields(result.fields), ...(result.warnings.length ? { warnings: result.warnings.map((w) => w.message) } : {}) }));
		else console.log(`== ${file} (${result.pages} page(s), confidence ${result.confidence})\n${result.text}\n-- findings\n${JSON.stringify(publicFields(result.fields), null, 2)}`);
	} catch (error) {
		failures++;
		const message = error instanceof OcrError ? error.message : error instanceof Error && 'code' in error && error.code === 'ENOENT' ? `${file} does not exist.` : `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`;
		if (json) console.log(JSON.stringify({ file, text: '', confidence: 0, pages: 0, fields: { labs: [], medications: [], diagnoses: [], dates: [] }, error: message }));
		else console.error(`== ${file}: ${message}`);
	}
}
await platform.close();
process.exit(failures ? 1 : 0);
