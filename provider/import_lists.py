"""vendorrisk:importlists — official list files a user downloaded -> a user catalog folder."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
)

from ..gis.compat import SOURCE_FILE
from ..risk.catalog.loader import REPORT_FILES, CatalogError
from ..risk.lists.entries import ListFileError
from ..risk.lists.folder import FolderError
from ..risk.lists.formats.detect import FORMAT_NAMES
from ..risk.lists.run import import_lists, summary_lines
from .base import WRITE_ERRORS, VendorRiskAlgorithm, tr, write_failure


class ImportListsAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    FORMAT = "FORMAT"
    OUTPUT = "OUTPUT"

    def name(self):
        return "importlists"

    def displayName(self):  # noqa: N802
        return tr("Import official list files into a user catalog")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:importlists -- INPUT=consolidated.json "
        "INPUT=covered_list.html OUTPUT=my_catalog"
    )

    def help_text(self):
        return tr(
            "Reads the restriction lists as their authorities publish them and writes a user catalog "
            "folder (never the shipped catalog), to give assessrisk, tagassets and auditcameras as "
            "CATALOG. Formats (detected from the content): the US Consolidated Screening List (JSON "
            "or CSV: Entity List, Military End-User, Unverified, NS-CMIC, SDN), the FCC Covered List "
            "table (the web page saved as HTML, or the table as CSV), the DoD 1260H editions (CSV: "
            "edition, name), the UK Sanctions List and the OFSI Consolidated List (XML or CSV), the "
            "EU financial sanctions list (XML or CSV), and a plain CSV for lists published only as "
            "text (columns list_id, name, date_added, source_url...; see the README). Each entry "
            "names its catalog vendor only by a full name, alias or brand the catalog knows: others "
            "that look like makers of city technology go to import_review.csv. What changed against "
            "the catalog the folder held (listings added, removed, renamed, re-parented; lists "
            "added; listings not found in the file) is printed and written to import_changes.csv. "
            "Running it again with newer files replaces the rows an earlier import wrote and keeps "
            "the rows you wrote yourself. Nothing is written when a file cannot be read."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, tr("List files (JSON, CSV, XML, HTML)"), SOURCE_FILE
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FORMAT,
                tr("Format (auto: read from each file)"),
                options=list(FORMAT_NAMES),
                defaultValue="auto",
                usesStaticStrings=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT, tr("User catalog folder (created or updated)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber("LISTED", tr("Entries on catalogued vendors")))
        self.addOutput(QgsProcessingOutputNumber("CHANGES", tr("Changes against the earlier catalog")))
        self.addOutput(QgsProcessingOutputNumber("REVIEW", tr("Entries for review")))
        self.addOutput(QgsProcessingOutputFile("CHANGES_FILE", tr("Change report")))
        self.addOutput(QgsProcessingOutputFile("REVIEW_FILE", tr("Entries for review")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        paths = [str(p) for p in (self.parameterAsFileList(parameters, self.INPUT, context) or [])]
        if not paths:
            raise QgsProcessingException(tr("Give at least one list file (INPUT)."))
        for path in paths:
            if not os.path.isfile(path):
                raise QgsProcessingException(tr("List file not found: {}").format(path))
        fmt = self.parameterAsEnumString(parameters, self.FORMAT, context) or "auto"
        folder = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            plan, _catalog = import_lists(paths, folder, fmt, progress=feedback.setProgress)
        except (ListFileError, FolderError, CatalogError) as e:
            raise QgsProcessingException(tr("Nothing was imported: {}").format(e)) from e
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(folder, e)) from e
        for line in summary_lines(plan):
            (feedback.pushWarning if line.startswith("not imported") else feedback.pushInfo)(line)
        feedback.pushInfo(tr("User catalog written: {} (give it as CATALOG to assessrisk)").format(folder))
        return {
            self.OUTPUT: folder,
            "LISTED": plan.counts["listed"],
            "CHANGES": len(plan.changes),
            "REVIEW": len(plan.review),
            "CHANGES_FILE": os.path.join(folder, REPORT_FILES[0]),
            "REVIEW_FILE": os.path.join(folder, REPORT_FILES[1]),
        }
