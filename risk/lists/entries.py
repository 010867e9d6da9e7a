"""What a list file holds once read: its entries, the lists they belong to, its date."""

from dataclasses import dataclass, field


class ListFileError(ValueError):
    """A list file that cannot be read; the message names the file and, when known, the row."""


@dataclass
class Entry:
    """One named entity on one list, as the file gives it."""

    list_id: str
    name: str
    where: str  # 'row 12', 'entry 5': how a reader finds it in the file
    aliases: tuple = ()
    former_names: tuple = ()
    parent: str = ""  # the entity it is an affiliate or subsidiary of, as the file names it
    country: str = ""
    date_added: str = ""
    date_removed: str = ""
    document: str = ""  # Federal Register or official-journal citation
    source_url: str = ""
    scope_classes: str = ""
    note: str = ""
    category: bool = False  # a row naming a kind of equipment, not a vendor


@dataclass
class ListFile:
    """A list file read: entries plus what it says about itself."""

    path: str
    format: str
    entries: list = field(default_factory=list)
    lists: dict = field(default_factory=dict)  # list_id -> lists.csv row (dict) it needs
    file_date: str = ""  # the date the file states, else its newest entry date
    skipped: dict = field(default_factory=dict)  # reason -> count (individuals, vessels...)
    problems: list = field(default_factory=list)  # rows not read, each naming row and field
    editions: tuple = ()  # for files holding several editions of one list: their dates

    def skip(self, reason):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def newest_date(self):
        dates = [d for e in self.entries for d in (e.date_added, e.date_removed) if d]
        return max(dates, default="")
