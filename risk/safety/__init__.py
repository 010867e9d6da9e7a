"""Guards for hostile input: spreadsheet text, JSON files, regular expressions, temp files."""
