vcl 4.1;
# Landa's caching proxy: the `cache` service of docker-compose.yml, in front of the `web` service
# on port 8000. The rules are in landa.vcl. `web` is resolved again every few seconds and may have
# several addresses (`docker compose up --scale web=3`): vmod_dynamic, shipped in the official
# varnish image, spreads requests over all of them (a static backend allows only one address).

import dynamic;

backend default none;

sub vcl_init {
    new web = dynamic.director(port = "8000", ttl = 10s, first_byte_timeout = 30s, connect_timeout = 2s);
}

sub landa_backend {
    set req.backend_hint = web.backend("web");
}

include "landa.vcl";
