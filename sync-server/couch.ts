/**
 * The server's own small CouchDB client: plain fetch with admin basic auth taken from the admin URL
 * (DESIGN pitfall: nano's cookie jar loses the embedded store's AuthSession cookie). Works the same
 * against the embedded store and an Apache CouchDB.
 */
export interface CouchResponse<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

export interface CouchRequest {
	query?: Record<string, string | number | boolean | undefined> | URLSearchParams;
	body?: unknown;
	/** raw body bytes/text, sent as is (takes precedence over `body`) */
	rawBody?: string;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

export class Couch {
	readonly base: string;
	private readonly auth: string | null;

	constructor(adminUrl: string) {
		const url = new URL(adminUrl);
		this.auth = url.username
			? 'Basic ' +
				Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')
			: null;
		url.username = '';
		url.password = '';
		this.base = url.toString().replace(/\/+$/, '');
	}

	/** `path` is already encoded and starts with `/`. */
	async request<T = any>(method: string, path: string, opts: CouchRequest = {}): Promise<CouchResponse<T>> {
		const res = await this.raw(method, path, opts);
		const text = await res.text();
		let body: any = null;
		if (text.trim()) {
			try {
				body = JSON.parse(text);
			} catch {
				body = { error: 'bad_gateway', reason: 'The database answered something that is not JSON.' };
			}
		}
		return { status: res.status, headers: res.headers, body };
	}

	async raw(method: string, path: string, opts: CouchRequest = {}): Promise<Response> {
		let url = this.base + path;
		if (opts.query) {
			const params =
				opts.query instanceof URLSearchParams
					? opts.query
					: new URLSearchParams(
							Object.entries(opts.query)
								.filter(([, v]) => v !== undefined)
								.map(([k, v]) => [k, String(v)])
						);
			const qs = params.toString();
			if (qs) url += (url.includes('?') ? '&' : '?') + qs;
		}
		const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
		if (this.auth) headers.authorization = this.auth;
		let body: string | undefined;
		if (opts.rawBody !== undefined) body = opts.rawBody;
		else if (opts.body !== undefined) body = JSON.stringify(opts.body);
		if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
		return fetch(url, { method, headers, body, signal: opts.signal });
	}

	/**
	 * Creates a database for server admins only (the sync-server opens a user's own databases to them);
	 * an existing one is fine and left as it is. Apache CouchDB may be set to open new databases to every
	 * account it knows (`default_security`): these hold the session secret and the directories.
	 * `shards` is Apache CouchDB's `q` (the embedded store has none): 1 for the many small per-user databases.
	 * Answers whether it created the database.
	 */
	async ensureDatabase(name: string, opts: { shards?: number } = {}): Promise<boolean> {
		const db = '/' + encodeURIComponent(name);
		const res = await this.request('PUT', db, { query: { q: opts.shards } });
		if (res.status === 412) return false;
		if (res.status !== 201 && res.status !== 202) {
			throw new Error(`Could not create database ${name}: ${res.status} ${JSON.stringify(res.body)}`);
		}
		const security = await this.request('PUT', `${db}/_security`, { body: ADMINS_ONLY });
		if (security.status >= 300) throw new Error(`Could not secure database ${name}: ${security.status}`);
		return true;
	}

	/**
	 * Creates the document at `path` unless there is one, and answers the one that stands. On a CouchDB
	 * cluster two creates can both succeed during a partition (each node takes its own); once the copies
	 * meet, the document has conflicting revisions and CouchDB shows every reader the same winner. So it
	 * is read back with `conflicts=true`, the losing revisions are deleted, and the winner is answered:
	 * every process settles on the same document.
	 */
	async createOnce<T extends object>(path: string, doc: T): Promise<T & { _id: string; _rev: string }> {
		const put = await this.request('PUT', path, { body: doc });
		if (put.status !== 201 && put.status !== 202 && put.status !== 409) {
			throw new Error(`Could not create ${path}: ${put.status} ${JSON.stringify(put.body)}`);
		}
		const stored = await this.request('GET', path, { query: { conflicts: true } });
		if (stored.status !== 200) throw new Error(`Could not read ${path}: ${stored.status}`);
		const { _conflicts: losers = [], ...winner } = stored.body as { _conflicts?: string[] } & T & { _id: string; _rev: string };
		for (const rev of losers) {
			const removed = await this.request('DELETE', path, { query: { rev } });
			// another process may have removed it first
			if (removed.status >= 300 && removed.status !== 404 && removed.status !== 409) {
				throw new Error(`Could not remove the losing revision ${rev} of ${path}: ${removed.status}`);
			}
		}
		return winner as T & { _id: string; _rev: string };
	}
}

const ADMINS_ONLY = { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } };
