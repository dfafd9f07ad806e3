/** Turning timings into the figures `npm run bench` prints. */
export interface Figure {
	name: string;
	value: number;
	unit: string;
	target: number;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The median and 95th percentile of `times` (ms) as two figures named `<prefix>-median-ms` and `<prefix>-p95-ms`. */
export function medianAndP95(prefix: string, times: number[], target: number, wanted: (name: string) => boolean): Figure[] {
	const round = (ms: number) => Math.round(ms * 100) / 100;
	return (['median', 'p95'] as const)
		.map((which) => ({ name: `${prefix}-${which}-ms`, value: round(percentile(times, which === 'median' ? 50 : 95)), unit: 'ms', target }))
		.filter((figure) => wanted(figure.name));
}
