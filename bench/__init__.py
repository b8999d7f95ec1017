"""Benchmarks for the speed bars of SPEC §7 (`make bench`), not part of the test run."""
