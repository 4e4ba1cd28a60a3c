# Landa's caching rules, included by default.vcl (which names the backend). The application decides
# what is shareable (Cache-Control: public with s-maxage, see portal/caching.py); Varnish honours it,
# strips cookies from anonymous requests for public pages, passes the admin, the firms' workspace and
# /c/ links untouched, and accepts PURGE only from the application (Wagtail's frontend cache) on the internal port.

import std;

# Who may purge: the application, which reaches Varnish on its own listening socket named "purge"
# (`-a purge=:6081`, never published to the internet), from a private address.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

sub vcl_recv {
    call landa_backend;
    if (req.method == "PURGE") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # "/path/*" bans everything under /path/; "/path" bans it with any query string.
        if (req.url ~ "\*$") {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\*$", ""));
        } else {
            ban("obj.http.x-url ~ ^" + regsub(req.url, "\?.*$", "") + "(\?|$)");
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Personal and editorial: never from the cache, cookies untouched.
    if (req.url ~ "^/admin/" || req.url ~ "^/([a-z]{2}/)?(workspace|c)(/|$)"
        || req.url ~ "^/healthz" || req.url ~ "^/language/" || req.url ~ "^/_util/") {
        return (pass);
    }
    # A signed-in reader (editor, firm member) gets private answers from the application.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anonymous: the public pages do not depend on cookies (the language is in the path), so drop
    # them and share one copy. "/" redirects by the language cookie, so it keeps its cookies.
    if (req.url != "/" && req.url !~ "^/\?") {
        unset req.http.Cookie;
    }
    # Campaign parameters never change a page.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|msclkid|mtm_[a-z]+)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&&+", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    return (hash);
}

sub vcl_hash {
    # One site: the host does not split the cache (and purges need not know it).
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_response {
    # Lets bans run in the background (ban lurker): bans test the object, not the request.
    set beresp.http.x-url = bereq.url;
    # Only what the application called shareable; anything with a cookie never is.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # s-maxage sets beresp.ttl (Varnish reads it before max-age); stale-while-revalidate sets grace.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1") + "s", 60s);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # Downstream (browsers) revalidate with the ETag; only Varnish keeps the copy.
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
