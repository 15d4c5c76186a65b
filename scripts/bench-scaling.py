#!/usr/bin/env python3
"""Writes the inputs of scripts/bench-scaling.sh: one shape at one size, into a folder.

    bench-scaling.py SHAPE SIZE DIR

Shapes (SIZE is the number of repeats, or of sentences):
  report    a.txt = b.txt: a two-paragraph, three-sentence, four-claim report repeated SIZE times
  line      line.txt: "fast rund mehr als etwa 30 " repeated SIZE times, no sentence end
  subjects  a.txt, b.txt: SIZE sentences, each of its own subject; b tells them in another
            order, a third with other figures
  versions  v1.txt .. v8.txt: SIZE sentences of many subjects; each version edits figures,
            drops, adds and moves sentences, so consecutive versions differ a lot

Deterministic: the same shape and size give the same bytes.
"""
import random
import sys
from pathlib import Path

REPORT = (
    "Bei dem Unglück in Hamburg wurden am Montag 17 Menschen verletzt. "
    "Drei Menschen kamen ins Krankenhaus.\n\n"
    "Die Feuerwehr war mit 120 Einsatzkräften vor Ort.\n\n"
)
HEDGES = "fast rund mehr als etwa 30 "
SYLLABLES = ["kra", "vo", "lün", "dre", "mas", "tor", "bel", "quin", "sa", "ruk", "pel", "zin"]
PLACES = ["Hamburg", "Köln", "Bonn", "Kiel", "Trier", "Ulm", "Jena", "Hof"]


def noun(k):
    """A made-up plural noun per index, so every sentence has a subject of its own."""
    word = ""
    k += 1
    while k:
        k, r = divmod(k, len(SYLLABLES))
        word += SYLLABLES[r]
    return word.capitalize() + "en"


def sentence(k, figure, rng):
    place = PLACES[k % len(PLACES)]
    return f"Die Behörde zählte {figure} {noun(k)} in {place}."


def subjects(size, out):
    rng = random.Random(size)
    figures = [rng.randint(2, 900) for _ in range(size)]
    a = [sentence(k, figures[k], rng) for k in range(size)]
    order = list(range(size))
    rng.shuffle(order)
    b = []
    for k in order:
        figure = figures[k] + (rng.randint(1, 9) if rng.random() < 0.33 else 0)
        b.append(sentence(k, figure, rng))
    paragraphs = lambda s: "\n\n".join(" ".join(s[i : i + 4]) for i in range(0, len(s), 4))
    (out / "a.txt").write_text(paragraphs(a) + "\n")
    (out / "b.txt").write_text(paragraphs(b) + "\n")


def versions(size, out):
    rng = random.Random(size)
    figures = [rng.randint(2, 900) for _ in range(size)]
    text = [(k, figures[k]) for k in range(size)]
    fresh = size
    for v in range(1, 9):
        if v > 1:
            edited = []
            for k, figure in text:
                roll = rng.random()
                if roll < 0.1:
                    continue  # dropped
                if roll < 0.3:
                    figure += rng.randint(1, 9)
                edited.append((k, figure))
                if rng.random() < 0.1:
                    edited.append((fresh, rng.randint(2, 900)))
                    fresh += 1
            # A fifth of the sentences move elsewhere.
            flags = [rng.random() < 0.2 for _ in edited]
            moved = [e for e, m in zip(edited, flags) if m]
            kept = [e for e, m in zip(edited, flags) if not m]
            for e in moved:
                kept.insert(rng.randint(0, len(kept)), e)
            text = kept
        lines = [sentence(k, figure, rng) for k, figure in text]
        body = "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4))
        (out / f"v{v}.txt").write_text(body + "\n")


def main():
    shape, size, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    if shape == "report":
        (out / "a.txt").write_text(REPORT * size)
        (out / "b.txt").write_text(REPORT * size)
    elif shape == "line":
        (out / "line.txt").write_text(HEDGES * size)
    elif shape == "subjects":
        subjects(size, out)
    elif shape == "versions":
        versions(size, out)
    else:
        sys.exit(f"unknown shape {shape}")


if __name__ == "__main__":
    main()
