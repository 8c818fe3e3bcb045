#!/usr/bin/env python3
"""Checks an Atom feed against RFC 4287's rules (the ones a feed reader relies on) and
prints one line per entry: "id<TAB>updated<TAB>title". Exit 1 with the broken rule.
Usage: atom_check.py FILE [--self]   (--self: the feed must link to itself)"""
import datetime
import html.parser
import re
import sys
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def fail(why):
    print("atom_check: " + why, file=sys.stderr)
    sys.exit(1)


def one(parent, name, where):
    found = parent.findall(ATOM + name)
    if len(found) != 1:
        fail("%s has %d <%s>, RFC 4287 wants exactly one" % (where, len(found), name))
    return found[0]


def date(el, where):
    text = (el.text or "").strip()
    if not RFC3339.match(text):
        fail("%s: <%s> %r is not an RFC 3339 date-time" % (where, el.tag.replace(ATOM, ""), text))
    datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))  # a real calendar time
    return text


def iri(text, where):
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text or ""):
        fail("%s: %r is not an IRI (no scheme)" % (where, text))


class HtmlCheck(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.text = ""

    def handle_data(self, data):
        self.text += data


def main():
    path, want_self = sys.argv[1], "--self" in sys.argv
    root = ET.parse(path).getroot()
    if root.tag != ATOM + "feed":
        fail("the root is %s, not an Atom <feed>" % root.tag)
    iri(one(root, "id", "the feed").text, "the feed's id")
    one(root, "title", "the feed")
    date(one(root, "updated", "the feed"), "the feed")
    feed_author = root.findall(ATOM + "author")
    links = root.findall(ATOM + "link")
    if want_self and not any(l.get("rel") == "self" and l.get("href", "").startswith("http") for l in links):
        fail("the feed has no absolute rel=\"self\" link")
    ids = set()
    for n, entry in enumerate(root.findall(ATOM + "entry"), 1):
        where = "entry %d" % n
        entry_id = one(entry, "id", where).text
        iri(entry_id, where + "'s id")
        if entry_id in ids:
            fail("%s: id %s is used twice" % (where, entry_id))
        ids.add(entry_id)
        title = one(entry, "title", where).text or ""
        if not title.strip():
            fail(where + " has an empty title")
        updated = date(one(entry, "updated", where), where)
        for p in entry.findall(ATOM + "published"):
            date(p, where)
        if not feed_author and not entry.findall(ATOM + "author"):
            fail(where + " has no author and the feed has none")
        for a in entry.findall(ATOM + "author"):
            one(a, "name", where + "'s author")
        alternates = {}
        for l in entry.findall(ATOM + "link"):
            if not l.get("href"):
                fail(where + " has a link without href")
            if l.get("rel", "alternate") == "alternate":
                key = (l.get("type"), l.get("hreflang"))
                if key in alternates:
                    fail(where + " has two alternate links of one type")
                alternates[key] = l.get("href")
        content = one(entry, "content", where)
        if content.get("type") != "html":
            fail(where + "'s content is not type=\"html\"")
        parser = HtmlCheck()
        parser.feed(content.text or "")
        if not parser.text.strip():
            fail(where + "'s content has no text")
        print("%s\t%s\t%s" % (entry_id, updated, title))


main()
