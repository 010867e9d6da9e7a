"""The dock's choices, stored in the QGIS project so a saved project reopens configured."""

from dataclasses import dataclass, field

SCOPE = "VendorRisk"
DEFAULT_JURISDICTION = "FR"


@dataclass
class DockSettings:
    layers: list = field(default_factory=list)  # layer ids, in the order shown
    fields: dict = field(default_factory=dict)  # role -> field name chosen by the user ('' = none)
    jurisdiction: str = DEFAULT_JURISDICTION
    scenarios: object = None  # list of ids; None = every available scenario
    selected_only: bool = False
    output: str = ""  # '' = a new file per run in the project folder (or a temp folder)
    last_output: str = ""  # the GeoPackage of the last run, to show its results again
    catalog: str = ""  # the user catalog folder ('' = the shipped catalog alone)
    last_group: str = ""


def write_settings(project, s):
    project.writeEntry(SCOPE, "layers", list(s.layers))
    project.writeEntry(SCOPE, "fields", [f"{k}={v or ''}" for k, v in s.fields.items()])
    project.writeEntry(SCOPE, "jurisdiction", s.jurisdiction or "")
    project.writeEntry(SCOPE, "all_scenarios", s.scenarios is None)
    project.writeEntry(SCOPE, "scenarios", list(s.scenarios or []))
    project.writeEntry(SCOPE, "selected_only", bool(s.selected_only))
    project.writeEntry(SCOPE, "output", s.output or "")
    project.writeEntry(SCOPE, "last_output", s.last_output or "")
    project.writeEntry(SCOPE, "catalog", s.catalog or "")
    project.writeEntry(SCOPE, "last_group", s.last_group or "")


def read_settings(project):
    """The stored settings, defaults for whatever the project does not hold."""
    s = DockSettings()
    layers, ok = project.readListEntry(SCOPE, "layers")
    if ok:
        s.layers = [x for x in layers if x]
    pairs, ok = project.readListEntry(SCOPE, "fields")
    if ok:
        s.fields = dict(p.split("=", 1) for p in pairs if "=" in p)
    value, ok = project.readEntry(SCOPE, "jurisdiction")
    if ok and value:
        s.jurisdiction = value
    every, ok = project.readBoolEntry(SCOPE, "all_scenarios", True)
    scenarios, _ = project.readListEntry(SCOPE, "scenarios")
    s.scenarios = None if (not ok or every) else [x for x in scenarios if x]
    s.selected_only, _ = project.readBoolEntry(SCOPE, "selected_only", False)
    for key in ("output", "last_output", "last_group", "catalog"):
        value, ok = project.readEntry(SCOPE, key)
        if ok:
            setattr(s, key, value)
    return s


def has_settings(project):
    return bool(project.entryList(SCOPE, ""))
