"""The Processing provider: the one way every operation runs (GUI, models, CLI, qgis_process)."""
