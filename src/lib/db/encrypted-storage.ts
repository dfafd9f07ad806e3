/**
 * Field encryption at rest for an RxDB storage (`cipher.ts`), with two savings that matter when a new
 * device pulls thousands of documents:
 * - one key per instance and one Web Crypto call per field;
 * - a document just written is not decrypted again for the change events RxDB emits right after the
 *   write (one per change-stream subscriber: the collection, and a replication's upstream): they get
 *   the plain value the write started from.
 * Only top-level fields are encrypted (all this app's schemas need); the schema lists them in `encrypted`.
 */
import { hasEncryption, newRxError, wrapRxStorageInstance, type RxStorage } from 'rxdb';
import { fieldCipher } from './cipher.js';

/** RxDB's own minimum */
const MINIMUM_PASSWORD_LENGTH = 8;
/** bounds the plain values kept for change events: a pull of thousands of documents fits */
const MAX_RECENT_WRITES = 20_000;
const MAX_RECENT_WRITE_CHARACTERS = 16_000_000;

type Doc = Record<string, unknown>;

export function encryptedStorage<Internals, Options>(storage: RxStorage<Internals, Options>): RxStorage<Internals, Options> {
	return {
		...storage,
		async createStorageInstance(params) {
			const password = params.password;
			if (password !== undefined && (typeof password !== 'string' || password.length < MINIMUM_PASSWORD_LENGTH)) {
				throw newRxError('EN2', { minPassLength: MINIMUM_PASSWORD_LENGTH });
			}
			if (!hasEncryption(params.schema)) return storage.createStorageInstance(params);
			if (!password) throw newRxError('EN3', { database: params.databaseName, collection: params.collectionName, schema: params.schema });
			const fields = params.schema.encrypted as string[];
			if (fields.some((field) => field.includes('.'))) throw new Error('Only top-level fields can be encrypted');
			const storedSchema = { ...params.schema, properties: { ...params.schema.properties } };
			delete storedSchema.encrypted;
			for (const field of fields) (storedSchema.properties as Doc)[field] = { type: 'string' };
			const instance = await storage.createStorageInstance({ ...params, schema: storedSchema as typeof params.schema });

			const cipher = fieldCipher(password);
			/** ciphertext → the JSON it was made from (ciphertexts are unique: each has a random IV); oldest first */
			const recentWrites = new Map<string, string>();
			let recentCharacters = 0;
			function remember(cipherText: string, json: string) {
				const size = cipherText.length + json.length;
				if (size > MAX_RECENT_WRITE_CHARACTERS / 100) return;
				while (recentWrites.size >= MAX_RECENT_WRITES || recentCharacters + size > MAX_RECENT_WRITE_CHARACTERS) {
					const [oldest, oldJson] = recentWrites.entries().next().value as [string, string];
					recentWrites.delete(oldest);
					recentCharacters -= oldest.length + oldJson.length;
				}
				recentWrites.set(cipherText, json);
				recentCharacters += size;
			}
			async function toStorage(doc: Doc) {
				const stored = { ...doc };
				await Promise.all(
					fields.map(async (field) => {
						if (doc[field] === undefined) return;
						const json = JSON.stringify(doc[field]);
						const cipherText = await cipher.encrypt(json);
						remember(cipherText, json);
						stored[field] = cipherText;
					})
				);
				return stored;
			}
			async function fromStorage(stored: Doc) {
				const doc = { ...stored };
				await Promise.all(
					fields.map(async (field) => {
						const cipherText = stored[field];
						if (cipherText === undefined) return;
						if (typeof cipherText !== 'string') throw new Error('An encrypted field is not a string');
						doc[field] = JSON.parse(recentWrites.get(cipherText) ?? (await cipher.decrypt(cipherText)));
					})
				);
				return doc;
			}
			return wrapRxStorageInstance(params.schema, instance, toStorage as never, fromStorage as never);
		}
	};
}
