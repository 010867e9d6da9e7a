"""What the attribute form of a risk layer shows, and in which order: the answer to "why is
this red?" first, then the asset and its vendor, then each input layer's own fields, only for
that layer's assets and only those that hold a value somewhere.

Pure data (names of columns); gis/styles/form.py builds the QGIS form from it.
"""

from dataclasses import dataclass

from .schema import ASSET_ID, RESULT, SOURCE_LAYER, TAG

# the reasons, then the figures a reader checks them against
WHY = (
    "reasons",
    "risk_band",
    "risk_score",
    "sanction_level",
    "sanction_lists",
    "forced",
    "forced_year",
    "removal_deadline",
    "compatible",
    "replacement_cost",
    "stranded_value",
    "reintegration_cost",
    "lockin_ratio",
)
# every other computed column, the asset's identity and its vendor first
_FIRST = (SOURCE_LAYER.name, ASSET_ID.name, "vendor_name", "asset_class", "purchase_value")
ASSET = tuple(n for n in dict.fromkeys(_FIRST + tuple(c.name for c in (*TAG, *RESULT))) if n not in WHY)
COMPUTED = frozenset(WHY + ASSET)


@dataclass(frozen=True)
class Tab:
    key: str  # "why", "asset" or "input"
    fields: tuple
    layer: str = None  # for an input tab: the source_layer whose assets it shows


def form_tabs(columns, filled):
    """The tabs of the form of a layer with `columns`, where filled = {source_layer: names of
    the input columns holding at least one value among that layer's assets}. The computed
    columns always show; an input field shows only under the layers that fill it, and not
    at all when no asset fills it."""
    tabs = [
        Tab("why", tuple(c for c in WHY if c in columns)),
        Tab("asset", tuple(c for c in ASSET if c in columns)),
    ]
    inputs = [c for c in columns if c not in COMPUTED]
    if not filled:
        tabs.append(Tab("input", tuple(inputs)))
    for layer in sorted(filled or {}):
        own = tuple(c for c in inputs if c in filled[layer])
        if own:
            tabs.append(Tab("input", own, layer))
    return [t for t in tabs if t.fields]


def hidden_columns(columns, filled):
    """The input columns no asset fills: hidden in the identify results and the table."""
    if not filled:
        return []
    anywhere = set().union(*filled.values())
    return [c for c in columns if c not in COMPUTED and c not in anywhere and c != "fid"]
