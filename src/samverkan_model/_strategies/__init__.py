"""The implementation of :mod:`samverkan_model.strategies` (private: import from there)."""
