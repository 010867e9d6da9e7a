"""Sanction level of each vendor for a jurisdiction, a date and a scenario, with its reasons."""

from dataclasses import dataclass

LEVEL_NAMES = {0: "none", 1: "watch", 2: "restricted", 3: "removal"}


class JurisdictionError(ValueError):
    pass


def _pad(d):
    """'2019' -> '2019-01-01', '2021-04' -> '2021-04-01': partial dates compare as strings."""
    d = (d or "").strip()
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


@dataclass(frozen=True)
class Verdict:
    level: int
    lists: str  # list ids, highest level first, ';'-separated
    deadline: str  # removal deadline (ISO date) when level 3
    reason: str
    cut_off: bool
    cut_reason: str


class Jurisdiction:
    """A jurisdiction, the jurisdictions it includes, and its technology bloc."""

    def __init__(self, catalog, code):
        table = catalog.jurisdictions.set_index("jurisdiction")
        code = (code or "").strip()
        upper = {c.upper(): c for c in table.index}
        if code.upper() not in upper:
            raise JurisdictionError(
                f"unknown jurisdiction '{code}' (known: {', '.join(sorted(table.index))}; "
                f"add yours to jurisdictions.csv in a user catalog folder)")
        self.code = upper[code.upper()]
        self.name = table.loc[self.code, "name"]
        self.bloc = table.loc[self.code, "bloc"]
        included, todo = set(), [self.code]
        while todo:
            c = todo.pop()
            if c in included:
                continue
            included.add(c)
            todo.extend(x.strip() for x in table.loc[c, "includes"].split(";") if x.strip())
        self.included = included
        self.bloc_members = set(table.index[table["bloc"] == self.bloc])

    def lists_in_scope(self, lists, scope):
        members = self.included if scope == "jurisdiction" else self.bloc_members | self.included
        return set(lists.loc[lists["jurisdiction"].isin(members), "list_id"])


class SanctionResolver:
    """Resolves (vendor, class, OEM relation, install year) once, for one scenario."""

    def __init__(self, catalog, jurisdiction, scenario, on_date):
        self.scenario = scenario
        self.jurisdiction = jurisdiction
        self.on = _pad(on_date.isoformat())
        lists = catalog.lists
        in_force = lists[(lists["in_force_from"] == "") | (lists["in_force_from"].map(_pad) <= self.on)]
        self.lists = {r.list_id: r for r in in_force.itertuples()}
        self.scope = jurisdiction.lists_in_scope(in_force, scenario.list_scope)
        self.listings = {}
        for r in catalog.listings.itertuples():
            if r.list_id not in self.lists or _pad(r.date_added) > self.on:
                continue
            if r.date_removed and _pad(r.date_removed) <= self.on:
                continue
            self.listings.setdefault(r.vendor_id, []).append(r)
        vendors = catalog.vendors.set_index("vendor_id")
        self.names = vendors["short_name"].where(vendors["short_name"] != "", vendors["name"]).to_dict()
        self.blocs = vendors["bloc"].to_dict()
        self.ancestors = catalog.ancestors()
        self.oem_windows = {(r.label_vendor_id, r.maker_vendor_id): (r.valid_from, r.valid_to)
                            for r in catalog.oem.itertuples()}
        self.cut_lists = set(scenario.cut_off_lists)
        self._cache = {}

    def verdict(self, vendor_id, asset_class, oem_maker="", oem_status="", install_year=None):
        key = (vendor_id, asset_class, oem_maker, oem_status, install_year)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._verdict(*key)
        return hit

    def _verdict(self, vendor_id, asset_class, oem_maker, oem_status, install_year):
        if not vendor_id:
            return Verdict(0, "", "", "vendor unknown: exposure cannot be assessed", False, "")
        facts = []  # (level, list_id, text)
        cut, cut_reasons = False, []
        for v in self.ancestors.get(vendor_id, (vendor_id,)):
            via = "" if v == vendor_id else f" (through {self.names.get(v, v)}, its parent)"
            for r in self.listings.get(v, []):
                lst = self.lists[r.list_id]
                since = f"since {r.date_added}"
                if r.list_id in self.scope:
                    scope = {c.strip() for c in r.scope_classes.split(";") if c.strip()}
                    if scope and asset_class not in scope:
                        facts.append((1, r.list_id, f"{lst.name}{via} {since}, but its scope "
                                      f"({r.scope_note or r.scope_classes}) excludes "
                                      f"{asset_class}: watch"))
                    else:
                        level = int(lst.level)
                        facts.append((level, r.list_id, f"{lst.name} ({lst.jurisdiction}, "
                                      f"{LEVEL_NAMES[level]}){via} {since}"))
                else:
                    facts.append((1, r.list_id, f"listed elsewhere: {lst.name} "
                                  f"({lst.jurisdiction}){via} {since}: watch"))
                if r.list_id in self.cut_lists:
                    cut = True
                    cut_reasons.append(f"{lst.name}{via} {since}")
        if oem_maker:
            maker = self.verdict(oem_maker, asset_class, "", "", install_year)
            maker_name = self.names.get(oem_maker, oem_maker)
            window = self.oem_windows.get((vendor_id, oem_maker), ("", ""))
            in_window = install_year is None or (
                (not window[0] or install_year >= int(window[0][:4]))
                and (not window[1] or install_year <= int(window[1][:4])))
            if oem_status == "listed" and in_window and maker.level:
                facts.append((maker.level, maker.lists.split(";")[0],
                              f"relabels {maker_name} equipment (documented OEM): {maker.reason}"))
                cut = cut or maker.cut_off
                if maker.cut_off:
                    cut_reasons.append(f"maker {maker_name}: {maker.cut_reason}")
            elif maker.level:
                facts.append((1, maker.lists.split(";")[0],
                              f"reported OEM of {maker_name} ({oem_status}, not a listing): watch"))
        if self.scenario.cut_off_other_bloc and self.blocs.get(vendor_id) not in (
                None, "", self.jurisdiction.bloc):
            cut = True
            cut_reasons.append(f"headquartered in the {self.blocs[vendor_id]} bloc, "
                               f"which stops supporting the {self.jurisdiction.bloc} bloc")
        if not facts:
            return Verdict(0, "", "", f"{self.names.get(vendor_id, vendor_id)}: on no list",
                           cut, "; ".join(cut_reasons))
        facts.sort(key=lambda f: -f[0])
        level = facts[0][0]
        deadline = ""
        if level == 3:
            deadline = self.lists[facts[0][1]].removal_deadline if facts[0][1] in self.lists else ""
        sc = self.scenario
        escalated = ""
        if sc.enforced and sc.removal_from_level and level >= sc.removal_from_level and level < 3:
            level, deadline = 3, sc.removal_deadline
            escalated = f"; removal by {deadline} under this scenario"
        elif sc.enforced and level == 3 and sc.removal_deadline:
            deadline = min(filter(None, [deadline, sc.removal_deadline]))
        lists = ";".join(dict.fromkeys(f[1] for f in facts))
        reason = f"{self.names.get(vendor_id, vendor_id)}: " + "; ".join(f[2] for f in facts) \
            + escalated
        return Verdict(level, lists, deadline, reason, cut, "; ".join(cut_reasons))
