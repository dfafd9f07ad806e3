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
	/** authenticate as this user instead of the admin (used for `/_session` checks) */
	noAuth?: boolean;
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
		if (this.auth && !opts.noAuth) headers.authorization = this.auth;
		let body: string | undefined;
		if (opts.rawBody !== undefined) body = opts.rawBody;
		else if (opts.body !== undefined) body = JSON.stringify(opts.body);
		if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
		return fetch(url, { method, headers, body, signal: opts.signal });
	}

	/** Creates a database; an existing one is fine. */
	async ensureDatabase(name: string): Promise<void> {
		const res = await this.request('PUT', '/' + encodeURIComponent(name));
		if (res.status !== 201 && res.status !== 202 && res.status !== 412) {
			throw new Error(`Could not create database ${name}: ${res.status} ${JSON.stringify(res.body)}`);
		}
	}
}
