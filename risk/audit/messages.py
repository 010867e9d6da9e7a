"""Bad input is reported by camera and field, a few lines per problem, never as a traceback."""

import numpy as np

PER_PROBLEM = 10


class Messages:
    """Warnings collected while reading a layer, grouped so a bad column does not flood the log."""

    def __init__(self):
        self.lines = []  # problems with the input, worth a warning
        self.notes = []  # how the input was read, for the log and the run info

    def add(self, line):
        self.lines.append(line)

    def note(self, line):
        self.notes.append(line)

    def per_camera(self, camera_ids, mask, field, raw, problem):
        """One line per offending camera (up to PER_PROBLEM), then a count of the rest."""
        rows = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(rows):
            return
        ids = camera_ids.to_numpy()
        values = raw.to_numpy()
        for r in rows[:PER_PROBLEM]:
            self.lines.append(f"camera {ids[r]}, field '{field}': value '{values[r]}' {problem}")
        if len(rows) > PER_PROBLEM:
            self.lines.append(
                f"... and {len(rows) - PER_PROBLEM} more cameras whose field '{field}' {problem}"
            )

    def __iter__(self):
        return iter(self.lines)

    def __len__(self):
        return len(self.lines)
