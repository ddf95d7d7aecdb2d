// service-worker.ts — the lab's offline cache: after the first visit every file of the built site
// (pages, scripts, styles, the wasm engine, fonts, data) is kept in one versioned cache, so every
// page and widget opens without a network.
//
// Built by web/offline-plugin.ts into dist/sw.js: it replaces __ACTLAB_PRECACHE__ with the build's
// file list and a version (a hash of every file), so each build has its own cache name.
// Life cycle (no learner stuck on an old version):
//   install   fetch every file into `actlab-<version>`; the new worker then WAITS while pages of the
//             old version are open (mixing an old page with new chunks would break it);
//   message   {type: 'actlab:activate'} from a page whose learner chose "Reload to update" → take over;
//   activate  delete every other `actlab-` cache, claim the open pages;
//   fetch     same-origin GET: the cached file (pages matched without their ?state query, which
//             only the page's script reads), else the network; anything else goes to the network.
// Written without the WebWorker lib types (the project's tsconfig is DOM only): the few shapes it
// uses are declared below.

interface Manifest { version: string; files: string[] }
interface WaitUntil extends Event { waitUntil(p: Promise<unknown>): void }
interface FetchLike extends WaitUntil { request: Request; respondWith(r: Promise<Response>): void }
interface MessageLike extends Event { data: unknown }
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: WaitUntil) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchLike) => void): void;
  addEventListener(type: 'message', fn: (e: MessageLike) => void): void;
}

declare const __ACTLAB_PRECACHE__: Manifest;
const manifest: Manifest = __ACTLAB_PRECACHE__;
const scope = self as unknown as WorkerScope;
const PREFIX = 'actlab-';
const CACHE = PREFIX + manifest.version;

/** The absolute URL of a site file (the manifest lists paths relative to the site's root). */
const url = (file: string): string => new URL(file, scope.registration.scope).href;

scope.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload' skips the HTTP cache, so a file is never the previous build's copy.
    await cache.addAll(manifest.files.map((f) => new Request(url(f), { cache: 'reload' })));
  })());
});

scope.addEventListener('message', (event) => {
  const data = event.data as { type?: unknown } | null;
  if (data !== null && typeof data === 'object' && data.type === 'actlab:activate') void scope.skipWaiting();
});

scope.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await scope.clients.claim();
  })());
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const page = request.mode === 'navigate' || request.destination === 'iframe';
    // A directory URL (…/activation-lab/) is its index.html.
    const target = page && request.url.split('?')[0]!.endsWith('/') ? new URL('index.html', request.url).href : request;
    const hit = await cache.match(target, { ignoreSearch: page });
    return hit ?? fetch(request);
  })());
});
