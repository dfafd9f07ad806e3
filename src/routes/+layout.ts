// A client-only app: the data lives on the device, so nothing is rendered on a server.
export const ssr = false;
export const prerender = false;
