"""Widgets of the plugin; no risk logic lives here."""
