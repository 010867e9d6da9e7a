#!/usr/bin/env python3
"""Generate the bundled sample municipality ``sample_city.gpkg`` ("Valbourg").

Valbourg is a FICTIONAL French city of about 120,000 inhabitants, placed in EPSG:2154
(Lambert-93) around x=700000, y=6600000. Every feature and attribute is invented. Vendor and
model names are those of real companies, used only as plausible inventory strings: nothing here
describes any real city, site, deployment or purchase. See README.md beside this file.

The generator is deterministic: one random generator seeded with a fixed value, features written
in a fixed order, and the GeoPackage timestamps pinned with ``OGR_CURRENT_DATE``. Run it with::

    /usr/bin/python3 resources/sample/make_sample.py [--output path/to/file.gpkg]

Dependencies: numpy and the GDAL/OGR Python bindings only (no QGIS, no network).
"""

from __future__ import annotations

import argparse
import math
import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr

SEED = 20261125
EPSG = 2154
CX, CY = 700000.0, 6600000.0  # city centre (place de l'Hôtel de Ville)
SEMI_X, SEMI_Y = 5000.0, 4000.0  # the city fits in a 10 km x 8 km box
CENTRE_RADIUS = 1000.0  # the old town inside the ring boulevard
GRID_ROTATION_DEG = 10.0
FIXED_DATE = "2025-11-25T00:00:00Z"  # pinned GeoPackage timestamps (gpkg_contents.last_change)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "sample_city.gpkg")

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------
def pick(rng, options):
    """One value from [(value, weight), ...]."""
    weights = np.array([w for _, w in options], dtype=float)
    cum = np.cumsum(weights / weights.sum())
    i = int(np.searchsorted(cum, rng.random(), side="right"))
    return options[min(i, len(options) - 1)][0]


def chance(rng, p):
    return bool(rng.random() < p)


def bearing_deg(dx, dy):
    """Compass bearing (0 = north, clockwise) of a vector."""
    return (np.degrees(np.arctan2(dx, dy)) + 360.0) % 360.0


def seg_distance(px, py, segs):
    """Distance from each point (px, py arrays) to the nearest of segs (M x 4 array)."""
    px = np.asarray(px, dtype=float)[:, None]
    py = np.asarray(py, dtype=float)[:, None]
    x1, y1, x2, y2 = (segs[:, k][None, :] for k in range(4))
    dx, dy = x2 - x1, y2 - y1
    len2 = dx * dx + dy * dy
    t = np.clip(((px - x1) * dx + (py - y1) * dy) / np.where(len2 == 0, 1, len2), 0, 1)
    qx, qy = x1 + t * dx, y1 + t * dy
    return np.sqrt((px - qx) ** 2 + (py - qy) ** 2).min(axis=1)


def point(x, y):
    g = ogr.Geometry(ogr.wkbPoint)
    g.AddPoint_2D(round(float(x), 2), round(float(y), 2))
    return g


def ring_polygon(xs, ys):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in zip(xs, ys):
        ring.AddPoint_2D(float(x), float(y))
    ring.AddPoint_2D(float(xs[0]), float(ys[0]))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def line(coords):
    g = ogr.Geometry(ogr.wkbLineString)
    for x, y in coords:
        g.AddPoint_2D(round(float(x), 2), round(float(y), 2))
    return g


def smooth_noise(rng, nterms):
    """A periodic function of the angle with values in [-1, 1]."""
    freqs = np.arange(2, 2 + nterms)
    amps = rng.uniform(0.3, 1.0, nterms) / freqs**0.5
    amps = amps / amps.sum()
    phases = rng.uniform(0, 2 * math.pi, nterms)

    def f(theta):
        theta = np.asarray(theta, dtype=float)
        return sum(a * np.sin(k * theta + p) for a, k, p in zip(amps, freqs, phases))

    return f


# --------------------------------------------------------------------------------------------
# the city: boundary, districts, streets
# --------------------------------------------------------------------------------------------
DISTRICT_NAMES = [
    "Centre-Ville",
    "La Gare",
    "Saint-Martin",
    "Les Tanneurs",
    "Bellevue",
    "Les Hauts de Valbourg",
    "Le Moulin",
    "Les Prés Fleuris",
    "La Croix-Blanche",
    "Le Faubourg d'Allier",
]
GARE = 1  # index of "La Gare" (the 2019 donated camera deployment sits around the station)
PERIPHERY_LOW_COST = (4, 5, 6)  # districts equipped later with cheaper cameras

STREET_NAMES = [
    "Rue Victor Hugo",
    "Rue Pasteur",
    "Rue Jean Jaurès",
    "Rue Gambetta",
    "Rue des Tanneurs",
    "Rue du Moulin",
    "Rue de la Paix",
    "Rue Voltaire",
    "Rue Émile Zola",
    "Rue Jules Ferry",
    "Rue des Écoles",
    "Rue du Marché",
    "Rue Nationale",
    "Rue des Lilas",
    "Rue des Acacias",
    "Rue du Château",
    "Rue de l'Église",
    "Rue Pierre Curie",
    "Rue Anatole France",
    "Rue Carnot",
    "Rue Danton",
    "Rue Condorcet",
    "Rue Diderot",
    "Rue Racine",
    "Rue Molière",
    "Rue La Fontaine",
    "Rue George Sand",
    "Rue Lamartine",
    "Rue Berlioz",
    "Rue Debussy",
    "Rue des Vignes",
    "Rue des Prés",
    "Rue des Jardins",
    "Rue du Stade",
    "Rue des Peupliers",
    "Rue des Tilleuls",
    "Rue des Charmes",
    "Rue des Érables",
    "Rue de Verdun",
    "Rue du 8 Mai 1945",
    "Rue du 11 Novembre",
    "Rue de la Liberté",
    "Rue Saint-Martin",
    "Rue Sainte-Anne",
    "Rue des Forges",
    "Rue de la Fontaine",
    "Rue du Four",
    "Rue Colbert",
    "Rue Mirabeau",
    "Rue Montaigne",
    "Rue Pascal",
    "Rue Descartes",
    "Rue Buffon",
    "Rue Lavoisier",
    "Rue Ampère",
    "Rue Édouard Branly",
    "Rue Gay-Lussac",
    "Rue des Cordeliers",
    "Rue des Remparts",
    "Rue de la Poste",
    "Rue des Halles",
    "Rue du Pont",
    "Rue des Mariniers",
    "Rue des Vergers",
    "Rue des Bleuets",
    "Rue des Coquelicots",
    "Rue du Commerce",
    "Rue de l'Industrie",
    "Rue du Parc",
    "Rue Hector Berlioz",
    "Rue Camille Claudel",
    "Rue Simone Veil",
]
AVENUE_NAMES = [
    "Avenue de la Gare",
    "Avenue de Paris",
    "Avenue du Général de Gaulle",
    "Avenue de la Libération",
    "Avenue Foch",
    "Avenue Jean Moulin",
    "Avenue de Lyon",
    "Avenue de la République",
]
RING_NAME = "Boulevard des Remparts"


def build_city(rng):
    noise_out = smooth_noise(rng, 5)
    noise_in = smooth_noise(rng, 3)

    def r_out(theta):
        # theta is a compass angle: x = r sin(theta), y = r cos(theta)
        ellipse = SEMI_X * SEMI_Y / np.sqrt((SEMI_Y * np.sin(theta)) ** 2 + (SEMI_X * np.cos(theta)) ** 2)
        return ellipse * (0.95 + 0.05 * noise_out(theta))

    def r_in(theta):
        return CENTRE_RADIUS * (1.0 + 0.07 * noise_in(theta))

    n_outer = len(DISTRICT_NAMES) - 1
    phase0 = rng.uniform(0, 2 * math.pi / n_outer)
    rays = (phase0 + 2 * math.pi * np.arange(n_outer) / n_outer + rng.uniform(-0.12, 0.12, n_outer)) % (
        2 * math.pi
    )
    regular = np.arange(144) * (2 * math.pi / 144)
    angles = np.unique(np.round(np.concatenate([regular, rays]), 12))
    bx = np.round(CX + r_out(angles) * np.sin(angles), 2)
    by = np.round(CY + r_out(angles) * np.cos(angles), 2)
    ix = np.round(CX + r_in(angles) * np.sin(angles), 2)
    iy = np.round(CY + r_in(angles) * np.cos(angles), 2)
    ray_idx = sorted(int(np.argmin(np.abs(angles - a))) for a in np.round(rays, 12))

    boundary = ring_polygon(bx, by)
    districts = [ring_polygon(ix, iy)]
    n = len(angles)
    for k in range(n_outer):
        i0, i1 = ray_idx[k], ray_idx[(k + 1) % n_outer]
        span = (i1 - i0) % n
        idx = [(i0 + j) % n for j in range(span + 1)]
        xs = list(bx[idx]) + list(ix[idx[::-1]])
        ys = list(by[idx]) + list(iy[idx[::-1]])
        districts.append(ring_polygon(xs, ys))
    ring_coords = list(zip(ix, iy)) + [(ix[0], iy[0])]
    return boundary, districts, ring_coords


def build_streets(rng, boundary, ring_coords):
    rot = math.radians(GRID_ROTATION_DEG)
    cr, sr = math.cos(rot), math.sin(rot)

    def to_world(u, v):
        return CX + u * cr - v * sr, CY + u * sr + v * cr

    raw = []  # (kind, (x1, y1, x2, y2))
    for v in range(-4500, 4501, 500):
        vv = v + rng.uniform(-40, 40)
        raw.append(("rue", to_world(-6500, vv) + to_world(6500, vv)))
    for u in range(-5500, 5501, 500):
        uu = u + rng.uniform(-40, 40)
        raw.append(("rue", to_world(uu, -5500) + to_world(uu, 5500)))
    for off in range(-1750, 1751, 500):
        o1 = off + rng.uniform(-30, 30)
        o2 = off + rng.uniform(-30, 30)
        raw.append(("rue", to_world(-2000, o1) + to_world(2000, o1)))
        raw.append(("rue", to_world(o2, -2000) + to_world(o2, 2000)))

    names = list(STREET_NAMES)
    rng.shuffle(names)
    streets = []  # (name, kind, geometry)
    for n_line, (kind, (x1, y1, x2, y2)) in enumerate(raw):
        g = line([(x1, y1), (x2, y2)]).Intersection(boundary)
        name = names[n_line % len(names)]
        for part in _line_parts(g):
            if part.Length() >= 80:
                streets.append((name, kind, part))

    # radial avenues from the central square
    start = rng.uniform(0, 2 * math.pi)
    for k, name in enumerate(AVENUE_NAMES):
        a = start + 2 * math.pi * k / len(AVENUE_NAMES) + rng.uniform(-0.15, 0.15)
        ln = line(
            [
                (CX + 80 * math.sin(a), CY + 80 * math.cos(a)),
                (CX + 7000 * math.sin(a), CY + 7000 * math.cos(a)),
            ]
        )
        for part in _line_parts(ln.Intersection(boundary)):
            streets.append((name, "avenue", part))
    streets.append((RING_NAME, "avenue", line(ring_coords)))
    return streets


def _line_parts(g):
    if g is None or g.IsEmpty():
        return []
    gt = ogr.GT_Flatten(g.GetGeometryType())
    if gt == ogr.wkbLineString:
        return [line(g.GetPoints())]
    if gt in (ogr.wkbMultiLineString, ogr.wkbGeometryCollection):
        out = []
        for i in range(g.GetGeometryCount()):
            out.extend(_line_parts(g.GetGeometryRef(i)))
        return out
    return []


def street_samples(streets, step=10.0):
    """Points every `step` metres along every street, with the street's bearing and kind."""
    xs, ys, brg, sid, avenue = [], [], [], [], []
    segs = []
    for s, (_name, kind, g) in enumerate(streets):
        pts = np.array(g.GetPoints(), dtype=float)[:, :2]
        for a, b in zip(pts[:-1], pts[1:]):
            segs.append((a[0], a[1], b[0], b[1]))
            d = b - a
            length = float(np.hypot(*d))
            if length < 1:
                continue
            t = np.arange(step / 2, length, step) / length
            xs.append(a[0] + t * d[0])
            ys.append(a[1] + t * d[1])
            brg.append(np.full(t.size, bearing_deg(d[0], d[1])))
            sid.append(np.full(t.size, s))
            avenue.append(np.full(t.size, kind == "avenue"))
    return {
        "x": np.concatenate(xs),
        "y": np.concatenate(ys),
        "bearing": np.concatenate(brg),
        "street": np.concatenate(sid),
        "avenue": np.concatenate(avenue),
        "segs": np.array(segs, dtype=float),
    }


def intersections(streets):
    pts = []
    for i in range(len(streets)):
        for j in range(i + 1, len(streets)):
            if streets[i][0] == streets[j][0]:
                continue
            g = streets[i][2].Intersection(streets[j][2])
            if g is None or g.IsEmpty():
                continue
            gt = ogr.GT_Flatten(g.GetGeometryType())
            if gt == ogr.wkbPoint:
                pts.append((g.GetX(), g.GetY()))
            elif gt == ogr.wkbMultiPoint:
                for k in range(g.GetGeometryCount()):
                    p = g.GetGeometryRef(k)
                    pts.append((p.GetX(), p.GetY()))
    return np.array(pts, dtype=float)


def offset_from_street(samples, i, dist, side):
    """A point `dist` metres to one side (+1 right, -1 left) of street sample i."""
    b = math.radians(samples["bearing"][i])
    ux, uy = math.sin(b), math.cos(b)
    nx, ny = uy, -ux  # right-hand normal
    return samples["x"][i] + side * dist * nx, samples["y"][i] + side * dist * ny


def inside(boundary, x, y):
    return boundary.Contains(point(x, y))


def district_of(districts, x, y):
    p = point(x, y)
    for k, d in enumerate(districts):
        if d.Intersects(p):
            return k
    return -1


def spaced_sample(rng, weights, n, min_dist, xs, ys, taken_xy=None, max_tries=200000):
    """Draw n distinct indices by weight, at least min_dist apart (and from taken_xy)."""
    w = np.asarray(weights, dtype=float).copy()
    chosen = []
    cx = [] if taken_xy is None else [p[0] for p in taken_xy]
    cy = [] if taken_xy is None else [p[1] for p in taken_xy]
    tries = 0
    while len(chosen) < n and tries < max_tries and w.sum() > 0:
        tries += 1
        i = int(rng.choice(w.size, p=w / w.sum()))
        w[i] = 0
        if cx and np.min(np.hypot(np.array(cx) - xs[i], np.array(cy) - ys[i])) < min_dist:
            continue
        chosen.append(i)
        cx.append(xs[i])
        cy.append(ys[i])
    return chosen


# --------------------------------------------------------------------------------------------
# sensitive sites and dwellings
# --------------------------------------------------------------------------------------------
SCHOOL_NAMES = [
    "École maternelle Les Tilleuls",
    "École élémentaire Jules Ferry",
    "Groupe scolaire Pasteur",
    "École maternelle Le Petit Prince",
    "École élémentaire Jean Macé",
    "Groupe scolaire Marie Curie",
    "École élémentaire Paul Bert",
    "École maternelle Les Coquelicots",
    "École primaire Saint-Joseph",
    "École élémentaire Condorcet",
    "École maternelle Jacques Prévert",
    "Groupe scolaire Victor Hugo",
    "École élémentaire Louise Michel",
    "École maternelle Les Lilas",
    "École élémentaire Jean Zay",
    "Collège Jean Moulin",
    "Collège George Sand",
    "Collège Albert Camus",
    "Collège Sainte-Anne",
    "Lycée Marie Curie",
    "Lycée Blaise Pascal",
    "Lycée professionnel Jean Monnet",
    "École maternelle Simone Veil",
    "École élémentaire Anatole France",
]
WORSHIP_NAMES = [
    "Église Saint-Martin",
    "Église Notre-Dame",
    "Église Saint-Pierre",
    "Église Sainte-Thérèse",
    "Église Saint-Joseph",
    "Chapelle des Cordeliers",
    "Mosquée de Valbourg",
    "Salle de prière Al Amal",
    "Temple protestant",
    "Synagogue de Valbourg",
    "Église orthodoxe Saint-Nicolas",
    "Église évangélique de la Croix-Blanche",
]
HOSPITAL_NAMES = ["Centre hospitalier de Valbourg", "Clinique des Tilleuls", "Polyclinique du Parc"]


def build_sensitive_sites(rng, samples, boundary):
    sx, sy = samples["x"], samples["y"]
    dist_c = np.hypot(sx - CX, sy - CY)
    sites = []  # (nom, categorie, x, y)

    def place(i, lo, hi):
        """Set back from street sample i, and clear of any other street (best of a few tries)."""
        best, best_d = (sx[i], sy[i]), -1.0
        for _ in range(20):
            x, y = offset_from_street(samples, i, rng.uniform(lo, hi), 1 if chance(rng, 0.5) else -1)
            if not inside(boundary, x, y):
                continue
            d = seg_distance([x], [y], samples["segs"])[0]
            if d >= lo - 2:
                return x, y
            if d > best_d:
                best, best_d = (x, y), d
        return best

    i_mairie = int(np.argmin(np.abs(dist_c - 120)))
    sites.append(("Hôtel de Ville de Valbourg", "mairie") + place(i_mairie, 22, 30))

    w = ((dist_c > 1600) & (dist_c < 3200)).astype(float)
    for name, i in zip(HOSPITAL_NAMES, spaced_sample(rng, w, 3, 1200, sx, sy)):
        sites.append((name, "hopital") + place(i, 30, 45))
    taken = [(s[2], s[3]) for s in sites]

    w = np.exp(-dist_c / 2500.0)
    for name, i in zip(SCHOOL_NAMES, spaced_sample(rng, w, len(SCHOOL_NAMES), 380, sx, sy, taken)):
        sites.append((name, "ecole") + place(i, 20, 35))
    taken = [(s[2], s[3]) for s in sites]

    w = np.exp(-dist_c / 1500.0)
    for name, i in zip(WORSHIP_NAMES, spaced_sample(rng, w, len(WORSHIP_NAMES), 220, sx, sy, taken)):
        sites.append((name, "lieu_de_culte") + place(i, 18, 30))
    return sites


def build_dwellings(rng, samples, boundary, n_target=600):
    sx, sy = samples["x"], samples["y"]
    segs = samples["segs"]
    dist_c = np.hypot(sx - CX, sy - CY)
    w = 3.0 * np.exp(-((dist_c / 2000.0) ** 2)) + 0.3
    w = w / w.sum()
    out = []  # (usage, corners)
    cx, cy, cr = [], [], []
    tries = 0
    while len(out) < n_target and tries < 40000:
        tries += 1
        i = int(rng.choice(w.size, p=w))
        width, depth = rng.uniform(10, 25), rng.uniform(10, 25)
        half_diag = 0.5 * math.hypot(width, depth)
        off = 6.0 + depth / 2 + rng.uniform(0, 8)
        side = 1 if chance(rng, 0.5) else -1
        x, y = offset_from_street(samples, i, off, side)
        if cx and np.min(np.hypot(np.array(cx) - x, np.array(cy) - y) - np.array(cr)) < half_diag + 1.0:
            continue
        if seg_distance([x], [y], segs)[0] < half_diag + 4.0:
            continue
        b = math.radians(samples["bearing"][i])
        ux, uy = math.sin(b), math.cos(b)
        nx, ny = uy, -ux
        corners = []
        for a, c in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            corners.append(
                (
                    round(x + a * ux * width / 2 + c * nx * depth / 2, 2),
                    round(y + a * uy * width / 2 + c * ny * depth / 2, 2),
                )
            )
        poly = ring_polygon([p[0] for p in corners], [p[1] for p in corners])
        if not boundary.Contains(poly):
            continue
        usage = pick(rng, [("logement", 0.75), ("commerce", 0.18), ("equipement", 0.07)])
        out.append((usage, poly))
        cx.append(x)
        cy.append(y)
        cr.append(half_diag)
    return out


# --------------------------------------------------------------------------------------------
# cameras
# --------------------------------------------------------------------------------------------
# model, form, first year, last year, cost low, cost high (EUR)
CAMERA_MODELS = {
    "hikvision": [
        ("DS-2CD2143G2-I", "dome", 2020, 2025, 400, 620),
        ("DS-2CD2143G2-IS", "dome", 2020, 2025, 420, 680),
        ("DS-2CD2047G2-L", "bullet", 2021, 2025, 450, 700),
        ("DS-2CD2T47G2-L", "bullet", 2021, 2025, 480, 760),
        ("DS-2CD2346G2-ISU/SL", "turret", 2021, 2025, 450, 720),
        ("DS-2CD2T86G2-4I", "bullet", 2020, 2025, 600, 950),
        ("DS-2CD2183G0-I", "dome", 2017, 2020, 450, 700),
        ("DS-2CD2142FWD-I", "dome", 2014, 2018, 400, 600),
        ("DS-2CD2042WD-I", "bullet", 2013, 2017, 400, 600),
        ("DS-2CD2T42WD-I5", "bullet", 2015, 2019, 420, 650),
        ("DS-2DE4425IW-DE", "ptz", 2019, 2025, 1100, 1700),
        ("DS-2DE7A432IW-AEB", "ptz", 2020, 2025, 1800, 2600),
        ("DS-2DF8225IX-AEL", "ptz", 2016, 2020, 2000, 2900),
        ("DS-2CD6365G0E-IVS", "fisheye", 2019, 2025, 700, 1100),
        ("DS-2CD6944G0-IHS", "multi", 2019, 2025, 1600, 2400),
        ("iDS-2CD7A46G0-IZHS", "bullet", 2019, 2025, 1000, 1500),
    ],
    "hilook": [
        ("IPC-B140H", "bullet", 2019, 2024, 400, 450),
        ("IPC-T240H", "turret", 2019, 2024, 400, 460),
        ("IPC-D140H", "dome", 2019, 2024, 400, 450),
    ],
    "hiwatch": [
        ("HWI-B140H", "bullet", 2018, 2023, 400, 460),
        ("DS-I203", "bullet", 2017, 2020, 400, 450),
    ],
    "dahua": [
        ("IPC-HFW2431S-S-S2", "bullet", 2019, 2023, 400, 620),
        ("IPC-HDW2431T-AS-S2", "turret", 2019, 2023, 400, 600),
        ("IPC-HDBW2431E-S-S2", "dome", 2019, 2023, 400, 620),
        ("IPC-HFW5442E-ZE", "bullet", 2020, 2025, 650, 950),
        ("IPC-HDBW3441E-AS", "dome", 2021, 2025, 420, 650),
        ("DH-IPC-HFW1431S", "bullet", 2017, 2020, 400, 520),
        ("IPC-HFW4431R-Z", "bullet", 2015, 2019, 450, 700),
        ("IPC-HDBW4431R-S", "dome", 2016, 2019, 430, 650),
        ("SD49225XA-HNR", "ptz", 2019, 2025, 1100, 1800),
        ("SD6AL245U-HNI", "ptz", 2020, 2025, 1900, 2800),
        ("SD59225U-HNI", "ptz", 2016, 2020, 1200, 1900),
        ("IPC-EBW81230", "fisheye", 2018, 2024, 700, 1100),
        ("IPC-PFW5849-A180-E2", "multi", 2021, 2025, 1500, 2300),
        ("IPC-HFW7442H-Z", "bullet", 2020, 2025, 900, 1400),
    ],
    "imou": [
        ("IPC-F42P", "bullet", 2019, 2024, 400, 430),
        ("IPC-S42FP", "ptz", 2020, 2024, 400, 450),
    ],
    "huawei": [
        ("M2141-10-EI", "bullet", 2018, 2020, 900, 1600),
        ("M2221-Q", "bullet", 2018, 2020, 1200, 2200),
        ("X2221-10-FLI", "bullet", 2018, 2020, 2200, 3400),
        ("D2150-10-SIU", "dome", 2018, 2020, 900, 1500),
        ("M6741-10-Z40", "ptz", 2018, 2020, 2600, 3500),
    ],
    "axis": [
        ("P3265-LVE", "dome", 2020, 2025, 850, 1200),
        ("P3245-LVE", "dome", 2017, 2021, 750, 1050),
        ("M3106-L Mk II", "dome", 2018, 2023, 400, 550),
        ("M3115-LVE", "dome", 2019, 2024, 450, 600),
        ("P1455-LE", "bullet", 2020, 2025, 950, 1300),
        ("P1445-LE", "bullet", 2017, 2021, 850, 1150),
        ("M2026-LE Mk II", "bullet", 2018, 2023, 420, 600),
        ("Q1615-LE Mk III", "box", 2020, 2025, 1900, 2600),
        ("Q6135-LE", "ptz", 2020, 2025, 2900, 3500),
        ("Q6075-E", "ptz", 2019, 2024, 2400, 3200),
        ("Q6045-E", "ptz", 2013, 2017, 2200, 3000),
        ("P3364-LVE", "dome", 2013, 2017, 800, 1100),
        ("M3024-LVE", "dome", 2012, 2015, 400, 550),
        ("M3057-PLVE Mk II", "fisheye", 2020, 2025, 800, 1100),
        ("P3727-PLE", "multi", 2018, 2023, 1500, 2000),
    ],
    "bosch": [
        ("NDE-3502-AL", "dome", 2019, 2025, 520, 800),
        ("NBE-3502-AL", "bullet", 2019, 2025, 520, 800),
        ("NDE-5503-AL", "dome", 2019, 2025, 800, 1150),
        ("NBE-5503-AL", "bullet", 2019, 2025, 800, 1150),
        ("NDP-7512-Z30", "ptz", 2020, 2025, 2800, 3500),
        ("NDS-5704-F360", "fisheye", 2020, 2025, 900, 1300),
        ("NDE-4502-AL", "dome", 2016, 2020, 700, 1000),
        ("NBN-733V-IP", "box", 2012, 2015, 700, 1000),
        ("NDN-832V03-IP", "dome", 2012, 2015, 650, 950),
    ],
    "hanwha": [
        ("XNO-6080R", "bullet", 2018, 2024, 550, 800),
        ("XND-6080RV", "dome", 2018, 2024, 550, 800),
        ("XNV-8080R", "dome", 2018, 2024, 800, 1100),
        ("QNV-6082R", "dome", 2019, 2025, 400, 550),
        ("XNP-6400RW", "ptz", 2019, 2025, 2400, 3300),
        ("XNF-9010RV", "fisheye", 2019, 2025, 900, 1300),
        ("PNM-9084QZ", "multi", 2020, 2025, 2500, 3400),
    ],
    "samsung": [
        ("SNV-6084R", "dome", 2012, 2016, 500, 750),
        ("SNO-6084R", "bullet", 2012, 2016, 500, 750),
        ("SNP-6320H", "ptz", 2012, 2016, 2200, 3000),
        ("SND-5084", "dome", 2012, 2015, 400, 600),
    ],
    "avigilon": [
        ("2.0C-H5A-DO1", "dome", 2019, 2025, 650, 900),
        ("4.0C-H5A-BO1-IR", "bullet", 2019, 2025, 800, 1100),
        ("5.0L-H4A-D1", "dome", 2016, 2020, 700, 1000),
        ("12.0W-H4A-FE-DO1-IR", "fisheye", 2017, 2021, 1100, 1500),
        ("4.0C-H6A-D1-IR", "dome", 2023, 2025, 900, 1200),
        ("2.0C-H5A-PTZ-DC36", "ptz", 2019, 2025, 2800, 3400),
    ],
    "ipro": [
        ("WV-S2136L", "dome", 2019, 2023, 450, 650),
        ("WV-S1536LN", "bullet", 2019, 2024, 550, 800),
        ("WV-S2236L", "dome", 2019, 2024, 600, 850),
        ("WV-X6531N", "ptz", 2019, 2024, 2500, 3300),
        ("WV-S4576L", "fisheye", 2019, 2024, 900, 1200),
    ],
    "mobotix": [
        ("M16B", "box", 2016, 2022, 900, 1400),
        ("S16B DualFlex", "multi", 2017, 2022, 1100, 1600),
        ("Q26B", "fisheye", 2017, 2022, 800, 1100),
        ("M73", "box", 2020, 2025, 1300, 1900),
        ("c26B", "fisheye", 2017, 2022, 600, 900),
    ],
    "vivotek": [
        ("FD9387-EHTV-A", "dome", 2020, 2025, 500, 750),
        ("IB9387-EHT-A", "bullet", 2020, 2025, 500, 750),
        ("FD9368-HTV", "dome", 2017, 2021, 450, 650),
        ("SD9384-EHL", "ptz", 2019, 2024, 1900, 2600),
        ("FE9391-EV", "fisheye", 2019, 2024, 800, 1100),
    ],
    "uniview": [
        ("IPC2122LB-SF28-A", "bullet", 2018, 2023, 400, 480),
        ("IPC3614SR3-ADPF28", "turret", 2019, 2024, 400, 520),
        ("IPC2124LR3-PF40M-D", "bullet", 2017, 2021, 400, 500),
        ("IPC6622SR-X33-VF", "ptz", 2019, 2024, 1100, 1600),
        ("IPC868ER-VF18", "fisheye", 2018, 2023, 600, 900),
    ],
    "lts": [
        ("CMIP3042W-28M", "dome", 2016, 2022, 400, 560),
        ("CMIP7442W-28M", "turret", 2017, 2022, 400, 580),
    ],
    "annke": [
        ("C800", "bullet", 2019, 2023, 400, 450),
        ("NC400", "bullet", 2020, 2024, 400, 480),
    ],
    "lorex": [
        ("E892AB", "dome", 2019, 2022, 400, 460),
        ("LNB8921B", "bullet", 2018, 2022, 400, 470),
    ],
    "ezviz": [
        ("C3N", "bullet", 2020, 2024, 400, 420),
        ("C8C", "ptz", 2020, 2024, 400, 450),
    ],
}

# How the maker is written in the `fabricant` column (weights).
MAKER_STRINGS = {
    "hikvision": [
        ("Hikvision", 0.32),
        ("HIKVISION", 0.14),
        ("HIKVISION DIGITAL TECHNOLOGY CO., LTD", 0.12),
        ("Hangzhou Hikvision", 0.10),
        ("Hangzhou Hikvision Digital Technology Co., Ltd.", 0.07),
        ("海康威视", 0.05),
        ("Hikvison", 0.07),
        ("hik vision", 0.04),
        ("Hikvision France", 0.05),
        ("Hikvision ", 0.04),
    ],
    "dahua": [
        ("Dahua", 0.38),
        ("DAHUA", 0.12),
        ("Zhejiang Dahua Technology", 0.15),
        ("Zhejiang Dahua Technology Co., Ltd.", 0.10),
        ("大华", 0.06),
        ("Dahua Technology", 0.08),
        ("Dahua Technology France", 0.05),
        ("Dauha", 0.04),
        ("dahua ", 0.02),
    ],
    "huawei": [
        ("Huawei", 0.6),
        ("HUAWEI TECHNOLOGIES CO., LTD.", 0.2),
        ("华为", 0.1),
        ("Huawei Technologies France", 0.1),
    ],
    "axis": [
        ("Axis", 0.42),
        ("Axis Communications AB", 0.25),
        ("AXIS", 0.15),
        ("Axis Communications", 0.13),
        ("axis communications", 0.05),
    ],
    "bosch": [("Bosch Security Systems", 0.4), ("Bosch", 0.35), ("BOSCH", 0.1), ("Robert Bosch GmbH", 0.15)],
    "hanwha": [("Hanwha Vision", 0.45), ("Hanwha Techwin", 0.35), ("Hanwha", 0.2)],
    "samsung": [("Samsung Techwin", 0.6), ("Samsung", 0.4)],
    "avigilon": [("Avigilon", 0.8), ("Avigilon (Motorola Solutions)", 0.2)],
    "ipro": [("i-PRO", 0.6), ("i-PRO Co., Ltd.", 0.2), ("Panasonic i-PRO", 0.2)],
    "mobotix": [("Mobotix", 0.6), ("MOBOTIX AG", 0.4)],
    "vivotek": [("Vivotek", 0.7), ("VIVOTEK Inc.", 0.3)],
    "uniview": [("Uniview", 0.6), ("Zhejiang Uniview Technologies", 0.25), ("UNV", 0.15)],
    "lts": [("LTS", 1.0)],
    "annke": [("Annke", 1.0)],
    "lorex": [("Lorex", 1.0)],
    "ezviz": [("Ezviz", 0.7), ("EZVIZ", 0.3)],
}
INTEGRATORS = [("Citéo Sécurité SARL", 0.6), ("Valbourg Vidéo Services", 0.25), ("Elec'Sûreté Centre", 0.15)]

# base share of each maker among cameras whose maker is written (Huawei is placed separately)
MAKER_WEIGHTS = {
    "axis": 0.22,
    "hikvision": 0.25,
    "dahua": 0.13,
    "bosch": 0.09,
    "hanwha": 0.07,
    "samsung": 0.03,
    "avigilon": 0.035,
    "ipro": 0.03,
    "mobotix": 0.03,
    "vivotek": 0.025,
    "uniview": 0.025,
    "lts": 0.012,
    "annke": 0.006,
    "lorex": 0.006,
    "ezviz": 0.006,
}

CAMERA_PROTOCOLS = {
    "hikvision": [
        ("ONVIF S;ISAPI", 0.35),
        ("ISAPI", 0.25),
        ("ONVIF", 0.15),
        ("ONVIF S;RTSP", 0.10),
        ("GB/T 28181;ISAPI", 0.03),
        ("", 0.12),
    ],
    "dahua": [
        ("ONVIF S;Dahua SDK", 0.30),
        ("Dahua SDK", 0.20),
        ("ONVIF", 0.20),
        ("ONVIF S;RTSP", 0.10),
        ("GB/T 28181", 0.05),
        ("", 0.15),
    ],
    "huawei": [("Huawei SDK", 0.5), ("GB/T 28181;Huawei SDK", 0.2), ("ONVIF S", 0.15), ("", 0.15)],
    "axis": [
        ("ONVIF S;ONVIF T;VAPIX", 0.35),
        ("ONVIF S;RTSP", 0.25),
        ("VAPIX", 0.15),
        ("ONVIF", 0.15),
        ("", 0.10),
    ],
    "bosch": [("ONVIF S;ONVIF G;ONVIF T", 0.4), ("ONVIF S", 0.3), ("RCP+", 0.1), ("", 0.2)],
    "hanwha": [("ONVIF S;ONVIF T", 0.4), ("ONVIF S", 0.3), ("SUNAPI", 0.1), ("", 0.2)],
    "samsung": [("ONVIF S", 0.6), ("SUNAPI", 0.2), ("", 0.2)],
    "avigilon": [("ONVIF S", 0.5), ("Avigilon ACC", 0.3), ("", 0.2)],
    "ipro": [("ONVIF S;ONVIF G", 0.5), ("ONVIF", 0.3), ("", 0.2)],
    "mobotix": [("ONVIF S", 0.4), ("MxPEG", 0.3), ("RTSP", 0.1), ("", 0.2)],
    "vivotek": [("ONVIF S;RTSP", 0.6), ("ONVIF", 0.2), ("", 0.2)],
    "uniview": [("ONVIF S;RTSP", 0.6), ("GB/T 28181", 0.15), ("", 0.25)],
    "lts": [("ONVIF", 0.5), ("RTSP", 0.2), ("", 0.3)],
    "annke": [("ONVIF", 0.5), ("RTSP", 0.2), ("", 0.3)],
    "lorex": [("ONVIF", 0.4), ("RTSP", 0.3), ("", 0.3)],
    "ezviz": [("EZVIZ Cloud", 0.5), ("RTSP", 0.2), ("", 0.3)],
}
CAMERA_VMS = {
    "hikvision": [("PLT-01", 0.7), ("PLT-03", 0.3)],
    "dahua": [("PLT-06", 0.65), ("PLT-03", 0.35)],
    "huawei": [("PLT-02", 1.0)],
    "avigilon": [("PLT-07", 0.9), ("PLT-04", 0.1)],
    "western": [("PLT-03", 0.55), ("PLT-04", 0.45)],
}
HIK_FAMILY = ("hikvision", "lts", "annke", "ezviz")
DAHUA_FAMILY = ("dahua", "lorex")

TYPE_STRINGS = {
    "bullet": [
        ("camera bullet", 0.2),
        ("Caméra bullet", 0.15),
        ("Bullet", 0.1),
        ("Caméra tube", 0.15),
        ("caméra fixe", 0.15),
        ("Vidéoprotection", 0.15),
        ("CAMERA IP", 0.05),
        ("", 0.05),
    ],
    "dome": [
        ("Caméra dôme", 0.3),
        ("camera dome", 0.15),
        ("Dôme", 0.1),
        ("dôme fixe", 0.15),
        ("Vidéoprotection", 0.15),
        ("Caméra IP", 0.1),
        ("", 0.05),
    ],
    "turret": [
        ("Caméra tourelle", 0.35),
        ("turret", 0.15),
        ("Caméra dôme", 0.2),
        ("Vidéoprotection", 0.25),
        ("", 0.05),
    ],
    "ptz": [
        ("PTZ", 0.3),
        ("Caméra PTZ", 0.25),
        ("dôme motorisé", 0.15),
        ("camera PTZ", 0.1),
        ("Vidéoprotection", 0.15),
        ("", 0.05),
    ],
    "fisheye": [
        ("Caméra 360°", 0.35),
        ("Fisheye", 0.2),
        ("fish-eye", 0.15),
        ("Vidéoprotection", 0.25),
        ("", 0.05),
    ],
    "multi": [("Caméra multicapteur", 0.35), ("panoramique", 0.3), ("Vidéoprotection", 0.3), ("", 0.05)],
    "box": [("Caméra boîtier", 0.35), ("box camera", 0.2), ("caméra fixe", 0.3), ("Vidéoprotection", 0.15)],
}
CAMERA_TYPE = {
    "bullet": "fixed",
    "turret": "fixed",
    "box": "fixed",
    "dome": "dome",
    "ptz": "dome",
    "fisheye": "panoramic",
    "multi": "panoramic",
}
FACE_MODELS = ("X2221-10-FLI", "iDS-2CD7A46G0-IZHS", "IPC-HFW7442H-Z")


def choose_model(rng, maker):
    models = CAMERA_MODELS[maker]
    return models[int(rng.integers(len(models)))]


def model_year(rng, m):
    lo, hi = max(2012, m[2]), min(2025, m[3])
    return int(rng.integers(lo, hi + 1))


def model_cost(rng, m):
    c = float(round(rng.uniform(m[4], m[5])))
    if chance(rng, 0.15):
        c += 0.5
    return min(max(c, 400.0), 3500.0)


def vms_for(rng, maker):
    if maker in HIK_FAMILY or maker in ("hilook", "hiwatch"):
        return pick(rng, CAMERA_VMS["hikvision"])
    if maker in DAHUA_FAMILY or maker == "imou":
        return pick(rng, CAMERA_VMS["dahua"])
    if maker in CAMERA_VMS:
        return pick(rng, CAMERA_VMS[maker])
    return pick(rng, CAMERA_VMS["western"])


def place_cameras(rng, samples, boundary, sites, n_total=912):
    """Camera positions and directions: around sensitive sites, in the centre, along avenues."""
    sx, sy = samples["x"], samples["y"]
    n = sx.size
    used = np.zeros(n, dtype=bool)
    dist_c = np.hypot(sx - CX, sy - CY)
    cams = []  # dicts: x, y, direction (bearing), looks (what the camera points at), avenue

    def add(i, toward=None):
        used[i] = True
        side = 1 if chance(rng, 0.5) else -1
        x, y = offset_from_street(samples, i, rng.uniform(2, 6), side)
        if not inside(boundary, x, y):
            x, y = sx[i], sy[i]
        if toward is not None:
            d = bearing_deg(toward[0] - x, toward[1] - y) + rng.normal(0, 15)
            looks = "site"
        else:
            r = rng.random()
            if r < 0.70:  # along the street
                d = samples["bearing"][i] + (180 if chance(rng, 0.5) else 0) + rng.normal(0, 12)
                looks = "street"
            elif r < 0.88:  # across the street, towards the facades
                d = samples["bearing"][i] + (90 if side < 0 else -90) + rng.normal(0, 15)
                looks = "facade"
            else:
                d = rng.uniform(0, 360)
                looks = "any"
        cams.append(
            {
                "x": x,
                "y": y,
                "direction": float(d) % 360.0,
                "looks": looks,
                "avenue": bool(samples["avenue"][i]),
            }
        )

    per_site = {"mairie": 10, "hopital": 8, "ecole": 4, "lieu_de_culte": 3}
    for _nom, cat, x0, y0 in sites:
        d = np.hypot(sx - x0, sy - y0)
        idx = np.flatnonzero((d > 30) & (d < 160) & ~used)
        k = min(per_site[cat], idx.size)
        for i in rng.choice(idx, size=k, replace=False):
            add(int(i), toward=(x0, y0))

    n_centre = 540
    w = np.exp(-((dist_c / 1300.0) ** 2)) + 0.02
    w[used] = 0
    for i in rng.choice(n, size=n_centre, replace=False, p=w / w.sum()):
        add(int(i))

    w = 1.0 + 2.0 * samples["avenue"].astype(float)
    w[used] = 0
    rest = n_total - len(cams)
    for i in rng.choice(n, size=rest, replace=False, p=w / w.sum()):
        add(int(i))
    return cams


def build_cameras(rng, samples, boundary, sites, districts):
    cams = place_cameras(rng, samples, boundary, sites)
    for c in cams:
        c["district"] = district_of(districts, c["x"], c["y"])

    # the 2019 donated deployment: 30 cameras around the station, same maker
    gare_x, gare_y = _gare_location(samples, districts)
    gare_idx = [k for k, c in enumerate(cams) if c["district"] == GARE]
    gare_idx.sort(key=lambda k: math.hypot(cams[k]["x"] - gare_x, cams[k]["y"] - gare_y))
    huawei = set(gare_idx[:30])

    others = [k for k in range(len(cams)) if k not in huawei]
    n_blank = int(round(0.08 * len(cams)))
    n_integr = int(round(0.02 * len(cams)))
    picked = rng.choice(len(others), size=n_blank + n_integr, replace=False)
    blank = {others[int(i)] for i in picked[:n_blank]}
    integr = {others[int(i)] for i in picked[n_blank:]}

    makers = list(MAKER_WEIGHTS)
    for k, c in enumerate(cams):
        weights = dict(MAKER_WEIGHTS)
        if c["district"] == 0:
            for m, f in (("axis", 1.5), ("bosch", 1.5), ("hikvision", 0.7)):
                weights[m] *= f
        elif c["district"] in PERIPHERY_LOW_COST:
            for m, f in (("hikvision", 1.8), ("dahua", 1.5), ("axis", 0.6)):
                weights[m] *= f
        if k in huawei:
            maker = "huawei"
        elif k in blank:
            r = rng.random()
            maker = (
                "hikvision"
                if r < 0.32
                else "dahua"
                if r < 0.5
                else pick(rng, [(m, weights[m]) for m in makers if m not in ("hikvision", "dahua")])
            )
        elif k in integr:
            maker = pick(rng, [("hikvision", 0.5), ("dahua", 0.25), ("axis", 0.25)])
        else:
            maker = pick(rng, [(m, weights[m]) for m in makers])
        c["maker"] = maker  # the truth (not written): what the model and behaviour follow

        marque = None
        model_maker = maker
        if maker == "hikvision" and chance(rng, 0.08):
            model_maker = pick(rng, [("hilook", 0.6), ("hiwatch", 0.4)])
            marque = {"hilook": "HiLook", "hiwatch": "HiWatch"}[model_maker]
        elif maker == "dahua" and chance(rng, 0.06):
            model_maker = "imou"
            marque = "Imou"
        elif maker == "axis" and chance(rng, 0.05):
            marque = "AXIS"
        m = choose_model(rng, model_maker)
        c["model"] = m
        c["marque"] = marque

        if k in blank:
            c["fabricant"] = pick(rng, [("", 0.7), (None, 0.2), ("inconnu", 0.05), ("N/C", 0.05)])
            # half of the blank rows have a Hikvision/Dahua model number; a quarter no model at all
            if maker not in ("hikvision", "dahua") and chance(rng, 0.5):
                c["model"] = (None, m[1]) + m[2:]
        elif k in integr:
            c["fabricant"] = pick(rng, INTEGRATORS)
        else:
            c["fabricant"] = pick(rng, MAKER_STRINGS[maker])

        c["annee"] = model_year(rng, m)
        c["cout"] = model_cost(rng, m)
        if maker == "huawei" and chance(rng, 0.5):
            c["cout"] = None  # donated: no purchase price recorded
        elif chance(rng, 0.07):
            c["cout"] = None
        c["protocoles"] = pick(rng, CAMERA_PROTOCOLS.get(maker, CAMERA_PROTOCOLS["lts"]))
        c["vms"] = vms_for(rng, maker) if not chance(rng, 0.03) else pick(rng, [("", 0.5), (None, 0.5)])
        c["form"] = m[1]
    return cams


def _gare_location(samples, districts):
    """The railway station: on an avenue (else any street) of La Gare, about 1.7 km from the centre."""
    d = np.abs(np.hypot(samples["x"] - CX, samples["y"] - CY) - 1700)
    for mask in (samples["avenue"], np.ones(d.size, dtype=bool)):
        for i in np.flatnonzero(mask)[np.argsort(d[mask], kind="stable")][:400]:
            if district_of(districts, samples["x"][i], samples["y"][i]) == GARE:
                return samples["x"][i], samples["y"][i]
    raise RuntimeError("no street in La Gare")


def camera_audit_fields(rng, cams):
    # prefectoral authorisations are granted per district and deployment year
    keys = sorted({(c["district"], c["annee"]) for c in cams})
    numbers = rng.choice(np.arange(100, 1000), size=len(keys), replace=False)
    arr = {}
    for key, num in zip(keys, numbers):
        year = key[1] - (1 if chance(rng, 0.4) else 0)
        arr[key] = (year, int(num))

    face_pool = [k for k, c in enumerate(cams) if c["model"][0] in FACE_MODELS]
    face = set(int(i) for i in rng.choice(face_pool, size=min(6, len(face_pool)), replace=False))

    for k, c in enumerate(cams):
        form = c["form"]
        c["camera_type"] = CAMERA_TYPE[form]
        c["type"] = pick(rng, TYPE_STRINGS[form])
        if form in ("bullet", "turret", "box"):
            angle, portee = int(rng.integers(30, 111)), int(rng.integers(20, 81))
        elif form == "dome":
            angle, portee = int(rng.integers(75, 111)), int(rng.integers(15, 51))
        elif form == "ptz":
            angle = 360 if chance(rng, 0.6) else int(rng.integers(40, 91))
            portee = int(rng.integers(60, 121))
        elif form == "fisheye":
            angle, portee = 360, int(rng.integers(15, 31))
        else:
            angle, portee = (180 if chance(rng, 0.6) else 360), int(rng.integers(20, 61))
        direction = int(round(c["direction"])) % 360
        if chance(rng, 0.07) or (angle == 360 and chance(rng, 0.5)):
            direction = None
        c["direction_out"] = direction
        c["angle"] = None if chance(rng, 0.06) else angle
        c["portee"] = None if chance(rng, 0.10) else portee

        r = rng.random()
        if r < 0.03:
            c["arrete"] = ""
        elif r < 0.05:
            c["arrete"] = None
        else:
            year, num = arr[(c["district"], c["annee"])]
            c["arrete"] = f"AP n°{year}/{num}" if chance(rng, 0.02) else f"ARR-{year}-{num:04d}"

        r = rng.random()
        if r < 0.05:
            c["duree_conservation"] = None
        elif r < 0.08:
            c["duree_conservation"] = pick(rng, [(45, 0.5), (90, 0.5)])
        else:
            c["duree_conservation"] = pick(rng, [(15, 0.25), (20, 0.15), (21, 0.1), (30, 0.5)])

        c["reconnaissance_faciale"] = 1 if k in face else 0
        lpr_p = 0.10 if (c["avenue"] and form in ("bullet", "box")) else 0.03
        if c["maker"] == "huawei":
            lpr_p = 0.2
        c["lapi"] = 1 if chance(rng, lpr_p) else 0
        c["audio"] = 1 if chance(rng, 0.01) else 0

        if c["maker"] in ("huawei",) and chance(rng, 0.3):
            host = "CN"
        elif c["maker"] in ("ezviz",) or c["model"][0] in ("IPC-F42P", "IPC-S42FP"):
            host = "CN"
        elif c["maker"] == "avigilon" and chance(rng, 0.4):
            host = "US"
        elif chance(rng, 0.005):
            host = "US"
        elif chance(rng, 0.07):
            host = pick(rng, [("", 0.6), (None, 0.4)])
        else:
            host = "FR"
        c["hebergement"] = host
        r = rng.random()
        c["panneau"] = None if r < 0.02 else (0 if r < 0.12 else 1)
        if chance(rng, 0.02):
            c["annee"] = None  # messy inventory: year unknown


# --------------------------------------------------------------------------------------------
# other asset layers
# --------------------------------------------------------------------------------------------
PLATFORMS = [
    # asset_id, asset_class, manufacturer, model, install_year, unit_cost, protocols, location
    ("PLT-01", "vms", "Hikvision", "HikCentral Professional", 2019, 185000.0, "ISAPI", "csu"),
    ("PLT-02", "vms", "Huawei", "IVS1800 Intelligent Video Cloud", 2019, 420000.0, "Huawei SDK", "csu"),
    (
        "PLT-03",
        "vms",
        "Milestone Systems",
        "XProtect Corporate",
        2016,
        310000.0,
        "ONVIF S;ONVIF G;ONVIF T",
        "csu",
    ),
    ("PLT-04", "vms", "Genetec", "Security Center", 2021, 260000.0, "ONVIF S;ONVIF T", "csu"),
    (
        "PLT-05",
        "city_platform",
        "Citelum",
        "Hyperviseur urbain MUSE",
        2020,
        600000.0,
        "oneM2M;NGSI-LD;TALQ;ONVIF S",
        "ops",
    ),
    ("PLT-06", "vms", "Dahua", "DSS Pro", 2020, 95000.0, "Dahua SDK;ONVIF S", "csu"),
    ("PLT-07", "vms", "Avigilon", "Avigilon Control Center 7", 2019, 75000.0, "ONVIF S;ONVIF T", "csu"),
    ("PLT-08", "city_platform", "Kapsch TrafficCom", "EcoTrafiX", 2018, 350000.0, "NTCIP;DATEX II", "pc"),
]

RADIO = {
    "huawei": (
        0.30,
        [("Huawei", 0.5), ("HUAWEI", 0.2), ("Huawei Technologies Co., Ltd.", 0.2), ("华为", 0.1)],
        [
            ("AAU5613", "5G", 2019, 2021),
            ("AAU5639w", "5G", 2020, 2021),
            ("RRU3959", "4G", 2014, 2019),
            ("RRU5258", "4G", 2017, 2020),
            ("BTS3900", "4G", 2014, 2017),
        ],
    ),
    "zte": (
        0.10,
        [("ZTE", 0.6), ("ZTE Corporation", 0.3), ("中兴通讯", 0.1)],
        [
            ("ZXSDR R8862A", "4G", 2015, 2019),
            ("ZXRAN A9611A", "5G", 2020, 2022),
            ("ZXSDR B8200", "4G", 2014, 2017),
        ],
    ),
    "nokia": (
        0.25,
        [("Nokia", 0.6), ("Nokia Solutions and Networks", 0.3), ("NOKIA", 0.1)],
        [
            ("AirScale", "5G", 2019, 2025),
            ("AirScale AEQE", "5G", 2020, 2025),
            ("Flexi Multiradio 10", "4G", 2014, 2019),
        ],
    ),
    "ericsson": (
        0.30,
        [
            ("Ericsson", 0.6),
            ("Ericsson AB", 0.2),
            ("Telefonaktiebolaget LM Ericsson", 0.1),
            ("ERICSSON", 0.1),
        ],
        [
            ("AIR 6449", "5G", 2019, 2025),
            ("AIR 3268", "5G", 2021, 2025),
            ("Radio 4449", "4G", 2016, 2022),
            ("RBS 6601", "4G", 2014, 2018),
        ],
    ),
    "samsung": (
        0.05,
        [("Samsung", 0.5), ("Samsung Electronics", 0.5)],
        [("MT6402", "5G", 2020, 2025), ("RT4401-48A", "4G", 2018, 2022)],
    ),
}

LIGHTS = {
    "signify": (
        0.30,
        [("Signify", 0.6), ("Philips Lighting", 0.25), ("SIGNIFY", 0.15)],
        [
            ("Interact City SR node", 2019, 2025, "Zhaga;D4i"),
            ("CityTouch connector node LL", 2014, 2019, "DALI;CityTouch"),
        ],
    ),
    "schreder": (
        0.22,
        [("Schréder", 0.5), ("Schreder", 0.3), ("SCHREDER", 0.2)],
        [
            ("Owlet IV", 2018, 2025, "Zhaga;D4i;TALQ"),
            ("Owlet Nightshift", 2014, 2019, "TALQ"),
            ("EXEDRA node", 2021, 2025, "DALI-2;D4i;TALQ"),
        ],
    ),
    "itron": (
        0.12,
        [("Itron", 0.7), ("Itron Inc.", 0.3)],
        [("Streetlight.Vision node", 2015, 2021, "TALQ"), ("SLC Gen5", 2019, 2025, "DALI-2;TALQ")],
    ),
    "telensa": (
        0.08,
        [("Telensa", 1.0)],
        [("PLANet NEMA node", 2014, 2020, "UNB (propriétaire)"), ("Zhaga node", 2019, 2023, "Zhaga;D4i")],
    ),
    "paradox": (
        0.06,
        [("Paradox Engineering", 0.7), ("Paradox Engineering SA", 0.3)],
        [("PE Smart Urban Network SLC", 2016, 2022, "TALQ;6LoWPAN")],
    ),
    "inventronics": (
        0.05,
        [("Inventronics", 0.6), ("Hangzhou Inventronics", 0.4)],
        [("EUM-075S105DG", 2019, 2025, "Zhaga;D4i"), ("EBD-060S105DV", 2017, 2022, "DALI-2")],
    ),
}

TRAFFIC = {
    "kapsch": (
        0.20,
        [("Kapsch TrafficCom", 0.5), ("Kapsch", 0.3), ("KAPSCH TRAFFICCOM AG", 0.2)],
        [("TRP-4010", "radar"), ("VPS-3 ANPR", "ANPR")],
        [("NTCIP;DATEX II", 0.7), ("DATEX II", 0.3)],
    ),
    "iteris": (
        0.15,
        [("Iteris", 0.7), ("Iteris Inc.", 0.3)],
        [("Vantage Next", "capteur trafic"), ("Vantage Vector", "radar"), ("SmartCycle", "capteur trafic")],
        [("NTCIP", 1.0)],
    ),
    "sensys": (
        0.15,
        [("Sensys Networks", 0.7), ("SENSYS", 0.3)],
        [("VSN240-F", "boucle magnétique"), ("FlexMag", "boucle magnétique")],
        [("NTCIP;SNMP", 1.0)],
    ),
    "flir": (
        0.15,
        [("Teledyne FLIR", 0.5), ("FLIR Systems", 0.3), ("FLIR", 0.2)],
        [
            ("TrafiOne", "capteur trafic"),
            ("ThermiCam AI", "capteur trafic"),
            ("TrafiSense AI", "capteur trafic"),
        ],
        [("NTCIP", 0.6), ("NTCIP;MQTT", 0.4)],
    ),
    "hikvision": (
        0.12,
        [("Hikvision", 0.6), ("HIKVISION", 0.2), ("Hangzhou Hikvision Digital Technology Co., Ltd.", 0.2)],
        [("iDS-TCM403-BI", "ANPR"), ("DS-TCG227-A", "ANPR"), ("DS-TCG405-E", "radar")],
        [("ISAPI", 0.6), ("ISAPI;ONVIF", 0.4)],
    ),
    "dahua": (
        0.08,
        [("Dahua", 0.6), ("Zhejiang Dahua Technology", 0.4)],
        [("ITC237-PW6M-IRLZF", "ANPR"), ("ITC431-RW1F-IRL8", "ANPR")],
        [("Dahua SDK", 0.5), ("ONVIF", 0.5)],
    ),
}
TRAFFIC_COST = {
    "boucle magnétique": (1500, 4000),
    "radar": (4000, 12000),
    "capteur trafic": (3000, 9000),
    "ANPR": (5000, 25000),
}

GATEWAYS = {
    "kerlink": (
        0.30,
        [("Kerlink", 0.6), ("KERLINK", 0.2), ("Kerlink SA", 0.2)],
        [
            ("Wirnet iStation", 2019, 2025, "LoRaWAN", 1500, 2600),
            ("Wirnet iFemtoCell", 2018, 2024, "LoRaWAN", 400, 700),
            ("Wirnet iBTS", 2016, 2021, "LoRaWAN", 2500, 4000),
        ],
    ),
    "multitech": (
        0.14,
        [("Multitech", 0.5), ("MultiTech Systems", 0.5)],
        [
            ("Conduit MTCDT", 2016, 2022, "LoRaWAN", 600, 1100),
            ("Conduit AP MTCAP", 2018, 2024, "LoRaWAN", 350, 600),
        ],
    ),
    "advantech": (
        0.12,
        [("Advantech", 0.7), ("Advantech Co., Ltd.", 0.3)],
        [
            ("WISE-6610", 2017, 2023, "LoRaWAN;MQTT", 700, 1200),
            ("ICR-3241", 2020, 2025, "LTE;MQTT", 500, 900),
        ],
    ),
    "huawei": (
        0.14,
        [("Huawei", 0.6), ("HUAWEI", 0.2), ("Huawei Technologies Co., Ltd.", 0.2)],
        [
            ("AR502H", 2018, 2022, "NB-IoT;oneM2M", 800, 1500),
            ("AR502EG-L", 2018, 2021, "NB-IoT;LTE", 700, 1300),
        ],
    ),
    "teltonika": (
        0.15,
        [("Teltonika", 0.6), ("Teltonika Networks", 0.4)],
        [
            ("RUT955", 2017, 2023, "LTE;MQTT", 300, 450),
            ("RUTX11", 2020, 2025, "LTE;MQTT", 300, 420),
            ("TRB140", 2019, 2025, "NB-IoT;LTE-M", 300, 350),
        ],
    ),
    "quectel": (
        0.10,
        [("Quectel", 0.7), ("QUECTEL", 0.3)],
        [
            ("BG96 gateway", 2018, 2023, "NB-IoT;LTE-M", 300, 600),
            ("BC95-G gateway", 2018, 2022, "NB-IoT", 300, 500),
            ("EC25 gateway", 2017, 2022, "LTE", 300, 600),
        ],
    ),
}

CHARGERS = {
    "abb": (
        0.20,
        [("ABB", 0.8), ("ABB E-mobility", 0.2)],
        [
            ("Terra AC W22-T-RD-M-0", "AC", 2019, 2025, 2000, 3500),
            ("Terra 54", "DC", 2017, 2022, 25000, 35000),
            ("Terra 184", "DC", 2021, 2025, 35000, 45000),
        ],
    ),
    "schneider": (
        0.18,
        [("Schneider Electric", 0.6), ("Schneider", 0.25), ("SCHNEIDER ELECTRIC", 0.15)],
        [
            ("EVlink Pro AC", "AC", 2021, 2025, 2500, 4000),
            ("EVlink City", "AC", 2017, 2021, 4000, 7000),
            ("EVlink Parking", "AC", 2017, 2021, 2500, 4500),
        ],
    ),
    "wallbox": (
        0.10,
        [("Wallbox", 1.0)],
        [("Commander 2", "AC", 2019, 2024, 2000, 2600), ("Supernova 60", "DC", 2021, 2025, 22000, 30000)],
    ),
    "alfen": (
        0.15,
        [("Alfen", 0.7), ("Alfen N.V.", 0.3)],
        [
            ("Eve Double Pro-line", "AC", 2018, 2025, 4000, 6500),
            ("Eve Single S-line", "AC", 2019, 2025, 2000, 3000),
        ],
    ),
    "evbox": (
        0.15,
        [("EVBox", 0.7), ("EV-Box", 0.3)],
        [
            ("BusinessLine", "AC", 2017, 2022, 2000, 3500),
            ("Troniq 50", "DC", 2019, 2024, 22000, 32000),
            ("Liviqo", "AC", 2022, 2025, 2500, 4000),
        ],
    ),
    "starcharge": (
        0.13,
        [("Star Charge", 0.6), ("Wanbang Star Charge", 0.2), ("星星充电", 0.2)],
        [("Aurora", "AC", 2020, 2025, 2000, 3000), ("Titan 120", "DC", 2021, 2025, 28000, 40000)],
    ),
    "autel": (
        0.09,
        [("Autel", 0.6), ("Autel Energy", 0.4)],
        [
            ("MaxiCharger AC Ultra", "AC", 2021, 2025, 2000, 3000),
            ("MaxiCharger DC Fast", "DC", 2022, 2025, 30000, 45000),
        ],
    ),
}


def weighted_key(rng, table):
    return pick(rng, [(k, v[0]) for k, v in table.items()])


def clamp_year(rng, lo, hi, floor, ceil):
    lo, hi = max(lo, floor), min(hi, ceil)
    return int(rng.integers(lo, hi + 1))


def build_platforms(rng, samples):
    dist_c = np.hypot(samples["x"] - CX, samples["y"] - CY)
    loc_idx = {
        "csu": int(np.argmin(np.abs(dist_c - 450))),
        "ops": int(np.argmin(np.abs(dist_c - 2300))),
        "pc": int(np.argmin(np.abs(dist_c - 800))),
    }
    rows, geoms = [], []
    for n, (aid, cls, man, model, year, cost, proto, loc) in enumerate(PLATFORMS):
        x, y = offset_from_street(samples, loc_idx[loc], 25 + 4 * (n % 4), 1)
        x += 3.0 * (n // 4)
        rows.append(
            {
                "asset_id": aid,
                "asset_class": cls,
                "manufacturer": man,
                "model": model,
                "install_year": year,
                "unit_cost": cost,
                "quantity": 1,
                "protocols": proto,
                "depends_on": None,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


def build_radio(rng, boundary, n=124):
    rows, geoms = [], []
    pts = []
    while len(pts) < n:
        x = CX + rng.uniform(-SEMI_X, SEMI_X)
        y = CY + rng.uniform(-SEMI_Y, SEMI_Y)
        d = math.hypot(x - CX, y - CY)
        if rng.random() > 0.35 + 0.65 * math.exp(-d / 2500.0):
            continue
        if not inside(boundary, x, y):
            continue
        if pts and min(math.hypot(x - a, y - b) for a, b in pts) < 300:
            continue
        pts.append((x, y))
    # vendor shares as quotas (Huawei 30 %, ZTE 10 %, ...), in random order
    quota = [v for v, spec in RADIO.items() for _ in range(int(round(spec[0] * n)))]
    quota = (quota + ["ericsson"] * n)[:n]
    vendors = [quota[int(i)] for i in rng.permutation(n)]
    for k, (x, y) in enumerate(pts, start=1):
        vendor = vendors[k - 1]
        _w, names, models = RADIO[vendor]
        model, gen, lo, hi = models[int(rng.integers(len(models)))]
        man = pick(rng, names) if not chance(rng, 0.03) else ""
        if gen == "5G":
            cls = pick(rng, [("5G", 0.7), ("antenne relais", 0.3)])
            proto = pick(rng, [("3GPP 5G NR", 0.6), ("3GPP 5G NR;LTE", 0.4)])
            cost = rng.uniform(90000, 200000)
        else:
            cls = pick(rng, [("4G/LTE", 0.7), ("antenne relais", 0.3)])
            proto = "LTE"
            cost = rng.uniform(60000, 140000)
        rows.append(
            {
                "asset_id": f"RS-{k:03d}",
                "asset_class": cls,
                "manufacturer": man,
                "model": model,
                "install_year": clamp_year(rng, lo, hi, 2014, 2025),
                "unit_cost": float(round(cost, -2)),
                "quantity": 1,
                "protocols": proto,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


def build_street_lights(rng, samples, boundary, n=640):
    dist_c = np.hypot(samples["x"] - CX, samples["y"] - CY)
    w = 1.0 + np.exp(-dist_c / 2000.0)
    idx = spaced_sample(rng, w, n, 25.0, samples["x"], samples["y"])
    rows, geoms = [], []
    for k, i in enumerate(idx, start=1):
        x, y = offset_from_street(samples, i, rng.uniform(7, 9), 1 if chance(rng, 0.5) else -1)
        if not inside(boundary, x, y):
            x, y = samples["x"][i], samples["y"][i]
        vendor = weighted_key(rng, LIGHTS)
        _w, names, models = LIGHTS[vendor]
        model, lo, hi, iface = models[int(rng.integers(len(models)))]
        make = pick(rng, names)
        if chance(rng, 0.07):
            make = pick(rng, [("", 0.7), (None, 0.3)])
            if chance(rng, 0.5):
                model = ""
        r = rng.random()
        if r < 0.12 and vendor in ("schreder", "paradox", "signify"):
            iface = "LoRaWAN"
        elif r < 0.20:
            iface = pick(rng, [("", 0.5), (None, 0.2), ("propriétaire", 0.3)])
        cost = float(round(rng.uniform(150, 600))) if not chance(rng, 0.05) else None
        rows.append(
            {
                "asset_id": f"SLC-{k:04d}",
                "class": pick(
                    rng,
                    [
                        ("street light controller", 0.55),
                        ("lampadaire", 0.35),
                        ("contrôleur d'éclairage", 0.10),
                    ],
                ),
                "make": make,
                "model": model,
                "installed": clamp_year(rng, lo, hi, 2014, 2025),
                "cost": cost,
                "qty": 1,
                "interface": iface,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


def build_traffic(rng, samples, boundary, crossings, n=156):
    sx, sy = samples["x"], samples["y"]
    d_cross = np.full(sx.size, 1e9)
    for start in range(0, crossings.shape[0], 200):
        c = crossings[start : start + 200]
        d = np.hypot(sx[:, None] - c[None, :, 0], sy[:, None] - c[None, :, 1]).min(axis=1)
        d_cross = np.minimum(d_cross, d)
    dist_c = np.hypot(sx - CX, sy - CY)
    w = ((d_cross > 12) & (d_cross < 40)).astype(float) * (1 + 2 * samples["avenue"] + np.exp(-dist_c / 2000))
    idx = spaced_sample(rng, w, n, 60.0, sx, sy)
    rows, geoms = [], []
    for k, i in enumerate(idx, start=1):
        x, y = offset_from_street(samples, i, rng.uniform(3, 6), 1 if chance(rng, 0.5) else -1)
        if not inside(boundary, x, y):
            x, y = sx[i], sy[i]
        vendor = weighted_key(rng, TRAFFIC) if not chance(rng, 0.10) else None
        true_vendor = vendor or weighted_key(rng, TRAFFIC)
        _w, names, models, protos = TRAFFIC[true_vendor]
        model, typ = models[int(rng.integers(len(models)))]
        man = pick(rng, names) if vendor else pick(rng, [("", 0.7), (None, 0.3)])
        if vendor is None and chance(rng, 0.5):
            model = ""
        lo, hi = TRAFFIC_COST[typ]
        qty = int(rng.integers(1, 5)) if typ == "boucle magnétique" else 1
        proto = pick(rng, protos) if not chance(rng, 0.08) else ""
        if true_vendor == "hikvision":
            plat = pick(rng, [("PLT-01", 0.7), ("PLT-08", 0.3)])
        elif true_vendor == "dahua":
            plat = pick(rng, [("PLT-06", 0.6), ("PLT-08", 0.4)])
        else:
            plat = pick(rng, [("PLT-08", 0.8), ("PLT-05", 0.15), (None, 0.05)])
        rows.append(
            {
                "asset_id": f"TRF-{k:03d}",
                "type": typ,
                "manufacturer": man,
                "model": model,
                "install_year": int(rng.integers(2013, 2026)),
                "unit_cost": float(round(rng.uniform(lo, hi), -1)),
                "quantity": qty,
                "protocols": proto,
                "platform": plat,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


def build_gateways(rng, samples, boundary, n=120):
    sx, sy = samples["x"], samples["y"]
    idx = spaced_sample(rng, np.ones(sx.size), n, 250.0, sx, sy)
    rows, geoms = [], []
    for k, i in enumerate(idx, start=1):
        x, y = offset_from_street(samples, i, rng.uniform(5, 12), 1 if chance(rng, 0.5) else -1)
        if not inside(boundary, x, y):
            x, y = sx[i], sy[i]
        vendor = weighted_key(rng, GATEWAYS)
        _w, names, models = GATEWAYS[vendor]
        model, lo, hi, proto, plo, phi = models[int(rng.integers(len(models)))]
        name = pick(rng, names)
        if chance(rng, 0.05):
            name = ""
        if "oneM2M" not in proto and chance(rng, 0.2):
            proto += ";oneM2M"
        cls = "IoT gateway"
        if "LoRaWAN" in proto:
            cls = pick(rng, [("passerelle LoRaWAN", 0.6), ("IoT gateway", 0.4)])
        rows.append(
            {
                "asset_id": f"GW-{k:03d}",
                "asset_class": cls,
                "vendor": name,
                "model": model,
                "year": clamp_year(rng, lo, hi, 2016, 2025),
                "price": float(round(rng.uniform(plo, phi))),
                "quantity": 1,
                "protocols": proto,
                "depends_on": "PLT-05" if chance(rng, 0.8) else None,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


def build_chargers(rng, samples, boundary, n=104):
    sx, sy = samples["x"], samples["y"]
    dist_c = np.hypot(sx - CX, sy - CY)
    idx = spaced_sample(rng, 1.0 + 2.0 * np.exp(-dist_c / 2500.0), n, 80.0, sx, sy)
    rows, geoms = [], []
    for k, i in enumerate(idx, start=1):
        x, y = offset_from_street(samples, i, rng.uniform(4, 6), 1 if chance(rng, 0.5) else -1)
        if not inside(boundary, x, y):
            x, y = sx[i], sy[i]
        vendor = weighted_key(rng, CHARGERS)
        _w, names, models = CHARGERS[vendor]
        model, current, lo, hi, clo, chi = models[int(rng.integers(len(models)))]
        year = clamp_year(rng, lo, hi, 2017, 2025)
        if year >= 2022 and chance(rng, 0.5):
            proto = "OCPP 2.0.1"
        else:
            proto = "OCPP 1.6"
        if current == "DC":
            proto = proto + ";CCS" if not chance(rng, 0.2) else "CCS"
        if chance(rng, 0.05):
            proto = ""
        qty = 2 if ("Double" in model or (current == "AC" and chance(rng, 0.4))) else 1
        rows.append(
            {
                "asset_id": f"IRVE-{k:03d}",
                "asset_class": pick(rng, [("borne de recharge", 0.5), ("EV charger", 0.25), ("IRVE", 0.25)]),
                "manufacturer": pick(rng, names),
                "model": model,
                "install_year": year,
                "unit_cost": float(round(rng.uniform(clo, chi), -1)),
                "quantity": qty,
                "protocols": proto,
            }
        )
        geoms.append(point(x, y))
    return rows, geoms


# --------------------------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------------------------
S, INT, R = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal
ASSET_LAYERS = (
    "cameras",
    "platforms",
    "radio_sites",
    "street_lights",
    "traffic_sensors",
    "iot_gateways",
    "ev_chargers",
)


def write_layer(ds, srs, name, geom_type, fields, rows, geoms, description):
    lyr = ds.CreateLayer(
        name,
        srs,
        geom_type,
        options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES", f"DESCRIPTION={description}"],
    )
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for row, g in zip(rows, geoms):
        f = ogr.Feature(defn)
        for fname, ftype in fields:
            v = row.get(fname)
            if v is None:
                f.SetFieldNull(fname)
            elif ftype == INT:
                f.SetField(fname, int(v))
            elif ftype == R:
                f.SetField(fname, float(v))
            else:
                f.SetField(fname, str(v))
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    return len(rows)


def generate(output):
    rng = np.random.default_rng(SEED)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)

    boundary, districts, ring_coords = build_city(rng)
    shares = rng.dirichlet(np.full(len(districts) - 1, 6.0))  # population shares of the outer districts
    streets = build_streets(rng, boundary, ring_coords)
    samples = street_samples(streets)
    crossings = intersections(streets)
    sites = build_sensitive_sites(rng, samples, boundary)
    dwellings = build_dwellings(rng, samples, boundary)
    cams = build_cameras(rng, samples, boundary, sites, districts)
    camera_audit_fields(rng, cams)
    platforms = build_platforms(rng, samples)
    radio = build_radio(rng, boundary)
    lights = build_street_lights(rng, samples, boundary)
    traffic = build_traffic(rng, samples, boundary, crossings)
    gateways = build_gateways(rng, samples, boundary)
    chargers = build_chargers(rng, samples, boundary)

    # districts: population ~120,000, the old town denser
    pops = [16480] + [int(round(p, -1)) for p in shares * 103500]
    district_rows = [
        {"district_id": f"Q{k + 1:02d}", "nom": DISTRICT_NAMES[k], "population": pops[k]}
        for k in range(len(districts))
    ]
    district_geoms = [ogr.ForceToMultiPolygon(d.Clone()) for d in districts]

    street_rows = [{"street_id": f"STR-{k + 1:03d}", "nom": s[0]} for k, s in enumerate(streets)]
    street_geoms = [s[2] for s in streets]

    site_rows = [
        {"site_id": f"SS-{k + 1:02d}", "nom": s[0], "categorie": s[1], "sensitive": 1}
        for k, s in enumerate(sites)
    ]
    site_geoms = [point(s[2], s[3]) for s in sites]

    dwelling_rows = [{"building_id": f"BAT-{k + 1:04d}", "usage": u} for k, (u, _p) in enumerate(dwellings)]
    dwelling_geoms = [p for _u, p in dwellings]

    # inventory order: oldest installation first (camera ids follow it)
    order = sorted(
        range(len(cams)),
        key=lambda k: (cams[k]["model"][2] if cams[k]["annee"] is None else cams[k]["annee"], k),
    )
    cam_rows, cam_geoms = [], []
    for n, k in enumerate(order, start=1):
        c = cams[k]
        cam_rows.append(
            {
                "camera_id": f"CAM-{n:04d}",
                "type": c["type"],
                "fabricant": c["fabricant"],
                "marque": c["marque"],
                "modele": c["model"][0],
                "annee": c["annee"],
                "cout": c["cout"],
                "protocoles": c["protocoles"],
                "vms": c["vms"],
                "direction": c["direction_out"],
                "angle": c["angle"],
                "portee": c["portee"],
                "camera_type": c["camera_type"],
                "arrete": c["arrete"],
                "duree_conservation": c["duree_conservation"],
                "reconnaissance_faciale": c["reconnaissance_faciale"],
                "lapi": c["lapi"],
                "audio": c["audio"],
                "hebergement": c["hebergement"],
                "panneau": c["panneau"],
            }
        )
        cam_geoms.append(point(c["x"], c["y"]))

    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    tmp = output + ".tmp.gpkg"
    if os.path.exists(tmp):
        os.remove(tmp)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(tmp)
    counts = {}
    counts["districts"] = write_layer(
        ds,
        srs,
        "districts",
        ogr.wkbMultiPolygon,
        [("district_id", S), ("nom", S), ("population", INT)],
        district_rows,
        district_geoms,
        "Valbourg (fictional): districts (quartiers)",
    )
    counts["streets"] = write_layer(
        ds,
        srs,
        "streets",
        ogr.wkbLineString,
        [("street_id", S), ("nom", S)],
        street_rows,
        street_geoms,
        "Valbourg (fictional): streets",
    )
    counts["sensitive_sites"] = write_layer(
        ds,
        srs,
        "sensitive_sites",
        ogr.wkbPoint,
        [("site_id", S), ("nom", S), ("categorie", S), ("sensitive", INT)],
        site_rows,
        site_geoms,
        "Valbourg (fictional): schools, places of worship, hospitals, town hall",
    )
    counts["dwellings"] = write_layer(
        ds,
        srs,
        "dwellings",
        ogr.wkbPolygon,
        [("building_id", S), ("usage", S)],
        dwelling_rows,
        dwelling_geoms,
        "Valbourg (fictional): building footprints",
    )
    counts["cameras"] = write_layer(
        ds,
        srs,
        "cameras",
        ogr.wkbPoint,
        [
            ("camera_id", S),
            ("type", S),
            ("fabricant", S),
            ("marque", S),
            ("modele", S),
            ("annee", INT),
            ("cout", R),
            ("protocoles", S),
            ("vms", S),
            ("direction", INT),
            ("angle", INT),
            ("portee", INT),
            ("camera_type", S),
            ("arrete", S),
            ("duree_conservation", INT),
            ("reconnaissance_faciale", INT),
            ("lapi", INT),
            ("audio", INT),
            ("hebergement", S),
            ("panneau", INT),
        ],
        cam_rows,
        cam_geoms,
        "Valbourg (fictional): CCTV camera inventory (messy on purpose)",
    )
    counts["platforms"] = write_layer(
        ds,
        srs,
        "platforms",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("asset_class", S),
            ("manufacturer", S),
            ("model", S),
            ("install_year", INT),
            ("unit_cost", R),
            ("quantity", INT),
            ("protocols", S),
            ("depends_on", S),
        ],
        platforms[0],
        platforms[1],
        "Valbourg (fictional): video management and city platforms",
    )
    counts["radio_sites"] = write_layer(
        ds,
        srs,
        "radio_sites",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("asset_class", S),
            ("manufacturer", S),
            ("model", S),
            ("install_year", INT),
            ("unit_cost", R),
            ("quantity", INT),
            ("protocols", S),
        ],
        radio[0],
        radio[1],
        "Valbourg (fictional): 4G/5G radio sites",
    )
    counts["street_lights"] = write_layer(
        ds,
        srs,
        "street_lights",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("class", S),
            ("make", S),
            ("model", S),
            ("installed", INT),
            ("cost", R),
            ("qty", INT),
            ("interface", S),
        ],
        lights[0],
        lights[1],
        "Valbourg (fictional): street-light controllers",
    )
    counts["traffic_sensors"] = write_layer(
        ds,
        srs,
        "traffic_sensors",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("type", S),
            ("manufacturer", S),
            ("model", S),
            ("install_year", INT),
            ("unit_cost", R),
            ("quantity", INT),
            ("protocols", S),
            ("platform", S),
        ],
        traffic[0],
        traffic[1],
        "Valbourg (fictional): traffic sensors",
    )
    counts["iot_gateways"] = write_layer(
        ds,
        srs,
        "iot_gateways",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("asset_class", S),
            ("vendor", S),
            ("model", S),
            ("year", INT),
            ("price", R),
            ("quantity", INT),
            ("protocols", S),
            ("depends_on", S),
        ],
        gateways[0],
        gateways[1],
        "Valbourg (fictional): IoT gateways",
    )
    counts["ev_chargers"] = write_layer(
        ds,
        srs,
        "ev_chargers",
        ogr.wkbPoint,
        [
            ("asset_id", S),
            ("asset_class", S),
            ("manufacturer", S),
            ("model", S),
            ("install_year", INT),
            ("unit_cost", R),
            ("quantity", INT),
            ("protocols", S),
        ],
        chargers[0],
        chargers[1],
        "Valbourg (fictional): EV charging points",
    )
    ds.FlushCache()
    ds = None
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)
    os.replace(tmp, output)
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="GeoPackage to write (default: %(default)s)")
    args = parser.parse_args(argv)
    counts = generate(os.path.abspath(args.output))
    assets = sum(counts[k] for k in ASSET_LAYERS)
    for name, n in counts.items():
        print(f"{name:16s} {n:5d}")
    print(f"{'assets (total)':16s} {assets:5d}")
    print(f"wrote {args.output} ({os.path.getsize(args.output) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
