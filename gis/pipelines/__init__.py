"""Whole jobs from layers to outputs: assess, compare, the camera audit."""
