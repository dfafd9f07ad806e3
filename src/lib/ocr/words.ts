/** What the scanner tells the person, in the reader's language (the pipeline's own words stay English for the command line). */
import { m } from '../paraglide/messages.js';
import type { CheckReason, OcrError, OcrErrorCode, Progress, ScanWarning, Stage } from './types.js';

const STAGES: Record<Stage, (p: { name: string; page: number; pages: number }) => string> = {
	reading: m.ocr_stage_reading,
	'loading-engine': m.ocr_stage_loading_engine,
	preparing: m.ocr_stage_preparing,
	recognising: m.ocr_stage_recognising,
	extracting: m.ocr_stage_extracting,
	done: m.ocr_stage_done
};
/** Where the reading is: 'Reading the text of page 2 of 3'. */
export const progressText = (progress: Progress, name: string): string => STAGES[progress.stage]({ name, page: progress.page, pages: progress.pages });

const WARNINGS: Record<ScanWarning['code'], (p: { name: string; page: number }) => string> = {
	'blank-page': m.ocr_warning_blank_page,
	'no-text-page': m.ocr_warning_no_text_page,
	truncated: m.ocr_warning_truncated
};
export const warningText = (warning: ScanWarning, name: string): string => WARNINGS[warning.code]({ name, page: warning.page ?? 1 });

const ERRORS: Record<OcrErrorCode, (p: { name: string; format: string }) => string> = {
	empty: m.ocr_error_empty,
	'not-supported': m.ocr_error_not_supported,
	corrupt: m.ocr_error_corrupt,
	password: m.ocr_error_password,
	'no-text': m.ocr_error_no_text,
	cancelled: m.ocr_error_cancelled,
	engine: m.ocr_error_engine,
	'too-large': m.ocr_error_too_large
};
/** Why a file could not be read, and what to do. */
export function errorText(error: OcrError, name: string): string {
	if (error.code === 'not-supported' && error.format) return m.ocr_error_format_not_supported({ name, format: error.format });
	return ERRORS[error.code]({ name, format: error.format ?? '' });
}

const CHECKS: Record<CheckReason, () => string> = { decimal: m.ocr_reason_decimal, implausible: m.ocr_reason_implausible, 'low-confidence': m.ocr_reason_low_confidence };
/** Why a finding needs the person's check. */
export const checkReason = (check: CheckReason): string => CHECKS[check]();
