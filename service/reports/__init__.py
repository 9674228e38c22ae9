"""Renderings of a `Report` for the front ends: JSON objects, text, CI formats."""
