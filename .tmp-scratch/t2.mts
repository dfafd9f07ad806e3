import { startEmbeddedStore } from '/work/main/sync-server/store.ts';
const s = await startEmbeddedStore('/tmp/hs-t1');
const u = new URL(s.adminUrl);
const auth = 'Basic ' + Buffer.from(decodeURIComponent(u.username)+':'+decodeURIComponent(u.password)).toString('base64');
const base = `http://${u.host}`;
async function r(method: string, path: string, body?: unknown, headers: Record<string,string> = {}) {
  const t = Date.now();
  const res = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body ? JSON.stringify(body) : undefined });
  console.log(method, path, res.status, JSON.stringify((await res.text()).slice(0, 300)), Date.now()-t);
}
process.on('exit', (c) => console.log('exit', c));
await r('GET', '/foo', undefined, { authorization: auth });
await r('GET', '/foo/_changes?since=0', undefined, { authorization: auth });
await s.close();
const s2 = await startEmbeddedStore('/tmp/hs-t1');
console.log('restarted', s2.adminUrl === s.adminUrl);
const u2 = new URL(s2.adminUrl);
const r2 = await fetch(`http://${u2.host}/_all_dbs`, { headers: { authorization: auth } });
console.log(r2.status, await r2.text());
await s2.close();
