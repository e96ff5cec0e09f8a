"""Benchmarks: scripts that measure the skill, run by hand rather than by pytest."""
