"""Whether an asset keeps working with the city's stack under a scenario."""

from .phrases import check_language, phrase


class Compatibility:
    """Judges a ';'-joined standards value once per distinct value, for one scenario."""

    def __init__(self, catalog, city_bloc, scenario, lang="en"):
        self.lang = check_language(lang)
        std = catalog.standards.set_index("standard_id")
        self.names = std["name"].to_dict()
        self.support = {
            sid: {b.strip() for b in v.split(";") if b.strip()} for sid, v in std["bloc_support"].items()
        }
        self.openness = std["openness"].to_dict()
        self.bloc = city_bloc
        self.split = scenario.bloc_split
        self._cache = {}

    def standards(self, value):
        return [s for s in (p.strip() for p in (value or "").split(";")) if s in self.support]

    def judge(self, standards, cut_off, cut_reason):
        """(compatible, reason) for one asset's standards and vendor situation."""
        key = (standards, cut_off, cut_reason)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._judge(standards, cut_off, cut_reason)
        return hit

    def _judge(self, standards, cut_off, cut_reason):
        if cut_off:
            return False, phrase("support_ends", self.lang, reason=cut_reason)
        stds = self.standards(standards)
        if not stds:
            return True, phrase("no_standard", self.lang)
        if not self.split:
            return True, ""
        ok = [s for s in stds if self.bloc in self.support[s]]
        names = ", ".join(self.names[s] for s in (ok or stds))
        if ok:
            return True, phrase("still_supported", self.lang, names=names, bloc=self.bloc)
        return False, phrase("none_supported", self.lang, names=names, bloc=self.bloc)

    def link_is_proprietary(self, asset_standards, platform_standards):
        """True when an asset can reach its platform only through a proprietary protocol."""
        a, p = set(self.standards(asset_standards)), set(self.standards(platform_standards))
        shared = a & p
        if shared:
            return all(self.openness[s] == "proprietary" for s in shared)
        return bool(p) and all(self.openness[s] == "proprietary" for s in p)
