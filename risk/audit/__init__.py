"""Camera audit engine: rules as data, evaluated over all cameras at once, evidence not scores."""
