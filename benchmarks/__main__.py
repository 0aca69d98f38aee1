"""``python -m benchmarks``: measure the four budgets and print the table (see benchmarks/README.md)."""
import sys

from benchmarks.suite import main

sys.exit(main())
