"""Output layouts of the tools the stand-ins imitate, written after the tools' own formatting code.

tabwriter: Go's text/tabwriter as kubectl (minwidth 6, padding 3) and docker (minwidth 10, padding 3) use it:
every cell but a line's last is padded to the column's widest cell plus the padding, at least minwidth.
psql: the aligned and expanded formats of psql 15. mysql: the client's table (-t), batch (tabs) and \\G formats.
"""


def tabwriter(rows, minwidth=6, padding=3):
    widths = {}
    for r in rows:
        for i, c in enumerate(r[:-1]):
            widths[i] = max(widths.get(i, 0), len(c) + padding, minwidth)
    out = []
    for r in rows:
        out.append("".join(c.ljust(widths[i]) for i, c in enumerate(r[:-1])) + r[-1])
    return "\n".join(out) + "\n"


def kubectl_table(rows):
    return tabwriter(rows, 6, 3)


def docker_table(rows):
    return tabwriter(rows, 10, 3)


def _is_num(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def psql_aligned(header, rows, numeric=None, title=None, footer=True):
    """psql's default aligned output; numeric: set of column indexes to right-align (default: guess)."""
    n = len(header)
    if numeric is None:
        numeric = {i for i in range(n) if rows and all(_is_num(r[i]) or r[i] == "" for r in rows)}
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(n)]
    lines = []
    total = sum(widths) + 3 * (n - 1) + 2
    if title:
        lines.append(" " * max(0, (total - len(title)) // 2) + title)
    head = []
    for i, h in enumerate(header):
        left = (widths[i] - len(h)) // 2
        head.append(" " * left + h + " " * (widths[i] - len(h) - left))
    lines.append(" " + " | ".join(head) + " ")
    lines.append("+".join("-" * (w + 2) for w in widths))
    for r in rows:
        cells = [(r[i].rjust(widths[i]) if i in numeric else r[i].ljust(widths[i])) for i in range(n)]
        lines.append((" " + " | ".join(cells)).rstrip())
    if footer:
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n\n"


def psql_expanded(header, rows):
    kw = max(len(h) for h in header)
    vw = max([len(v) for r in rows for v in r] + [1])
    lines = []
    for k, r in enumerate(rows, 1):
        label = f"-[ RECORD {k} ]"
        lines.append(label + "-" * max(0, kw + 1 - len(label)) + "+" + "-" * (vw + 1))
        for h, v in zip(header, r):
            lines.append(f"{h.ljust(kw)} | {v}".rstrip() if v == "" else f"{h.ljust(kw)} | {v}")
    return "\n".join(lines) + "\n\n"


def mysql_table(header, rows, numeric=None):
    n = len(header)
    if numeric is None:
        numeric = {i for i in range(n) if rows and all(_is_num(r[i]) for r in rows if r[i] != "NULL")}
    widths = [max([len(header[i])] + [len(r[i]) for r in rows]) for i in range(n)]
    sep = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [sep, "| " + " | ".join(header[i].ljust(widths[i]) for i in range(n)) + " |", sep]
    for r in rows:
        lines.append("| " + " | ".join(r[i].rjust(widths[i]) if i in numeric else r[i].ljust(widths[i])
                                       for i in range(n)) + " |")
    lines.append(sep)
    return "\n".join(lines) + "\n"


def mysql_batch(header, rows):
    esc = lambda v: v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return "\n".join("\t".join(esc(c) for c in r) for r in [header] + rows) + "\n"


def mysql_vertical(header, rows):
    kw = max(len(h) for h in header)
    lines = []
    for k, r in enumerate(rows, 1):
        lines.append(f"*************************** {k}. row ***************************")
        for h, v in zip(header, r):
            lines.append(f"{h.rjust(kw)}: {v}")
    return "\n".join(lines) + "\n"
