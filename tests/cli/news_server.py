#!/usr/bin/env python3
"""A loopback news site for the URL and watch tests (issue 15): a feed that changes, its
story pages, a redirect, a slow page, a 500, a page whose charset only HTTP gives, a
gzip-encoded page and one too big. Conditional GETs are honoured (ETag, Last-Modified).
Every request is logged, one line each, to LOG as "path|If-None-Match|User-Agent".
Usage: news_server.py PORT STATE_DIR   (STATE_DIR/items holds how many items the feed has)
The stories are written for these tests; no real outlet's text."""
import gzip
import http.server
import os
import sys
import time

STORIES = [
    ("Fire on the Port Ellery ferry: 40 passengers rescued",
     "2026-03-02",
     ["Forty passengers were rescued from the ferry Aldous Grey on Monday after a fire broke out in its engine room "
      "two miles off Port Ellery, the coastguard said.",
      "\u201cEveryone on board is accounted for,\u201d said coastguard commander Ilse Marran. \u201cThe crew did "
      "exactly what they were trained to do.\u201d",
      "Three crew members were taken to hospital with smoke inhalation. The ferry was towed back to harbour in the "
      "afternoon."]),
    ("Port Ellery ferry fire began in a fuel line, operator says",
     "2026-03-03",
     ["The fire that forced the evacuation of the ferry Aldous Grey off Port Ellery began in a leaking fuel line, its "
      "operator, Ellery Sound Ferries, said on Tuesday.",
      "All 40 passengers were rescued on Monday and three crew members were treated in hospital for smoke "
      "inhalation. \u201cWe will not sail the Aldous Grey again until the inspectors are satisfied,\u201d said the "
      "company's chief executive, Dara Quill.",
      "The coastguard praised the crew for mustering passengers on the upper deck within minutes."]),
    ("Inspectors board the Aldous Grey after Port Ellery ferry fire",
     "2026-03-04",
     ["Marine accident inspectors boarded the ferry Aldous Grey in Port Ellery on Wednesday, two days after a fire in "
      "its engine room forced the rescue of 40 passengers.",
      "\u201cWe are looking at the fuel system and at how the fire spread,\u201d said chief inspector Rowan Tell. "
      "The three crew members treated for smoke inhalation have left hospital.",
      "Ellery Sound Ferries said the crossing would run with a chartered vessel until the inquiry ends."]),
]


def page(i):
    title, date, paragraphs = STORIES[i]
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | Ellery Gazette</title>\n"
            "<meta property=\"og:site_name\" content=\"Ellery Gazette\">\n"
            "<meta property=\"article:published_time\" content=\"%sT09:00:00Z\"></head>\n"
            "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
            "<article><h1>%s</h1>\n%s</article>\n<footer>Ellery Gazette, all rights reserved</footer></body></html>\n"
            % (title, date, title, body)).encode("utf-8")


def feed(base, count):
    items = ""
    for i in range(count):
        title, date, paragraphs = STORIES[i]
        items += ("<item><title>%s</title><link>%s/story/%d.html</link><guid>%s/story/%d.html</guid>"
                  "<pubDate>%s</pubDate><description>%s</description></item>\n"
                  % (title, base, i + 1, base, i + 1, time.strftime("%a, %d %b %Y 09:00:00 GMT",
                                                                      time.strptime(date, "%Y-%m-%d")),
                     paragraphs[0][:90]))
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Ellery Gazette</title>"
            "<link>%s/</link>\n%s</channel></rss>\n" % (base, items)).encode("utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # a client that gave up (the timeout and size-cap tests)

    def reply(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        state = self.server.state_dir
        with open(os.path.join(state, "log"), "a") as log:
            log.write("%s|%s|%s\n" % (self.path, self.headers.get("If-None-Match", ""),
                                      self.headers.get("User-Agent", "")))
        with open(os.path.join(state, "times"), "a") as times:
            times.write("%s %.3f\n" % (self.path, time.monotonic()))
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        path = self.path
        if path == "/feed.rss":
            with open(os.path.join(state, "items")) as f:
                count = int(f.read().strip())
            etag = '"items-%d"' % count
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.reply(200, feed(base, count), "application/rss+xml", [("ETag", etag),
                                                                       ("Last-Modified", "Mon, 02 Mar 2026 09:00:00 GMT")])
        elif path == "/relative.rss":  # links relative to the feed's address
            self.reply(200, feed(base, 1).replace(base.encode(), b""), "application/rss+xml")
        elif path.startswith("/story/") and path.endswith(".html"):
            n = path[len("/story/"):-len(".html")]
            if not n.isdigit() or not 1 <= int(n) <= len(STORIES):
                self.reply(404, b"<html><body>no such story</body></html>")
            else:
                self.reply(200, page(int(n) - 1))
        elif path == "/moved":
            self.reply(301, b"", headers=[("Location", "/story/1.html")])
        elif path == "/slow":
            time.sleep(3)
            self.reply(200, page(0))
        elif path == "/error":
            self.reply(500, b"<html><body>internal error</body></html>")
        elif path == "/latin1":
            html = page(0).decode("utf-8").replace('<meta charset="utf-8">', "").replace(
                "Forty passengers", "Forty passengers (caf\u00e9 staff among them)")
            self.reply(200, html.encode("iso-8859-1", "replace"), "text/html; charset=ISO-8859-1")
        elif path == "/gzip.html":
            self.reply(200, gzip.compress(page(1)), headers=[("Content-Encoding", "gzip")])
        elif path == "/big":
            self.reply(200, page(0) + b"<!--" + b"x" * (2 << 20) + b"-->")
        elif path == "/empty":
            self.reply(200, b"")
        else:
            self.reply(404, b"<html><body>not found</body></html>")


def main():
    port, state_dir = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.state_dir = state_dir
    server.serve_forever()


if __name__ == "__main__":
    main()
