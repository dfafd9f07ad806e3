/** Shapes shared by the OCR pipeline in the browser and in Node. */

/** Four bytes per pixel (RGBA), like the browser's ImageData. */
export interface RgbaImage {
	width: number;
	height: number;
	data: Uint8ClampedArray | Uint8Array;
}

/** One byte per pixel, 0 = black, 255 = white. */
export interface GrayImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
}

export type Flag = 'high' | 'low' | 'normal';

/** Why a value needs the patient's eye before it is saved. */
export type CheckReason = 'decimal' | 'implausible' | 'low-confidence';

export interface LabFinding {
	/** the test's standard name, for linking and trends ("Potassium") */
	name: string;
	/** the name as the paper prints it ("Serum Potassium", "K+"), shown to the patient */
	printed: string;
	/** the value as a number where it is one ("5.9"), else as read ("Positive", "150/95") */
	value: number | string;
	/** as printed ("IU/L", "G/L", "x10^9/L"); an OCR slip is replaced by the unit it must be */
	unit: string;
	/** the printed reference range, e.g. "4.0-6.0", "<5.2", "Negative" (a word result's normal), or "" */
	range: string;
	/** against the printed range, else the known adult range; null when neither is known */
	flag: Flag | null;
	/** set when the value should be confirmed: what was read and why it looks wrong */
	check?: CheckReason;
	read?: string;
	line?: string;
}

export interface MedicationFinding {
	name: string;
	strength: string;
	dose: string;
	frequency: string;
	duration: string;
	check?: CheckReason;
	line?: string;
}

export interface DiagnosisFinding {
	name: string;
	check?: CheckReason;
}

export interface DateFinding {
	/** ISO yyyy-mm-dd */
	date: string;
	/** what the date is of, when the document says: collected, reported, admitted, discharged, birth, … */
	label: string;
	text: string;
}

export interface Fields {
	labs: LabFinding[];
	medications: MedicationFinding[];
	diagnoses: DiagnosisFinding[];
	dates: DateFinding[];
	facility: string;
	doctor: string;
	/** the date the findings are of (collection / report / discharge date), ISO, or "" */
	documentDate: string;
	kind: 'lab-report' | 'prescription' | 'discharge-letter' | 'referral-letter' | 'clinic-form' | 'other';
}

export interface RecognizedWord {
	text: string;
	confidence: number;
}

/** A line as the recogniser read it, with its box on the prepared page (pixels): for checking unsure lines against the image. */
export interface RecognizedLine {
	text: string;
	/** 0–100 */
	confidence: number;
	box: { x: number; y: number; width: number; height: number };
}

export interface PageResult {
	text: string;
	/** 0–100; 100 for text read from a PDF's text layer */
	confidence: number;
	words: RecognizedWord[];
	source: 'ocr' | 'text-layer';
	/** the lines recognised, in reading order, boxes on the prepared page (`prepared` gives its size) */
	lines?: RecognizedLine[];
	/** what preparation did, for the curious and for tests; `turned`: clockwise degrees the page was turned upright */
	prepared?: { width: number; height: number; angle: number; cropped: boolean; scale: number; turned?: number };
}

export interface ScanResult {
	text: string;
	confidence: number;
	pages: number;
	pageResults: PageResult[];
	fields: Fields;
	/** the first page, prepared, for keeping a compressed copy with the document */
	preview?: GrayImage;
	/** what is worth showing that did not stop the scan ("page 2 has no text") */
	warnings: ScanWarning[];
}

/** A problem that did not stop the scan: its kind and page (for the screen's words), and the words in English. */
export interface ScanWarning {
	code: 'blank-page' | 'no-text-page' | 'truncated';
	page?: number;
	message: string;
}

export type Stage = 'reading' | 'loading-engine' | 'preparing' | 'recognising' | 'extracting' | 'done';

export interface Progress {
	stage: Stage;
	page: number;
	pages: number;
	/** 0–1 over the whole document */
	fraction: number;
	message: string;
}

export type OcrErrorCode = 'empty' | 'not-supported' | 'corrupt' | 'password' | 'no-text' | 'cancelled' | 'engine' | 'too-large';

/** A failure with a message fit for the patient (in English; the screen words it by `code` and `format`). */
export class OcrError extends Error {
	constructor(
		readonly code: OcrErrorCode,
		message: string,
		/** the file's format, when the failure is about it ('HEIC', 'PDF') */
		readonly format?: string
	) {
		super(message);
		this.name = 'OcrError';
	}
}
