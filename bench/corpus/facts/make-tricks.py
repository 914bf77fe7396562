#!/usr/bin/env python3
"""Writes tune.tsv and holdout.tsv: each *.base.tsv line as written, and for every third line one
variant with a Unicode trick in the value, so the corpus checks the folding too. Run from this
directory; the output is committed, so the bench does not depend on Python.

Tricks, in turn: fullwidth letters, Cyrillic look-alikes, zero-width spaces inside words, upper
case, accents decomposed (NFD), accents dropped, a soft hyphen inside a word."""
import unicodedata

CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "s": "ѕ"}


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def cyrillic(s):
    return "".join(CYRILLIC.get(c, c) for c in s)


def zero_width(s):
    return "".join(c + "\u200b" if c.isalpha() and i % 3 == 1 else c for i, c in enumerate(s))


def upper(s):
    return s.upper()


def nfd(s):
    return unicodedata.normalize("NFD", s)


def no_accents(s):
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def soft_hyphen(s):
    words = s.split(" ")
    return " ".join(w[: len(w) // 2] + "\u00ad" + w[len(w) // 2:] if len(w) > 5 else w for w in words)


TRICKS = [("fullwidth", fullwidth), ("cyrillic", cyrillic), ("zero-width", zero_width), ("upper", upper),
          ("nfd", nfd), ("no-accents", no_accents), ("soft-hyphen", soft_hyphen)]

for part in ("tune", "holdout"):
    out = ["# category\tlang\tkey\tvalue\ttrick"]
    n = 0
    with open(part + ".base.tsv", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cat, lang, key, value = line.split("\t")
            out.append("\t".join([cat, lang, key, value, "none"]))
            if n % 3 == 0:
                name, trick = TRICKS[(n // 3) % len(TRICKS)]
                out.append("\t".join([cat, lang, key, trick(value), name]))
            n += 1
    with open(part + ".tsv", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(part, len(out) - 1, "facts")
