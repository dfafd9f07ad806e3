/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />
declare global {
	namespace App {}
	/** folder of this build's OCR engine under /ocr/, set by vite.config.ts */
	const __OCR_ASSETS__: string;
}
export {};
