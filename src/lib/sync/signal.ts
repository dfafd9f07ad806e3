/**
 * The device's one change signal: a loop of `GET /api/changes?since=<token>` long-polls, each answer
 * naming the account's databases that changed. Replications pull when their database is named, so a
 * profile holds one waiting request however many collections it replicates (a browser keeps ~6
 * HTTP/1.1 connections per origin; see docs/architecture.md, "Collections and sync").
 */
export interface SignalOptions {
	/** the databases that changed since the last answer (the first answer names them all) */
	changed(databases: string[]): void;
	unauthorized(): void;
	/** the server could not be reached or refused: the loop waits `retryMs` and asks again */
	failed?(error: unknown): void;
	/** The sync-server's origin; the page's own in the app. */
	baseUrl?: string;
	fetch?: typeof fetch;
	retryMs?: number;
}

export interface ChangeSignal {
	stop(): void;
}

export function watchChanges({ changed, unauthorized, failed, baseUrl = location.origin, fetch: transport = fetch, retryMs = 5000 }: SignalOptions): ChangeSignal {
	const abort = new AbortController();
	const pause = () =>
		new Promise<void>((done) => {
			const timer = setTimeout(done, retryMs);
			abort.signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
		});

	(async () => {
		let since: string | null = null;
		while (!abort.signal.aborted) {
			try {
				const query = since === null ? '' : `?since=${encodeURIComponent(since)}`;
				const res = await transport(`${baseUrl}/api/changes${query}`, { credentials: 'same-origin', cache: 'no-store', signal: abort.signal });
				if (res.status === 401) return unauthorized();
				// a token the server no longer accepts (a staff role revoked): start again from everything
				if (res.status === 400 && since !== null) {
					since = null;
					continue;
				}
				if (!res.ok) throw new Error(`The change signal answered ${res.status}`);
				const body = (await res.json()) as { changed: string[]; since: string };
				since = body.since;
				if (body.changed.length) changed(body.changed);
			} catch (error) {
				if (abort.signal.aborted) return;
				failed?.(error);
				await pause();
			}
		}
	})();

	return { stop: () => abort.abort() };
}
