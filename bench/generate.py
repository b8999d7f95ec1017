"""Deterministic synthetic designs of any size, for benchmarks and stress tests."""

from __future__ import annotations

import random

from cuecraft.core.model import (
    PHASES,
    SENSES,
    Cue,
    Design,
    Layer,
    Realms,
    Souvenir,
    Theme,
    Touchpoint,
    Zone,
)

MOTIFS = ["rainforest", "thunderstorm", "wildlife", "conservation", "expedition", "canopy"]
WORDS = [
    "mist",
    "drifts",
    "over",
    "the",
    "tables",
    "while",
    "distant",
    "thunder",
    "rolls",
    "and",
    "parrots",
    "call",
    "from",
    "the",
    "canopy;",
    "guests",
    "taste",
    "tropical",
    "fruit,",
    "touch",
    "moss",
    "walls",
    "and",
    "smell",
    "wet",
    "earth",
]


def generate(
    cues: int, touchpoints: int | None = None, zones: int | None = None, seed: int = 7
) -> Design:
    """A design with `cues` cues; by default 1 touchpoint per 5 cues and 1 zone per 20."""
    rng = random.Random(seed)
    n_tp = touchpoints if touchpoints is not None else max(3, cues // 5)
    n_zones = zones if zones is not None else max(2, cues // 20)
    zone_list = [Zone(f"zone-{i}", f"Zone {i}") for i in range(n_zones)]
    for i, zone in enumerate(zone_list):
        zone.sees = [f"zone-{(i + 1) % n_zones}"] if n_zones > 1 else []
    tps = []
    for i in range(n_tp):
        phase = PHASES[min(2, i * 3 // n_tp)]
        nxt = [f"tp-{i + 1}"] if i + 1 < n_tp else ["tp-0"]
        if i + 2 < n_tp and rng.random() < 0.3:
            nxt.append(f"tp-{i + 2}")
        tps.append(
            Touchpoint(
                f"tp-{i}", f"Touchpoint {i}", phase, f"zone-{i % n_zones}", nxt, rng.randint(-1, 3)
            )
        )
    cue_list = []
    for i in range(cues):
        negative = rng.random() < 0.1
        place = (
            f"tp-{rng.randrange(n_tp)}" if rng.random() < 0.5 else f"zone-{rng.randrange(n_zones)}"
        )
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize()
        cue = Cue(
            f"cue-{i}",
            f"{text} (#{i})",
            "negative" if negative else "positive",
            rng.sample(SENSES, rng.randint(1, 3)),
            # Most cues of a real design carry a theme motif; a few stray.
            [rng.choice(MOTIFS[:4])] if rng.random() < 0.95 else [rng.choice(MOTIFS[4:])],
            [place],
            unique=rng.random() < 0.02,
            conflicts=[f"cue-{rng.randrange(cues)}"] if rng.random() < 0.05 else [],
        )
        if negative:
            cue.severity = rng.choice(["low", "medium", "high"])
            cue.status = rng.choice(["open", "mitigating", "eliminated"])
            cue.remedy = "Replace it with something on theme" if rng.random() < 0.8 else None
        cue_list.append(cue)
    layers = [
        Layer(
            f"layer-{i}",
            SENSES[i % 5],
            f"Layer {i}",
            [f"zone-{i % n_zones}"],
            rng.randint(1, 2),
            rng.sample(MOTIFS, 1),
        )
        for i in range(max(5, cues // 20))
    ]
    souvenirs = [
        Souvenir(
            f"souvenir-{i}",
            f"Souvenir {i}",
            rng.sample(MOTIFS, 1),
            [f"cue-{rng.randrange(cues)}"],
            [f"tp-{n_tp - 1 - i % 3}"],
        )
        for i in range(max(3, cues // 50))
    ]
    return Design(
        title=f"Generated design with {cues} cues",
        client="Benchmark Holdings",
        venue="themed restaurant",
        language="en",
        theme=Theme(
            "Into the rainforest",
            "Your adventure begins",
            "A storyline.",
            MOTIFS[:4],
            ["fast-food"],
            Realms(3, 2, 3, 3),
        ),
        zones=zone_list,
        touchpoints=tps,
        cues=cue_list,
        layers=layers,
        souvenirs=souvenirs,
    )
