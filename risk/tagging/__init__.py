"""Tagging: an asset's maker, brand and model strings resolved to catalog vendors."""
