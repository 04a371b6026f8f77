"""Benchmarks of the quiz plugin and the site: `make bench` and `make audit` (see README.md)."""
