/// <reference types="vite-plugin-pwa/client" />
/// <reference types="vite-plugin-pwa/info" />
declare global {
	namespace App {}
	/** folder of this build's OCR engine under /ocr/, set by vite.config.ts */
	const __OCR_ASSETS__: string;
	/** version of the recommender model, set by vite.config.ts */
	const __RECOMMENDER_MODEL__: string;
}
export {};
