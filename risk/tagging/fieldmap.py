"""Find which input field plays which role (manufacturer, model, cost...), in English or French."""

from ..definitions import FIELD_ROLES
from .normalize import field_key


class FieldMappingError(ValueError):
    pass


def detect_fields(field_names, overrides=None, roles=FIELD_ROLES):
    """Map each role to a field name (or None); explicit overrides win and must exist."""
    by_key = {}
    for name in field_names:
        by_key.setdefault(field_key(name), name)
    mapping, used = {}, set()
    for role, value in (overrides or {}).items():
        if role not in roles:
            raise FieldMappingError(f"unknown field role '{role}' (known: {', '.join(roles)})")
        if value:
            if value not in field_names:
                raise FieldMappingError(
                    f"field '{value}' given for role '{role}' is not in the layer "
                    f"(fields: {', '.join(field_names)})"
                )
            mapping[role] = value
            used.add(value)
    for role, candidates in roles.items():
        if role in mapping:
            continue
        mapping[role] = None
        for cand in candidates:
            name = by_key.get(field_key(cand))
            if name is not None and name not in used:
                mapping[role] = name
                used.add(name)
                break
    return mapping


def describe_mapping(mapping):
    """One line per role, for logs and the run_info table."""
    return "; ".join(f"{role}={name or '-'}" for role, name in mapping.items())
