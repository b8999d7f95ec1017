"""One row per speed bar: measured, the limit measured side by side, ratio, verdict."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    name: str
    measured: float
    unit: str
    limit: float
    limit_label: str
    ratio: float
    bar: float = 1.0  # the ratio must be at most this

    @property
    def ok(self) -> bool:
        return self.ratio <= self.bar


def render(rows: list[Row]) -> str:
    header = ("bar", "measured", "limit (same run)", "ratio", "bar", "meets")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.name,
                f"{row.measured:,.1f} {row.unit}",
                f"{row.limit:,.1f} {row.limit_label}",
                f"{row.ratio:.2f}",
                f"≤ {row.bar:g}" if row.bar != float("inf") else "report",
                "yes" if row.ok else "NO",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in lines
    ]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)
