/** A QR code of a visit pass link as inline SVG markup (the `qrcode` package, loaded when a pass is made). */
export async function qrSvg(text: string): Promise<string> {
	const { toString } = await import('qrcode');
	return toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
