"""Procurement inventories: spreadsheets read safely, mapped to roles, joined to layers."""
