"""Vendor exposure for cameras that were not assessed: tag them and read today's lists."""

from ..assessment.engine import Assessment
from ..assessment.scenarios import load_profile, load_scenarios
from ..schema import TAG_COLUMNS
from ..tagging.fieldmap import detect_fields
from ..tagging.tagger import Tagger

EXPOSURE_SCENARIO = "targeted_sanctions"  # the lists in force, enforced in the jurisdiction
EXPOSURE_COLUMNS = ("vendor_name", "sanction_level", "sanction_lists", "removal_deadline")


def add_vendor_exposure(frame, catalog, jurisdiction, reference_date):
    """frame + vendor_name, sanction_level, sanction_lists, removal_deadline (a copy); the
    jurisdiction's lists in force at reference_date, as the targeted_sanctions scenario reads
    them. Returns (frame, message)."""
    fields = detect_fields(list(frame.columns))
    if not fields.get("class"):  # an audit is of cameras: say so when the layer does not
        frame = frame.assign(_asset_class="cctv_camera")
        fields["class"] = "_asset_class"
    tags, _ = Tagger(catalog).tag(frame, fields)
    engine = Assessment(
        catalog, load_scenarios(EXPOSURE_SCENARIO), load_profile(), jurisdiction, reference_date
    )
    base = frame.drop(columns=[c for c in TAG_COLUMNS if c in frame.columns])
    ok, message = engine.prepare(base.join(tags), fields)
    if not ok:
        return frame, message
    result = engine.run().scenarios[EXPOSURE_SCENARIO]
    out = frame.drop(columns=["_asset_class"], errors="ignore").copy()
    out["vendor_name"] = tags["vendor_name"].astype(object).to_numpy()
    known = tags["vendor_id"].astype(object).to_numpy() != ""
    for col in EXPOSURE_COLUMNS[1:]:
        values = result[col]
        out[col] = values.astype(object).to_numpy() if col != "sanction_level" else values
    # an unresolved vendor has no known level: the audit must say "cannot verify", not pass
    out["sanction_level"] = out["sanction_level"].astype(float).where(known)
    return out, (
        f"vendor exposure read from the catalog {catalog.version}: lists in force in "
        f"{jurisdiction} on {reference_date.isoformat()} (scenario {EXPOSURE_SCENARIO})"
    )
