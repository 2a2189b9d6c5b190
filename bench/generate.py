#!/usr/bin/env python3
"""Generates a valid source folder of N pages for this project's content model, for benchmarks.

Usage: generate.py N OUT_DIR [--seed S]

The pages are themes, trends, sessions, milestones and plain pages with Dutch text, sections, lists, tables and
cross-references between pages, in the header format of content/ (which stock JBake reads too). The same N and seed
always give the same files. Templates, assets and jbake.properties are copied from the project.
"""
import argparse
import os
import random
import shutil

WORDS = ("veiligheid gemeente inwoners jongeren ondermijning criminaliteit politie partners zorg buurt wijk "
         "samenwerking beleid raad burgemeester evenement crisis weer digitaal internet nepnieuws vertrouwen "
         "overheid organisatie signalen preventie toezicht aanpak risico kwetsbaar ondernemers agrarisch sector "
         "hulpverlening netwerk ontwikkeling trend thema sessie scenario kennis ervaring duurzaamheid inclusie "
         "regio samenleving onderwijs school ouders informatie melding hulp bewoners dorp stad").split()
VERBS = "vraagt vraagt om helpt zorgt voor versterkt bespreekt ziet merkt pakt aan".split(" ")


def sentence(rng):
    n = rng.randint(6, 14)
    words = [rng.choice(WORDS) for _ in range(n)]
    words.insert(rng.randint(1, n - 1), rng.choice(VERBS))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def header(title, doc_type, summary, extra):
    lines = ["= " + title, ":jbake-type: " + doc_type, ":jbake-status: published", ":jbake-date: 2026-11-30",
             ":jbake-summary: " + summary]
    lines += [":jbake-%s: %s" % (k, v) for k, v in extra]
    return "\n".join(lines) + "\n\n"


def body(rng, xrefs):
    parts = ["== In het kort\n\n" + paragraph(rng, 3) + "\n"]
    parts.append("== Wat er speelt\n\n" + paragraph(rng, 5) + "\n\n" + paragraph(rng, 4) + "\n")
    parts.append("== Belangrijke punten\n\n" + "\n".join("* " + sentence(rng) for _ in range(rng.randint(3, 6))) + "\n")
    if rng.random() < 0.3:
        rows = "\n".join("| %s | %s" % (rng.choice(WORDS).capitalize(), sentence(rng)) for _ in range(rng.randint(2, 5)))
        parts.append("== Overzicht\n\n[cols=\"1,3\"]\n|===\n| Onderwerp | Toelichting\n\n%s\n|===\n" % rows)
    links = "\n".join("* xref:%s[%s]" % (target, label) for target, label in xrefs)
    parts.append("== Meer lezen\n\n" + links + "\n")
    return "\n".join(parts)


def generate(n, out, seed):
    rng = random.Random(seed)
    project = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if os.path.exists(out):
        shutil.rmtree(out)
    for folder in ("templates", "assets"):
        shutil.copytree(os.path.join(project, folder), os.path.join(out, folder))
    shutil.copy(os.path.join(project, "jbake.properties"), out)
    content = os.path.join(out, "content")
    for folder in ("themes", "trends", "sessions", "milestones"):
        os.makedirs(os.path.join(content, folder))

    themes = max(6, n // 100)
    sessions = themes
    milestones = max(3, n // 50)
    pages = 5
    trends = max(themes, n - themes - sessions - milestones - pages)
    theme_slugs = ["thema-%d" % i for i in range(1, themes + 1)]

    def write(path, text):
        with open(os.path.join(content, path), "w", encoding="utf-8") as f:
            f.write(text)

    for i, slug in enumerate(theme_slugs, 1):
        write("themes/%s.adoc" % slug, header("Thema %d: %s" % (i, rng.choice(WORDS)), "theme",
                                              sentence(rng), [("order", i)])
              + body(rng, [("../index.adoc", "Home")]))
    for i in range(1, trends + 1):
        theme = theme_slugs[(i - 1) % themes]
        order = (i - 1) // themes + 1
        other = "trend-%d" % rng.randint(1, trends)
        write("trends/trend-%d.adoc" % i, header("Trend %d over %s" % (i, rng.choice(WORDS)), "trend", sentence(rng),
                                                 [("theme", theme), ("order", order)])
              + body(rng, [("../themes/%s.adoc" % theme, "Het thema"), ("%s.adoc" % other, "Een andere trend")]))
    for i in range(1, sessions + 1):
        write("sessions/sessie-%d.adoc" % i, header("Sessie %d" % i, "session", sentence(rng),
                                                    [("themes", theme_slugs[i - 1]), ("period", "2023-%02d" % (i % 12 + 1))])
              + body(rng, [("../themes/%s.adoc" % theme_slugs[i - 1], "Het thema")]))
    for i in range(1, milestones + 1):
        write("milestones/mijlpaal-%d.adoc" % i,
              header("Mijlpaal %d" % i, "milestone", sentence(rng),
                     [("period", "%d-%02d" % (2023 + i // 12, i % 12 + 1)), ("progress", "planned" if i > 1 else "done")])
              + body(rng, [("../index.adoc", "Home")]))
    write("index.adoc", header("Home", "page", sentence(rng), []) + body(rng, [("proces.adoc", "Proces")]))
    for name in ("proces", "colofon", "toegankelijkheid"):
        write("%s.adoc" % name, header(name.capitalize(), "page", sentence(rng), []) + body(rng, [("index.adoc", "Home")]))
    # pages the templates link to must exist
    write("vragen-aan-de-raad.adoc", header("Vragen", "page", sentence(rng), []) + body(rng, [("index.adoc", "Home")]))
    return themes + trends + sessions + milestones + pages


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    written = generate(args.n, args.out, args.seed)
    print("generated %d pages in %s" % (written, args.out))


if __name__ == "__main__":
    main()
