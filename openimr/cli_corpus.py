"""`openimr corpus ...`: the published decision corpus from a terminal. Ingest and publish
live in `cli_corpus_ingest`, statistics and export in `cli_corpus_stats`, the recheck of
stored PDFs in `cli_corpus_recheck`; this module only
joins them under one command group."""

import argparse

from openimr import cli_corpus_ingest, cli_corpus_recheck, cli_corpus_stats


def register(groups: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    corpus = groups.add_parser("corpus", help="the published decision corpus")
    commands = corpus.add_subparsers(dest="command", required=True)
    cli_corpus_ingest.register(commands)
    cli_corpus_stats.register(commands)
    cli_corpus_recheck.register(commands)
