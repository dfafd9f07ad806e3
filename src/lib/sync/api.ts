/** The sync-server's account API (see docs/architecture.md), as one small wrapper. */
import { m } from '../paraglide/messages.js';
import type { ClinicSettings, EmergencyRecords, OpenReport } from '../sharing/access.js';
import type { StaffGrant, StaffMember } from '../staff/roles.js';
import type { NewPass, PassInfo, PassRequest, PassSummary } from '../sharing/pass/schema.js';

export interface ServerSession {
	name: string;
	roles: string[];
	databases: string[];
}

export class ApiError extends Error {
	constructor(
		message: string,
		readonly status: number
	) {
		super(message);
	}
}

/** Thrown when the server cannot be reached at all, so callers can tell "offline" from "refused". */
export class OfflineError extends Error {
	constructor() {
		super(m.sync_no_connection());
	}
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
	let response: Response;
	try {
		response = await fetch(path, {
			credentials: 'same-origin',
			...init,
			headers: { 'content-type': 'application/json', ...(init.headers ?? {}) }
		});
	} catch {
		throw new OfflineError();
	}
	const body = await response.json().catch(() => ({}));
	if (!response.ok) {
		const retry = response.headers.get('retry-after');
		const message = body.reason ?? body.error ?? `The server answered ${response.status}.`;
		throw new ApiError(retry ? `${message} Try again in ${Math.ceil(Number(retry) / 60)} minute(s).` : message, response.status);
	}
	return body as T;
}

const post = <T>(path: string, body?: unknown) => call<T>(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined });

const clinicPath = (clinicId: string, what: string) => `/api/clinics/${encodeURIComponent(clinicId)}/${what}`;
const staffPath = (clinicId: string) => clinicPath(clinicId, 'staff');

export const api = {
	signup: (name: string, password: string) => post<ServerSession>('/api/signup', { name, password }),
	login: (name: string, password: string) => post<ServerSession>('/api/login', { name, password }),
	logout: () => post<{ ok: true }>('/api/logout'),
	/** A clinic's staff, for its administrators. */
	staff: (clinicId: string) => call<{ clinicId: string; staff: StaffMember[] }>(staffPath(clinicId)).then((answer) => answer.staff),
	addStaff: (name: string, grant: StaffGrant) =>
		post<{ ok: true; changed: boolean }>(staffPath(grant.clinicId), { name, role: grant.role, ...(grant.practitionerId ? { practitionerId: grant.practitionerId } : {}) }),
	removeStaff: (clinicId: string, name: string, role: StaffGrant['role']) =>
		call<{ ok: true; changed: boolean }>(`${staffPath(clinicId)}/${encodeURIComponent(name)}/${encodeURIComponent(role)}`, { method: 'DELETE' }),
	/** Opens of shared records on this device, for the patients' access logs; answers the ids taken. */
	reportOpens: (clinicId: string, opens: OpenReport[]) => post<{ taken: string[] }>(clinicPath(clinicId, 'opens'), { opens }),
	clinicSettings: (clinicId: string) => call<ClinicSettings & { clinicId: string }>(clinicPath(clinicId, 'settings')),
	setClinicSettings: (clinicId: string, settings: ClinicSettings) => call<ClinicSettings>(clinicPath(clinicId, 'settings'), { method: 'PUT', body: JSON.stringify(settings) }),
	/** A clinic's short replies for its message inbox: its staff read them, its administrators set them. */
	replyTemplates: (clinicId: string) => call<{ templates: string[] }>(clinicPath(clinicId, 'reply-templates')).then((answer) => answer.templates),
	setReplyTemplates: (clinicId: string, templates: string[]) =>
		call<{ templates: string[] }>(clinicPath(clinicId, 'reply-templates'), { method: 'PUT', body: JSON.stringify({ templates }) }).then((answer) => answer.templates),
	/** A checked-in patient's allergies, medications and conditions, for a doctor; logged with the reason. */
	emergency: (clinicId: string, appointmentId: string, reason: string, deviceId: string) =>
		call<EmergencyRecords>(clinicPath(clinicId, 'emergency'), { method: 'POST', body: JSON.stringify({ appointmentId, reason }), headers: { 'x-device-id': deviceId } }),
	/** Visit passes (docs/architecture.md, "Sharing"): the signed-in patient's own, and opening one with its passcode. */
	makePass: (request: PassRequest) => post<NewPass>('/api/passes', request),
	passes: () => call<{ passes: PassInfo[] }>('/api/passes').then((answer) => answer.passes),
	revokePass: (id: string) => call<{ ok: true }>(`/api/passes/${encodeURIComponent(id)}`, { method: 'DELETE' }),
	openPass: (token: string, passcode: string) => post<PassSummary>('/api/pass-views', { token, passcode }),
	/** The current server session, or null when signed out. */
	async session(): Promise<ServerSession | null> {
		try {
			return await call<ServerSession>('/api/session');
		} catch (error) {
			if (error instanceof ApiError && error.status === 401) return null;
			throw error;
		}
	}
};
