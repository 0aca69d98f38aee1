"""Interactive explorers. :mod:`mgdlearn.widgets.base` holds the shared pattern (labelled
controls, pure compute, pure draw); each other module of this package is one explorer."""
