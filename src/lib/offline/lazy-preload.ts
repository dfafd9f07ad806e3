/**
 * Build side: which files Vite's helper preloads with a `<link>` when code is imported lazily. Each link
 * it inserts costs the main thread a synchronous request set-up (~1–2 ms on a phone), all in one task:
 * unlocking inserted 33 of them, 280 ms of blocking under a 4× slower CPU. A route's own code keeps its
 * preloads, since the page's first view waits on the whole tree; code a page loads on demand (the
 * database at unlock, the guide's answer, the scanner) is fetched as the browser meets its imports,
 * which the service worker answers from the device. Stylesheets are always kept: Vite adds them itself.
 */
import type { ResolveModulePreloadDependenciesFn } from 'vite';

const ROUTE_NODE = /(^|\/)nodes\/[^/]+\.js$/;

export const preloadRouteCodeOnly: ResolveModulePreloadDependenciesFn = (file, deps) => (ROUTE_NODE.test(file) ? deps : []);
