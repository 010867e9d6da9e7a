"""Sanction level of each vendor for a jurisdiction, a date and a scenario, with its reasons."""

from dataclasses import dataclass

import pandas as pd

from .phrases import check_language, phrase


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
                f"add yours to jurisdictions.csv in a user catalog folder)"
            )
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
        # its own currency, else that of a jurisdiction it includes (FR -> EU), else none
        cur = table["currency"] if "currency" in table.columns else pd.Series("", index=table.index)
        own = [cur.get(self.code, "")] + sorted(cur.get(c, "") for c in included - {self.code})
        self.currency = next((c for c in own if c), "")
        self.bloc_members = set(table.index[table["bloc"] == self.bloc])

    def lists_in_scope(self, lists, scope):
        members = self.included if scope == "jurisdiction" else self.bloc_members | self.included
        return set(lists.loc[lists["jurisdiction"].isin(members), "list_id"])


class SanctionResolver:
    """Resolves (vendor, class, OEM relation, install year) once, for one scenario."""

    def __init__(self, catalog, jurisdiction, scenario, on_date, lang="en"):
        self.lang = check_language(lang)
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
        self.owners = {}  # vendor -> [(owner, from year, to year)]: past owners, dated
        for r in catalog.ownership.itertuples():
            self.owners.setdefault(r.vendor_id, []).append((r.owner_id, r.valid_from, r.valid_to))
        self.oem_windows = {
            (r.label_vendor_id, r.maker_vendor_id): (r.valid_from, r.valid_to)
            for r in catalog.oem.itertuples()
        }
        self.cut_lists = set(scenario.cut_off_lists)
        self._cache = {}

    def verdict(self, vendor_id, asset_class, oem_maker="", oem_status="", install_year=None):
        key = (vendor_id, asset_class, oem_maker, oem_status, install_year)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._verdict(*key)
        return hit

    def _owners_then(self, vendor_id, install_year):
        """[(vendor, how it is reached)]: the vendor, its parents, and, when the install year is
        known, the owners it had that year (and their parents)."""
        lang = self.lang
        out = [
            (v, "" if v == vendor_id else phrase("via_parent", lang, name=self.names.get(v, v)))
            for v in self.ancestors.get(vendor_id, (vendor_id,))
        ]
        if install_year is None:
            return out
        seen = {v for v, _ in out}
        for v, _ in list(out):
            for owner, start, end in self.owners.get(v, ()):
                if int(start[:4] or 0) <= install_year <= int(end[:4]):
                    via = phrase(
                        "via_owner",
                        lang,
                        name=self.names.get(owner, owner),
                        start=start[:4] or "?",
                        end=end[:4],
                    )
                    for a in self.ancestors.get(owner, (owner,)):
                        if a not in seen:
                            seen.add(a)
                            out.append((a, via))
        return out

    def _listing_facts(self, vendor_id, asset_class, install_year=None):
        """(facts, cut off?, cut reasons) from the listings of a vendor, of its parents, and of
        the owner it had when the asset was installed."""
        lang = self.lang
        facts = []  # (level, list_id, text)
        cut, cut_reasons = False, []
        for v, via in self._owners_then(vendor_id, install_year):
            for r in self.listings.get(v, []):
                lst = self.lists[r.list_id]
                since = phrase("since", lang, date=r.date_added)
                if r.list_id in self.scope:
                    scope = {c.strip() for c in r.scope_classes.split(";") if c.strip()}
                    if scope and asset_class not in scope:
                        facts.append(
                            (
                                1,
                                r.list_id,
                                phrase(
                                    "out_of_scope",
                                    lang,
                                    list=lst.name,
                                    via=via,
                                    since=since,
                                    scope=r.scope_note or r.scope_classes,
                                    asset_class=asset_class,
                                ),
                            )
                        )
                    else:
                        level = int(lst.level)
                        facts.append(
                            (
                                level,
                                r.list_id,
                                phrase(
                                    "listed",
                                    lang,
                                    list=lst.name,
                                    jurisdiction=lst.jurisdiction,
                                    level=phrase(f"level.{level}", lang),
                                    via=via,
                                    since=since,
                                ),
                            )
                        )
                else:
                    facts.append(
                        (
                            1,
                            r.list_id,
                            phrase(
                                "listed_elsewhere",
                                lang,
                                list=lst.name,
                                jurisdiction=lst.jurisdiction,
                                via=via,
                                since=since,
                            ),
                        )
                    )
                if r.list_id in self.cut_lists:
                    cut = True
                    cut_reasons.append(phrase("cut_list", lang, list=lst.name, via=via, since=since))
        return facts, cut, cut_reasons

    def _oem_facts(self, vendor_id, asset_class, oem_maker, oem_status, install_year, facts, cut_reasons):
        """Facts about the maker a relabelled product comes from (added to `facts`); whether
        that maker cuts the product off."""
        lang = self.lang
        cut = False
        maker = self.verdict(oem_maker, asset_class, "", "", install_year)
        maker_name = self.names.get(oem_maker, oem_maker)
        window = self.oem_windows.get((vendor_id, oem_maker), ("", ""))
        in_window = install_year is None or (
            (not window[0] or install_year >= int(window[0][:4]))
            and (not window[1] or install_year <= int(window[1][:4]))
        )
        if oem_status == "listed" and in_window and maker.level:
            facts.append(
                (
                    maker.level,
                    maker.lists.split(";")[0],
                    phrase("relabels", lang, maker=maker_name, reason=maker.reason),
                )
            )
            cut = maker.cut_off
            if maker.cut_off:
                cut_reasons.append(phrase("maker_cut", lang, maker=maker_name, reason=maker.cut_reason))
        elif maker.level:
            facts.append(
                (
                    1,
                    maker.lists.split(";")[0],
                    phrase("reported_oem", lang, maker=maker_name, status=oem_status),
                )
            )
        return cut

    def _verdict(self, vendor_id, asset_class, oem_maker, oem_status, install_year):
        if not vendor_id:
            return Verdict(0, "", "", phrase("vendor_unknown", self.lang), False, "")
        lang = self.lang
        facts, cut, cut_reasons = self._listing_facts(vendor_id, asset_class, install_year)
        if oem_maker:
            cut = (
                self._oem_facts(
                    vendor_id, asset_class, oem_maker, oem_status, install_year, facts, cut_reasons
                )
                or cut
            )
        if self.scenario.cut_off_other_bloc and self.blocs.get(vendor_id) not in (
            None,
            "",
            self.jurisdiction.bloc,
        ):
            cut = True
            cut_reasons.append(
                phrase("other_bloc", lang, bloc=self.blocs[vendor_id], city_bloc=self.jurisdiction.bloc)
            )
        if not facts:
            return Verdict(
                0,
                "",
                "",
                phrase("on_no_list", lang, vendor=self.names.get(vendor_id, vendor_id)),
                cut,
                phrase("separator", lang).join(cut_reasons),
            )
        facts.sort(key=lambda f: -f[0])
        level = facts[0][0]
        deadline = ""
        if level == 3:
            deadline = self.lists[facts[0][1]].removal_deadline if facts[0][1] in self.lists else ""
        sc = self.scenario
        escalated = ""
        if sc.enforced and sc.removal_from_level and level >= sc.removal_from_level and level < 3:
            level, deadline = 3, sc.removal_deadline
            escalated = phrase("escalated", lang, deadline=deadline)
        elif sc.enforced and level == 3 and sc.removal_deadline:
            deadline = min(filter(None, [deadline, sc.removal_deadline]))
        lists = ";".join(dict.fromkeys(f[1] for f in facts))
        reason = (
            phrase(
                "vendor_facts",
                lang,
                vendor=self.names.get(vendor_id, vendor_id),
                facts=phrase("separator", lang).join(f[2] for f in facts),
            )
            + escalated
        )
        return Verdict(level, lists, deadline, reason, cut, phrase("separator", lang).join(cut_reasons))
