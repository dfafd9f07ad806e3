/**
 * The sync-server for the fuzzer, in a process of its own: a request that crashes the server ends this
 * process, and the fuzzer sees a stopped server instead of losing its own test worker. Sends
 * `{ url, couchUrl, demoAccounts }` to the parent once it listens. Argument: the data directory.
 */
import { startTestServer } from './harness.js';

// far above what the fuzzer sends: every malformed login and sign-up reaches the code that parses it
const UNLIMITED = { accountFailures: 1_000_000, addressFailures: 1_000_000, signupsPerAddress: 1_000_000 };

const server = await startTestServer({ demo: true, dataDir: process.argv[2], limits: UNLIMITED });
process.send!({ url: server.url, couchUrl: server.couchUrl, demoAccounts: server.demoAccounts });
