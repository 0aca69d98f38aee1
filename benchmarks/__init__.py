"""Benchmarks of the course's performance budgets (run with ``python -m benchmarks``)."""
