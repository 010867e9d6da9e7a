"""Print layouts: the council report, the audit PDF, map rendering."""
