/** Lab values over time: one series per test (and unit) with at least two numeric readings, oldest first. */
import type { ObservationData } from '../profile/schema.js';

export interface LabSeries {
	key: string;
	name: string;
	unit: string;
	readings: { date: string; value: number }[];
}

export function labSeries(observations: ObservationData[], minimum = 2): LabSeries[] {
	const groups = new Map<string, LabSeries>();
	for (const o of observations) {
		if (o.category !== 'lab') continue;
		const value = typeof o.value === 'number' ? o.value : Number(String(o.value).replace(',', '.'));
		if (!Number.isFinite(value) || String(o.value).trim() === '') continue;
		const key = `${o.name.trim().toLowerCase()}|${o.unit.trim().toLowerCase()}`;
		const series = groups.get(key) ?? { key, name: o.name.trim(), unit: o.unit.trim(), readings: [] };
		series.readings.push({ date: o.takenOn, value });
		groups.set(key, series);
	}
	return [...groups.values()]
		.filter((s) => s.readings.length >= minimum)
		.map((s) => ({ ...s, readings: s.readings.sort((a, b) => a.date.localeCompare(b.date)) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
