/* Landa offline reading (a service worker, served at /sw.js for the whole site).
   Keeps what the reader asked to keep: their own checklist page and the guides it links, saved when
   the checklist is opened (checklist.js posts the list), plus the site's static files. Nothing else is
   stored: never the workspace, the admin, the API or a firm's /c/ page, and never a no-store answer.
   Pages come from the network first; the saved copy only when the network fails. */
"use strict";
var CACHE = "landa-offline-v1";
var NEVER = /^\/(admin|django-admin|api|healthz|documents|c|sw\.js)(\/|$)|^\/(en|sv|ar|so)\/(c|workspace)(\/|$)/;

function allowed(url) {
  return url.origin === self.location.origin && !NEVER.test(url.pathname);
}

function storable(response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "save" || !Array.isArray(data.urls)) { return; }
  var urls = data.urls.slice(0, 80).map(function (u) { return new URL(u, self.location.href); }).filter(allowed);
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return fetch(url.href, { credentials: "same-origin" }).then(function (response) {
        if (storable(response)) { return cache.put(url.href, response); }
        return null;
      }).catch(function () { return null; });
    }));
  }).then(function () {
    if (event.source) { event.source.postMessage({ type: "saved" }); }
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (!allowed(url)) { return; }
  var isStatic = url.pathname.indexOf("/static/") === 0;
  event.respondWith(fetch(request).then(function (response) {
    if (isStatic && storable(response)) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreVary: true }).then(function (saved) {
      return saved || Response.error();
    });
  }));
});
