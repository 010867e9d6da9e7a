"""Field-of-view sectors as numpy arrays: every camera at once, no geometry library needed."""

import numpy as np

SEGMENTS = 64  # arc segments: a 90° sector's area is within 0.05% of π r²/4, a disc within 0.2%


def sector_rings(x, y, direction, angle, radius, segments=SEGMENTS):
    """Closed rings (n, segments + 3, 2), counter-clockwise, in the units of x/y/radius.

    Bearings are degrees clockwise from north. A camera with angle >= 360 or no direction
    gets a disc. A sector straddling north (direction 350°, angle 40°) is built across
    0°/360° like any other: the arc runs from 330° to 370°.
    """
    x, y = np.asarray(x, float), np.asarray(y, float)
    direction, angle = np.asarray(direction, float), np.asarray(angle, float)
    radius = np.asarray(radius, float)
    n, k = len(x), segments + 3
    disc = (angle >= 360) | np.isnan(direction)
    t = np.linspace(0.0, 1.0, segments + 1)
    start = np.where(disc, 0.0, direction - angle / 2.0)
    span = np.where(disc, 360.0, angle)
    bearings = np.zeros((n, k))
    # sector: apex, arc of segments + 1 points, apex; disc: k points round the circle
    bearings[:, 1:-1] = start[:, None] + span[:, None] * t[None, :]
    disc_b = np.linspace(0.0, 360.0, k)
    bearings[disc] = disc_b[None, :]
    rad = np.radians(bearings)
    dist = np.broadcast_to(radius[:, None], (n, k)).copy()
    apex = ~disc
    dist[apex, 0] = 0.0
    dist[apex, -1] = 0.0
    rings = np.empty((n, k, 2))
    rings[..., 0] = x[:, None] + dist * np.sin(rad)
    rings[..., 1] = y[:, None] + dist * np.cos(rad)
    rings[disc, -1] = rings[disc, 0]  # close exactly despite rounding
    return rings[:, ::-1, :]  # bearings turn clockwise; reverse for counter-clockwise rings


def ring_areas(rings):
    """Shoelace area of each ring (same units squared)."""
    x, y = rings[..., 0], rings[..., 1]
    return 0.5 * np.abs(np.sum(x[:, :-1] * y[:, 1:] - x[:, 1:] * y[:, :-1], axis=1))


def polygon_wkb(rings, valid=None):
    """Little-endian WKB polygons (one ring each) as an object array of bytes; None where invalid."""
    rings = np.ascontiguousarray(rings, dtype="<f8")
    n, k, _ = rings.shape
    dtype = np.dtype(
        [("order", "u1"), ("type", "<u4"), ("nrings", "<u4"), ("npoints", "<u4"), ("xy", "<f8", (k, 2))]
    )
    rec = np.empty(n, dtype=dtype)
    rec["order"], rec["type"], rec["nrings"], rec["npoints"] = 1, 3, 1, k
    rec["xy"] = rings
    buf, size = rec.tobytes(), dtype.itemsize
    out = np.empty(n, dtype=object)
    out[:] = [buf[i * size : (i + 1) * size] for i in range(n)]
    bad = ~np.isfinite(rings).all(axis=(1, 2))
    if valid is not None:
        bad |= ~np.asarray(valid, bool)
    out[bad] = None
    return out
