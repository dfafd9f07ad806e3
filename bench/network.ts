/**
 * Bytes over the wire, and a slow link, for a page and the service worker it starts, through the DevTools
 * protocol: `Network.emulateNetworkConditions` on each, and the encoded length of every finished
 * transfer (`Network.loadingFinished`). A page request the service worker answers is counted where the
 * worker fetched it, so each network transfer counts once.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface Link {
	latency: number;
	downloadThroughput: number;
	uploadThroughput: number;
}

/** 250 kbit/s down, 50 kbit/s up, 300 ms round trip. */
export const TWO_G: Link = { latency: 300, downloadThroughput: 250_000 / 8, uploadThroughput: 50_000 / 8 };
const UNTHROTTLED: Link = { latency: 0, downloadThroughput: -1, uploadThroughput: -1 };

interface NetworkEvent {
	method: string;
	params: { requestId: string; encodedDataLength?: number; response?: { fromServiceWorker?: boolean } };
}

export class WireMeter {
	/** encoded bytes received by the page itself and by its service worker */
	pageBytes = 0;
	workerBytes = 0;
	private link = UNTHROTTLED;
	private answeredByWorker = new Set<string>();
	private workers: string[] = [];
	private nextId = 1;

	private constructor(private cdp: CDPSession) {}

	/** Starts counting (and throttling, with `link`) before the page's first request. */
	static async attach(page: Page, link: Link = UNTHROTTLED): Promise<WireMeter> {
		const meter = new WireMeter(await page.context().newCDPSession(page));
		meter.link = link;
		await meter.listen();
		return meter;
	}

	get bytes(): number {
		return this.pageBytes + this.workerBytes;
	}

	reset() {
		this.pageBytes = this.workerBytes = 0;
	}

	async throttle(link: Link) {
		this.link = link;
		await this.cdp.send('Network.emulateNetworkConditions', { offline: false, ...link });
		for (const sessionId of this.workers) await this.toWorker(sessionId, 'Network.emulateNetworkConditions', { offline: false, ...link });
	}

	private async listen() {
		this.cdp.on('Network.responseReceived', (e) => {
			if (e.response.fromServiceWorker) this.answeredByWorker.add(e.requestId);
		});
		this.cdp.on('Network.loadingFinished', (e) => {
			if (!this.answeredByWorker.has(e.requestId)) this.pageBytes += e.encodedDataLength;
		});
		// Workers are attached paused, so throttling and counting start before their first fetch.
		this.cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
			if (targetInfo.type === 'service_worker') {
				this.workers.push(sessionId);
				await this.toWorker(sessionId, 'Network.enable');
				await this.toWorker(sessionId, 'Network.emulateNetworkConditions', { offline: false, ...this.link });
			}
			if (waitingForDebugger) await this.toWorker(sessionId, 'Runtime.runIfWaitingForDebugger');
		});
		this.cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
			const event = JSON.parse(message) as Partial<NetworkEvent>;
			if (event.method === 'Network.loadingFinished') this.workerBytes += event.params!.encodedDataLength ?? 0;
		});
		await this.cdp.send('Network.enable');
		await this.cdp.send('Network.emulateNetworkConditions', { offline: false, ...this.link });
		await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
	}

	/** A command to an attached worker (the non-flattened protocol: the message travels as text). */
	private toWorker(sessionId: string, method: string, params: object = {}) {
		const message = JSON.stringify({ id: this.nextId++, method, params });
		return this.cdp.send('Target.sendMessageToTarget', { sessionId, message });
	}
}

export const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
