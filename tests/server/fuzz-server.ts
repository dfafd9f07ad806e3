/**
 * The sync-server in a process of its own, for the fuzzer (a request that crashes the server ends this
 * process, and the fuzzer sees a stopped server instead of losing its own test worker) and for tests that
 * kill the server on purpose (booking-restart.test.ts). Sends
 * `{ url, couchUrl }` to the parent once it listens (the demo accounts are in the data directory's
 * `demo-accounts.json`). Argument: the data directory.
 */
import { DEFAULT_LIMITS, type Limits } from '../../sync-server/context.js';
import { startTestServer } from './harness.js';

// far above what the fuzzer sends: every malformed login and sign-up reaches the code that parses it
const UNLIMITED = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((key) => [key, 1_000_000])) as unknown as Limits;

// a change signal answers "nothing changed" at once instead of after 25 s: the fuzzer waits 5 s at most
const server = await startTestServer({ demo: true, dataDir: process.argv[2], limits: UNLIMITED, signalWaitMs: 300 });
process.send!({ url: server.url, couchUrl: server.couchUrl });
