/**
 * Field encryption at rest for an RxDB storage, in the format of RxDB's crypto-js plugin (`cipher.ts`),
 * with two savings that matter when a new device pulls thousands of documents:
 * - AES runs in Web Crypto;
 * - a document just written is not decrypted again for the change event RxDB emits right after the
 *   write: the event gets the plain value the write started from.
 * Only top-level fields are encrypted (all this app's schemas need); the schema lists them in `encrypted`.
 */
import { hasEncryption, newRxError, wrapRxStorageInstance, type RxStorage } from 'rxdb';
import { decryptText, encryptText } from './cipher.js';

/** RxDB's own minimum */
const MINIMUM_PASSWORD_LENGTH = 8;
/** bounds the plain values kept for change events that never come (a write refused by the store) */
const MAX_RECENT_WRITES = 20_000;

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

			/** ciphertext → the JSON it was made from (ciphertexts are unique: each has a random salt) */
			const recentWrites = new Map<string, string>();
			async function toStorage(doc: Doc) {
				const stored = { ...doc };
				await Promise.all(
					fields.map(async (field) => {
						if (doc[field] === undefined) return;
						const json = JSON.stringify(doc[field]);
						const cipherText = await encryptText(json, password as string);
						if (recentWrites.size >= MAX_RECENT_WRITES) recentWrites.delete(recentWrites.keys().next().value as string);
						recentWrites.set(cipherText, json);
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
						let json = recentWrites.get(cipherText);
						if (json === undefined) json = await decryptText(cipherText, password as string);
						else recentWrites.delete(cipherText);
						doc[field] = JSON.parse(json);
					})
				);
				return doc;
			}
			return wrapRxStorageInstance(params.schema, instance, toStorage as never, fromStorage as never);
		}
	};
}
