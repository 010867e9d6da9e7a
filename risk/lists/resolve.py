"""Entries of list files -> catalog vendors. Only a name the catalog knows in full (its name, an
alias, a brand) makes a listing: a list entry wrongly put on a vendor would put every camera of
that vendor at risk. Names found only inside a longer name, or by resemblance, go to review."""

import re
from dataclasses import dataclass, field

from ..tagging.normalize import name_key

# Words that make an unresolved entry worth a reviewer's look: the makers of city technology.
CITY_TECH = re.compile(
    r"(?i)\b(camera|video|vision|visual|surveillance|security|cctv|imag(e|ing)|optic|optical|photon"
    r"|thermal|infrared|lidar|radar|sensor|drone|uav|uas|unmanned|aerial|robot|telecom|communications?"
    r"|network|wireless|mobile|radio|5g|satellite|iot|smart|intelligen|ai|electronics?|semiconductor"
    r"|microelectronic|chip|cloud|comput|lighting|traffic|signal|navigation)"
)


@dataclass
class Resolution:
    """Where each entry went."""

    listed: list = field(default_factory=list)  # (entry, vendor_id, how)
    affiliates: list = field(default_factory=list)  # (entry, parent vendor_id): new vendors
    reparented: list = field(default_factory=list)  # (entry, vendor_id, new parent vendor_id)
    aliases: list = field(default_factory=list)  # (alias, vendor_id, kind, entry)
    review: list = field(default_factory=list)  # (entry, reason, suggestion)
    categories: list = field(default_factory=list)  # entries naming a kind of equipment
    other: int = 0  # entries naming no catalogued vendor and no city-technology maker


def resolve(entries, matcher):
    out = Resolution()
    for entry in entries:
        if entry.category:
            out.categories.append(entry)
            continue
        names = (entry.name,) + tuple(entry.aliases) + tuple(entry.former_names)
        found = {}
        for text in names:
            vid = matcher.named_vendor(text)
            if vid:
                found.setdefault(vid, text)
        families = _families(found, matcher)
        if len(families) > 1:
            who = ", ".join(sorted(matcher.names[v] for v in found))
            out.review.append((entry, f"its names designate several catalogued vendors: {who}", ""))
            continue
        parent = matcher.named_vendor(entry.parent) if entry.parent else ""
        if found:
            vid = _preferred(found, entry, matcher)
            how = "name" if found.get(vid) == entry.name else f"alternate name '{found[vid]}'"
            out.listed.append((entry, vid, how))
            _new_aliases(out, entry, vid, matcher)
            if parent and parent != vid and not matcher.related(parent, vid):
                out.reparented.append((entry, vid, parent))
            continue
        if parent and len(name_key(entry.name)) >= 6:
            out.affiliates.append((entry, parent))
            continue
        if CITY_TECH.search(entry.name) or parent:
            hit = matcher.resolve_name(entry.name)
            suggestion = hit.vendor_id or hit.suggestion
            reason = "not in the catalog; looks like a maker of city technology"
            if suggestion:
                like = matcher.names.get(suggestion, suggestion)
                reason = f"not in the catalog by its full name; resembles {like}"
            out.review.append((entry, reason, suggestion))
        else:
            out.other += 1
    return out


def _families(found, matcher):
    fams = []
    for vid in found:
        if not any(matcher.related(vid, other) for other in fams):
            fams.append(vid)
    return fams


def _preferred(found, entry, matcher):
    """The vendor the entry's own name designates, else the first an alternate name does."""
    for vid, text in found.items():
        if text == entry.name:
            return vid
    return next(iter(found))


def _new_aliases(out, entry, vid, matcher):
    """The entry's names the catalog does not know yet, as aliases of its vendor."""
    kinds = [(entry.name, "legal_name")] + [(a, "short_name") for a in entry.aliases]
    kinds += [(f, "former_name") for f in entry.former_names]
    for text, kind in kinds:
        key = name_key(text)
        if len(key) < 3 or matcher.knows_name(text):
            continue
        hit = matcher.resolve_name(text)
        if hit.vendor_id and not matcher.related(hit.vendor_id, vid):
            continue  # would make the name point at two families
        out.aliases.append((text, vid, kind, entry))
