"""Where input fields and the fields we write meet.

Output field names are compared with input field names without regard to case: GeoPackage,
shapefile and PostgreSQL (unquoted) all treat `VENDOR_NAME` and `vendor_name` as one column, so
an input field that matches an output field in any case is kept under `<name>_input`."""

RESERVED = ("fid", "geom")  # the GeoPackage's own key and geometry columns


def input_renames(input_names, output_names, replaced=()):
    """{input name: name it is written under} for the input fields that would collide with an
    output field (case-insensitively), or with a reserved column. `replaced` names input
    fields that the outputs supersede (a tagged layer's old tags): they are dropped, not kept,
    and are absent from the mapping."""
    taken = {n.lower() for n in output_names} | set(RESERVED)
    replaced = set(replaced)
    kept = [n for n in input_names if n not in replaced]
    used = taken | {n.lower() for n in kept}
    out = {}
    for name in kept:
        if name.lower() not in taken or name == "fid":  # "fid": the source's own feature key
            continue
        new, k = f"{name}_input", 2
        while new.lower() in used:
            new, k = f"{name}_input{k}", k + 1
        used.add(new.lower())
        out[name] = new
    return out
