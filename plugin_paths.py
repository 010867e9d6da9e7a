"""Where the plugin's own files are, computed once (the modules that need them import these)."""

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(PLUGIN_DIR, "resources")
CATALOG_DIR = os.path.join(RESOURCES, "catalog")
SCENARIO_DIR = os.path.join(RESOURCES, "scenarios")
RULESET_DIR = os.path.join(RESOURCES, "rulesets")
STYLE_DIR = os.path.join(RESOURCES, "styles")
ICON_DIR = os.path.join(RESOURCES, "icons")
SAMPLE_DIR = os.path.join(RESOURCES, "sample")
SAMPLE_CITY = os.path.join(SAMPLE_DIR, "sample_city.gpkg")
SAMPLE_PROJECT = os.path.join(SAMPLE_DIR, "sample_city.qgz")
SAMPLE_STYLE_DIR = os.path.join(SAMPLE_DIR, "styles")
UI_DIR = os.path.join(PLUGIN_DIR, "ui")
