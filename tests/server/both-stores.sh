#!/usr/bin/env bash
# `npm run test:server`: the server suite on the embedded store and, when TEST_COUCHDB_URL names a test
# Apache CouchDB, on that too — at the same time, since each run keeps about one core busy and they share
# nothing (the embedded runs keep their data in their own temporary folders). The embedded run's output
# is printed after the CouchDB run's, so neither is interleaved.
set -uo pipefail
if [ -z "${TEST_COUCHDB_URL:-}" ]; then
	TEST_COUCHDB_URL= npx vitest run --project server || exit
	echo 'TEST_COUCHDB_URL is not set: the server suite ran on the embedded store only'
	exit 0
fi
embedded_log=$(mktemp)
trap 'rm -f "$embedded_log"' EXIT
TEST_COUCHDB_URL= npx vitest run --project server > "$embedded_log" 2>&1 &
embedded=$!
echo '=== server suite on Apache CouchDB'
npx vitest run --project server
couchdb_status=$?
wait "$embedded"
embedded_status=$?
echo '=== server suite on the embedded store'
cat "$embedded_log"
[ "$couchdb_status" -eq 0 ] && [ "$embedded_status" -eq 0 ]
