"""National-scale benchmarks of samverkan_model (``make bench``, ``python -m benchmarks``).

The generator (:mod:`benchmarks.national`) builds a deterministic dataset on Sweden's
real geography; :mod:`benchmarks.suite` measures the library against baselines in the
same run and :mod:`benchmarks.report` prints the table of ratios.
"""
