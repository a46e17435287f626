"""`guard status`: the vendors that ignored a no, as a table."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .ledger import Decline, VendorStatus


def render_status(
    rows: list[VendorStatus],
    unsettled: list[Decline],
    include_all: bool = False,
    console: Console | None = None,
) -> None:
    console = console or Console()
    for decline in unsettled:
        console.print(
            f"[bold yellow]decline to {decline.organisation} ({decline.recipient}) is "
            f"{decline.state}[/]: it may or may not have gone out; it is never resent by itself"
        )
    if not rows:
        console.print("No vendor has ignored a no." if not include_all else "No vendors yet.")
        return
    table = Table(title="Vendors that ignored a no" if not include_all else "Vendors")
    for column in ("vendor", "no", "via", "after no", "last offence", "outreach"):
        right = column in ("after no", "outreach")
        table.add_column(column, justify="right" if right else "left", no_wrap=True)
    for row in rows:
        table.add_row(
            row.vendor,
            f"{row.no_at:%Y-%m-%d}" if row.no_at else "-",
            row.no_via or "-",
            str(row.after_no),
            f"{row.last_offence_at:%Y-%m-%d}" if row.last_offence_at else "-",
            str(row.outreach),
        )
    console.print(table)
