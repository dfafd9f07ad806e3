/**
 * The store of the benchmarks that touch one: the Apache CouchDB at `COUCHDB_URL` when that is set (as for
 * `npm start`; never wiped, so runs use new account names), else a new embedded store.
 */
export const benchCouchUrl = process.env.COUCHDB_URL || undefined;
