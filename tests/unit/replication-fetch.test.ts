import { describe, expect, it } from 'vitest';
import { gatekeeperFetch, ofClinic, UnauthorizedError, type RefusedItem } from '$lib/sync/replication';

function recorder() {
	const refused: RefusedItem[] = [];
	let unauthorized = 0;
	return { refused, count: () => unauthorized, hooks: { refused: (items: RefusedItem[]) => refused.push(...items), unauthorized: () => unauthorized++ } };
}

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('gatekeeperFetch', () => {
	it('reports refused bulk rows and answers them as done so later pushes go on', async () => {
		const r = recorder();
		const rows = [
			{ id: 'a', ok: true, rev: '1-x' },
			{ id: 'b', error: 'forbidden', reason: 'data.severity must be equal to one of the allowed values' },
			{ id: 'c', error: 'conflict', reason: 'Document update conflict.' },
			{ id: 'd', error: 'bad_request', reason: 'data.name is required' },
			{ id: 'e', error: 'too_large' }
		];
		const response = await gatekeeperFetch(r.hooks, answer(201, rows) as typeof fetch)('http://x/couch/db/_bulk_docs', { method: 'POST' });
		expect(await response.json()).toEqual([rows[0], { id: 'b', ok: true }, rows[2], { id: 'd', ok: true }, { id: 'e', ok: true }]);
		expect(r.refused).toEqual([
			{ id: 'b', code: 'refused', reason: 'data.severity must be equal to one of the allowed values' },
			{ id: 'd', code: 'refused', reason: 'data.name is required' },
			{ id: 'e', code: 'refused', reason: 'too_large' }
		]);
	});

	it('passes other answers through untouched', async () => {
		const r = recorder();
		const body = { results: [{ id: 'a' }], last_seq: '5' };
		const response = await gatekeeperFetch(r.hooks, answer(200, body) as typeof fetch)('http://x/couch/db/_changes');
		expect(await response.json()).toEqual(body);
		expect(r.refused).toEqual([]);
	});

	it('turns a 401 into a sign-in request instead of an endless retry', async () => {
		const r = recorder();
		await expect(gatekeeperFetch(r.hooks, answer(401, { error: 'unauthorized' }) as typeof fetch)('http://x/couch/db/_changes')).rejects.toBeInstanceOf(UnauthorizedError);
		expect(r.count()).toBe(1);
	});
});

describe('ofClinic', () => {
	const schema = (doc: unknown) => ((doc as { status?: unknown }).status === 'booked' ? null : 'status is invalid');
	const check = ofClinic(schema, 'clinic-a');

	it('never lets a document naming another clinic go to this clinic\'s database', () => {
		expect(check({ clinicId: 'clinic-b', status: 'booked' })).toBe('belongs to another clinic');
		expect(check({ clinicId: '', status: 'booked' })).toBe('belongs to another clinic');
	});

	it('applies the shared schema to this clinic\'s documents and to those naming no clinic', () => {
		expect(check({ clinicId: 'clinic-a', status: 'booked' })).toBeNull();
		expect(check({ clinicId: 'clinic-a', status: 'lost' })).toBe('status is invalid');
		expect(check({ status: 'booked' })).toBeNull();
	});
});
