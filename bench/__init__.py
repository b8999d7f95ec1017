"""Benchmarks for the speed bars of SPEC §7 (`make bench`), not part of the test run."""

import os


def process_env() -> dict[str, str]:
    """The environment a timed process runs in: this one, with bytecode caches allowed,
    as every installed copy has them (pip and the bundle compile them). A shell that sets
    PYTHONDONTWRITEBYTECODE would otherwise time Python's compiler on every run of ours,
    and not of the bare library process beside it."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
