vcl 4.1;

# The magazine's edge cache (Varnish 7.1 with varnish-modules' xkey; `make edge` runs it).
#
# Readers' pages are kept as long as the app's Surrogate-Control says and purged by the surrogate keys the app
# names in Surrogate-Key: after a publish the app sends `PURGE` with `xkey-purge: review-12 reviews ...`
# (editorial/edge.py, EDGE_PURGE_URLS). Signed-in editors, previews and the admin always go to the app.
#
# Run varnishd with `-p http_gzip_support=off`: the app compresses its pages itself (br and gzip) and says
# `Vary: Accept-Encoding`; Varnish's own gzip handling would ask it for gzip only and never pass br on.

import std;
import xkey;

# `make edge` writes APP_ADDRESS here.
backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the web processes. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the surrogate keys to purge in xkey-purge"));
        }
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # An editor's session, credentials, the admin and previews: the app's alone, never kept here.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;)\s*sessionid=" || req.url ~ "^/(admin|preview)([/?]|$)") {
        return (pass);
    }
    # A reader's page is the same whatever else the browser keeps (analytics, a csrftoken).
    unset req.http.Cookie;
    set req.http.Host = std.tolower(req.http.Host);
    # One spelling per coding the app makes, so a page has at most three variants.
    if (req.http.Accept-Encoding ~ "(^|[\s,])br([\s,;]|$)") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "(^|[\s,])gzip([\s,;]|$)") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_hash {
    # The app builds its links with the scheme a TLS terminator in front reports: one page for each.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
    # Then the URL and the Host, as Varnish's own vcl_hash does.
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Kept only when the app kept it too: it then says for how long (never past the next scheduled
    # publication, which no purge announces) and names its keys. No Surrogate-Control means the app chose not to
    # keep it (an error page, a redirect, a page about to change), so neither does the edge.
    if (beresp.http.Surrogate-Key && beresp.http.Surrogate-Control && !beresp.http.Set-Cookie) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # What is left of max-age once the Age the app gives (a page its own cache kept a while) is taken off.
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*\bmax-age=([0-9]+).*$", "\1s"), 120s)
            - std.duration(beresp.http.Age + "s", 0s);
        # No grace, so no stale page is served while a new one is fetched, and no keep: an expired page is
        # fetched whole (from the app's own page cache) rather than revalidated, so its headers are the new ones.
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        return (deliver);
    }
    # Not kept; the next request for it goes to the app at once rather than waiting behind this one.
    set beresp.uncacheable = true;
    set beresp.ttl = 60s;
    return (deliver);
}

sub vcl_deliver {
    # Varnish's own decision, for tests and operators (the app's page cache says its own in X-Page-Cache).
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
}

sub vcl_synth {
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}
