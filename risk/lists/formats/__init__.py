"""One reader per official file format; `detect` picks the reader a file needs."""
