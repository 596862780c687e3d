#!/usr/bin/env python3
"""Fills unfinished entries of the Chinese catalogue from a TSV file.

Usage: scripts/ts_fill.py FILE.tsv  (each line: English source<TAB>Chinese)
Only entries still marked unfinished are touched; the rest stay as they are.
"""
import html
import re
import sys

TS = "resources/translations/ipclab_zh_CN.ts"


def main() -> int:
    pairs = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                en, zh = line.split("\t", 1)
                pairs[en] = zh
    text = open(TS, encoding="utf-8").read()
    pattern = re.compile(
        r"(<source>([^<]*)</source>\s*(?:<comment>[^<]*</comment>\s*)?)"
        r'<translation type="unfinished">(.*?)</translation>', re.S)
    left = []

    def fill(m):
        source = html.unescape(m.group(2))
        if source in pairs:
            return m.group(1) + "<translation>" + html.escape(pairs[source], quote=False) + "</translation>"
        left.append(source)
        return m.group(0)

    text = pattern.sub(fill, text)
    open(TS, "w", encoding="utf-8").write(text)
    for s in left:
        print("still unfinished:", s)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
