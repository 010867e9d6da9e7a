"""What differs between the QGIS and Qt versions the plugin runs on, in one place.

QGIS 3.22 to 3.44 on Qt 5, QGIS 4 on Qt 6. Everything here is chosen by what the running QGIS
has (feature detection), never by comparing version numbers elsewhere; an architecture test
keeps version checks and the moved names out of every other module.

- QGIS 3.30+ moved many enums into the `Qgis` namespace (`Qgis.WkbType`, `Qgis.GeometryType`,
  `Qgis.LayoutUnit`...) with shorter member names; QGIS 4 / PyQt6 drops the old spellings.
- QGIS 3.38+ types fields with `QMetaType.Type`; 3.22 only takes `QVariant.Type`; Qt 6 has no
  `QVariant.Type` at all.
- Qt 6 moved `QAction` from QtWidgets to QtGui.
- Scoped enums (PyQt6) are Python enums, not ints: `enum_int` gives their value either way.
- pandas 1.5 (Debian 12) warns where pandas 2 (Debian 13) has changed: `concat_frames`.
- GDAL >= 3.8 writes Arrow record batches (`OGR_WRITES_ARROW`).
"""

import functools
import warnings

import qgis.core as _core
from osgeo import ogr
from qgis.core import Qgis, QgsField, QgsWkbTypes
from qgis.PyQt import QtCore

try:  # Qt 6
    from qgis.PyQt.QtGui import QAction  # noqa: F401 - re-exported
except ImportError:  # Qt 5
    from qgis.PyQt.QtWidgets import QAction  # noqa: F401 - re-exported


def _resolve(path):
    obj = _core
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _enum(new, old):
    """The member `new` names (a QGIS >= 3.30 spelling) where it exists, else `old`."""
    try:
        return _resolve(new)
    except AttributeError:
        return _resolve(old)


def enum_int(value):
    """An enum member (scoped Python enum, sip enum or int) as its integer value."""
    return int(getattr(value, "value", value))


def qgis_version_int():
    """The running QGIS as 32200, 34006...: for reports and the test header only."""
    return int(Qgis.versionInt()) if hasattr(Qgis, "versionInt") else int(Qgis.QGIS_VERSION_INT)


# -- geometry and WKB types ----------------------------------------------------------------------
WkbType = Qgis.WkbType if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type
WKB_UNKNOWN = _enum("Qgis.WkbType.Unknown", "QgsWkbTypes.Type.Unknown")
WKB_NO_GEOMETRY = _enum("Qgis.WkbType.NoGeometry", "QgsWkbTypes.Type.NoGeometry")
WKB_POINT = _enum("Qgis.WkbType.Point", "QgsWkbTypes.Type.Point")

GEOMETRY_POINT = _enum("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry")
GEOMETRY_LINE = _enum("Qgis.GeometryType.Line", "QgsWkbTypes.GeometryType.LineGeometry")
GEOMETRY_POLYGON = _enum("Qgis.GeometryType.Polygon", "QgsWkbTypes.GeometryType.PolygonGeometry")

_GEOMETRY_NAMES = {
    enum_int(GEOMETRY_POINT): "point",
    enum_int(GEOMETRY_LINE): "line",
    enum_int(GEOMETRY_POLYGON): "polygon",
}


def geometry_family(geometry_type):
    """'point', 'line', 'polygon' or None for a layer's or geometry's geometryType()."""
    return _GEOMETRY_NAMES.get(enum_int(geometry_type))


def wkb_type(code):
    """A QGIS WKB type from its integer code (as OGR and PostGIS metadata hold them)."""
    return WkbType(int(code))


def ogr_wkb_code(qgs_type):
    """A QGIS WKB type as OGR's code: the ISO codes are shared; Z/M flags are added OGR's way."""
    flat = enum_int(QgsWkbTypes.flatType(qgs_type))
    z, m = QgsWkbTypes.hasZ(qgs_type), QgsWkbTypes.hasM(qgs_type)
    return flat + (3000 if z and m else 1000 if z else 2000 if m else 0)


# -- other enums QGIS moved into Qgis --------------------------------------------------------------
NO_GEOMETRY_REQUEST = _enum("Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry")
FIELD_ORIGIN_PROVIDER = _enum("Qgis.FieldOrigin.Provider", "QgsFields.FieldOrigin.OriginProvider")
LAYOUT_MILLIMETERS = _enum("Qgis.LayoutUnit.Millimeters", "QgsUnitTypes.LayoutUnit.LayoutMillimeters")
RENDER_POINTS = _enum("Qgis.RenderUnit.Points", "QgsUnitTypes.RenderUnit.RenderPoints")
DISTANCE_METERS = _enum("Qgis.DistanceUnit.Meters", "QgsUnitTypes.DistanceUnit.DistanceMeters")
SOURCE_VECTOR = _enum("Qgis.ProcessingSourceType.Vector", "QgsProcessing.SourceType.TypeVector")
SOURCE_VECTOR_ANY = _enum(
    "Qgis.ProcessingSourceType.VectorAnyGeometry", "QgsProcessing.SourceType.TypeVectorAnyGeometry"
)
SOURCE_VECTOR_POINT = _enum(
    "Qgis.ProcessingSourceType.VectorPoint", "QgsProcessing.SourceType.TypeVectorPoint"
)
SOURCE_VECTOR_POLYGON = _enum(
    "Qgis.ProcessingSourceType.VectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon"
)
SOURCE_FILE = _enum("Qgis.ProcessingSourceType.File", "QgsProcessing.SourceType.TypeFile")
PARAMETER_OPTIONAL = _enum(
    "Qgis.ProcessingParameterFlag.Optional", "QgsProcessingParameterDefinition.Flag.FlagOptional"
)
PARAMETER_ADVANCED = _enum(
    "Qgis.ProcessingParameterFlag.Advanced", "QgsProcessingParameterDefinition.Flag.FlagAdvanced"
)
FILE_PARAMETER_FOLDER = _enum(
    "Qgis.ProcessingFileParameterBehavior.Folder", "QgsProcessingParameterFile.Behavior.Folder"
)
FORM_DRAG_AND_DROP = _enum("Qgis.AttributeFormLayout.DragAndDrop", "QgsEditFormConfig.EditorLayout.TabLayout")
SHAPE_RECTANGLE = _enum("QgsLayoutItemShape.Shape.Rectangle", "QgsLayoutItemShape.Rectangle")
NUMBER_PARAMETER_INTEGER = _enum(
    "Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer"
)


# -- field types -----------------------------------------------------------------------------------
# Our kinds and their Qt type names: QMetaType.Type where QgsField takes it (QGIS >= 3.38, Qt 6),
# else QVariant.Type (QGIS 3.22). The integer values are Qt's and the same in both.
_QT_TYPE_NAMES = {
    "str": ("QString", "String"),
    "int": ("Int", "Int"),
    "int64": ("LongLong", "LongLong"),
    "uint": ("UInt", "UInt"),
    "uint64": ("ULongLong", "ULongLong"),
    "float": ("Double", "Double"),
    "bool": ("Bool", "Bool"),
    "date": ("QDate", "Date"),
    "datetime": ("QDateTime", "DateTime"),
    "time": ("QTime", "Time"),
    "binary": ("QByteArray", "ByteArray"),
}
_KIND_OF_INT = {
    "str": "str",
    "int": "int",
    "int64": "int64",
    "uint": "int64",
    "uint64": "int64",
    "float": "float",
    "bool": "bool",
    "date": "date",
    "datetime": "datetime",
    "time": "str",
    "binary": "binary",
}


@functools.cache
def _field_types_take_qmetatype():
    try:
        QgsField("probe", QtCore.QMetaType.Type.QString)
    except TypeError:
        return False
    return True


def field_type(kind):
    """The type QgsField wants for one of our kinds ('str', 'int64', 'float', 'bool'...)."""
    meta_name, variant_name = _QT_TYPE_NAMES[kind]
    if _field_types_take_qmetatype():
        return getattr(QtCore.QMetaType.Type, meta_name)
    return getattr(QtCore.QVariant.Type, variant_name)


def make_field(name, kind):
    """A QgsField of one of our kinds."""
    return QgsField(name, field_type(kind))


@functools.cache
def _kinds_by_int():
    out = {}
    for kind, (meta_name, variant_name) in _QT_TYPE_NAMES.items():
        meta = getattr(QtCore.QMetaType.Type, meta_name, None) if hasattr(QtCore, "QMetaType") else None
        variant = getattr(getattr(QtCore.QVariant, "Type", None), variant_name, None)
        for value in (meta, variant):
            if value is not None:
                out[enum_int(value)] = _KIND_OF_INT[kind]
    return out


def field_kind(field):
    """One of our kinds for a QgsField ('str' for anything else)."""
    return _kinds_by_int().get(enum_int(field.type()), "str")


def is_null(value):
    """None, or a NULL QVariant as QGIS returns for empty attributes."""
    return value is None or (isinstance(value, QtCore.QVariant) and value.isNull())


# -- print layouts: text formats replaced fonts (QGIS 3.24 labels, 3.30 legends) ------------------
def set_label_text_format(label, text_format):
    """A layout label's text: a QgsTextFormat where labels take one, else its QFont."""
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format)
    else:
        label.setFont(text_format.toQFont())


def set_legend_text_format(legend, style, text_format):
    """One legend style's text: a QgsTextFormat where legend styles take one, else its QFont."""
    rstyle = legend.rstyle(style)
    if hasattr(rstyle, "setTextFormat"):
        rstyle.setTextFormat(text_format)
    else:
        rstyle.setFont(text_format.toQFont())


def null_rectangle():
    """An empty rectangle to combine extents into (setMinimal() became setNull() in 3.34)."""
    box = _core.QgsRectangle()
    if hasattr(box, "setNull"):
        box.setNull()
    else:
        box.setMinimal()
    return box


# -- pandas ------------------------------------------------------------------------------------------
def concat_frames(frames):
    """pd.concat of row chunks. pandas 1.5 warns (FutureWarning) on object columns holding only
    booleans, about a reduction pandas 2 already does its new way; the result is the same."""
    import pandas as pd

    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", "In a future version, object-dtype columns with all-bool", FutureWarning
        )
        return pd.concat(frames, ignore_index=True)


# -- styles in the data source -------------------------------------------------------------------
def save_style_to_database(layer, name, description, use_as_default):
    """Store the layer's current style in its data source; '' on success, else the error.
    (saveStyleToDatabaseV2 replaced saveStyleToDatabase in QGIS 3.44.)"""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        _flags, error = layer.saveStyleToDatabaseV2(name, description, use_as_default, "")
    else:
        error = layer.saveStyleToDatabase(name, description, use_as_default, "")
    return error or ""


# -- GDAL ----------------------------------------------------------------------------------------------
OGR_WRITES_ARROW = hasattr(ogr.Layer, "WriteArrow")  # GDAL >= 3.8 (Debian 13: 3.10)
