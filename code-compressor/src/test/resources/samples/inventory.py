#!/usr/bin/env python3
"""Inventory service: loads stock levels, reconciles them with orders and reports shortages.

The service reads a CSV export from the warehouse system and the open orders from the
order database, then computes which items will run out before the next delivery.
It is used by the nightly job and by the on-call dashboard.
"""
import csv
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Dict, Iterable, List, Optional

log = logging.getLogger(__name__)

DEFAULT_LEAD_TIME_DAYS = 7


@dataclass
class StockItem:
    """One stock-keeping unit with its current level."""
    sku: str
    name: str
    on_hand: int
    reorder_point: int
    lead_time_days: int = DEFAULT_LEAD_TIME_DAYS
    tags: List[str] = field(default_factory=list)

    def needs_reorder(self, committed: int) -> bool:
        """True when the free stock falls below the reorder point."""
        free = self.on_hand - committed
        if free < 0:
            log.warning("sku %s is oversold by %d", self.sku, -free)
        return free < self.reorder_point


class Inventory:
    """All stock items, indexed by SKU.

    Items are loaded once per run; lookups are by SKU and are case-insensitive
    because the warehouse export and the order system disagree on case.
    """

    def __init__(self, items: Iterable[StockItem]):
        self._items: Dict[str, StockItem] = {}
        for item in items:
            key = item.sku.upper()
            if key in self._items:
                log.warning("duplicate sku %s, keeping the first", key)
                continue
            self._items[key] = item

    @classmethod
    def from_csv(cls, path: str) -> "Inventory":
        items = []
        with open(path, newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                try:
                    items.append(StockItem(
                        sku=row["sku"].strip(),
                        name=row["name"].strip(),
                        on_hand=int(row["on_hand"]),
                        reorder_point=int(row["reorder_point"]),
                        lead_time_days=int(row.get("lead_time_days") or DEFAULT_LEAD_TIME_DAYS),
                        tags=[t for t in row.get("tags", "").split(";") if t],
                    ))
                except (KeyError, ValueError) as exc:
                    log.error("skipping bad row %r: %s", row, exc)
        return cls(items)

    def get(self, sku: str) -> Optional[StockItem]:
        return self._items.get(sku.upper())

    def shortages(self, committed: Dict[str, int], today: date) -> List[dict]:
        """Items that will run short, soonest first."""
        report = []
        for key, item in sorted(self._items.items()):
            used = committed.get(key, 0)
            if not item.needs_reorder(used):
                continue
            arrival = today + timedelta(days=item.lead_time_days)
            report.append({
                "sku": item.sku,
                "name": item.name,
                "free": item.on_hand - used,
                "reorder_point": item.reorder_point,
                "earliest_arrival": arrival.isoformat(),
            })
        report.sort(key=lambda r: (r["free"], r["sku"]))
        return report


def committed_quantities(orders: Iterable[dict]) -> Dict[str, int]:
    totals: Dict[str, int] = {}
    for order in orders:
        if order.get("status") not in ("open", "picking"):
            continue
        for line in order.get("lines", []):
            sku = str(line["sku"]).upper()
            totals[sku] = totals.get(sku, 0) + int(line["quantity"])
    return totals


def main(argv: List[str]) -> int:
    import json
    import sys
    if len(argv) != 3:
        print("usage: inventory.py STOCK.csv ORDERS.json", file=sys.stderr)
        return 2
    inventory = Inventory.from_csv(argv[1])
    with open(argv[2]) as handle:
        orders = json.load(handle)
    report = inventory.shortages(committed_quantities(orders), date.today())
    json.dump(report, sys.stdout, indent=2)
    return 0 if not report else 1


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
