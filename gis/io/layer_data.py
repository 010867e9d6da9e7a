"""What a layer read gives: a DataFrame, WKB and write-back facts; a layer's name and field kinds.

Its own module so the readers (io.layers, io.postgis_read, io.inventory) share it without
importing each other.
"""

from dataclasses import dataclass, field

import pandas as pd
from qgis.core import QgsProviderRegistry

from ..compat import field_kind


@dataclass
class LayerData:
    """Attributes as a DataFrame, geometries as WKB, and what is needed to write them back."""

    frame: pd.DataFrame
    wkb: object  # numpy object array of bytes (None for a null geometry), or None for a table
    kinds: dict  # field name -> str/int/int64/float/bool/date/datetime/binary
    crs_wkt: str = ""
    geometry_type: int = 0  # OGR wkb type; 0 (wkbUnknown) with wkb None means no geometry
    source: str = ""
    route: str = ""  # which reader ran: 'arrow' or 'provider'
    fids: object = field(default=None, repr=False)

    def __len__(self):
        return len(self.frame)


def layer_label(layer):
    """The name users know a layer by: its table name in a file ('cameras'), else its name."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return parts.get("layerName") or parts.get("table") or layer.name()


def layer_kinds(layer):
    """Field name -> kind for a layer, as the readers will report them."""
    return {f.name(): field_kind(f) for f in layer.fields()}
