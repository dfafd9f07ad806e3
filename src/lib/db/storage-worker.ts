/**
 * The profile database's storage, run in a Web Worker: IndexedDB writes and field encryption are most of
 * the work when a device pulls thousands of records, and here they run beside the page, not in it.
 * The page talks to it through RxDB's remote storage (`local.ts`).
 */
import { exposeRxStorageRemote } from 'rxdb/plugins/storage-remote';
import type { MessageToRemote } from 'rxdb/plugins/storage-remote';
import { Subject } from 'rxjs';
import { dexieStorage } from './dexie.js';
import { encryptedStorage } from './encrypted-storage.js';

const messages$ = new Subject<MessageToRemote>();
// the page sends JSON (local.ts)
self.addEventListener('message', (event: MessageEvent<string>) => messages$.next(JSON.parse(event.data) as MessageToRemote));
exposeRxStorageRemote({ storage: encryptedStorage(dexieStorage()), messages$, send: (message) => self.postMessage(message) });
