"""The projects beside orders-service in the scratch HOME (made by make_scratch.py after orders-service, each
with its own fixed seed so orders-service stays byte for byte as it was):

  ledger/          Python package with a pytest suite (3 failures), a 1,700-line module, a git history
  ratelimit/       Rust crate without dependencies: cargo test with one failing test and a warning
  storefront/      Node project: node --test (TAP when not a TTY), .npmrc with a deprecated key (npm warn)
  payments-sdk/    TypeScript SDK with a GitHub-style history: squash merges with PR templates, merge
                   commits, a feature branch to review
  exports/         CSV and TSV exports and an SQLite database of the same shop
  incident-2026-11-27/  nginx access and error logs of an outage
  billing-gateway/ Maven project (pom.xml); inventory-app/ Gradle/Kotlin project with a test report;
  settlement-svc/  Go module; infra/ Terraform and Kubernetes manifests; support-tools/ notes
  .local/share/api-server/api_server.py   the billing API that the curl sessions call
The second round's projects are in scratch_projects2.py (tuning) and heldout_round2.py (held out).
"""
import csv
import io
import json
import os
import random
import sqlite3
import subprocess
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, mode)

AUTHORS = {
    "dana": ("Dana Whitfield", "dana.whitfield@acme-shop.example"),
    "jonas": ("Jonas Berg", "jonas.berg@acme-shop.example"),
    "aiko": ("Aiko Tanaka", "aiko.tanaka@acme-shop.example"),
    "omar": ("Omar Haddad", "omar.haddad@acme-shop.example"),
    "sofia": ("Sofia Rossi", "sofia.rossi@acme-shop.example"),
    "liam": ("Liam Murphy", "liam.murphy@acme-shop.example"),
    "bot": ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
    "gh": ("GitHub", "noreply@github.com"),
}


def git(project, *args, who="dana", committer=None, date=None):
    name, email = AUTHORS[who]
    cname, cemail = AUTHORS[committer or who]
    env = dict(os.environ, GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=cname,
               GIT_COMMITTER_EMAIL=cemail, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_SYSTEM="/dev/null")
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)


def commit(project, msg, who, date, committer=None):
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", msg, who=who, committer=committer, date=date)


def init(project):
    os.makedirs(project, exist_ok=True)
    git(project, "init", "-q", "-b", "main")


# ---- ledger (pytest) -------------------------------------------------------------------------------------------

def ledger(root):
    rnd = random.Random(31337)
    p = f"{root}/ledger"
    init(p)
    write(f"{p}/pyproject.toml", textwrap.dedent("""\
        [project]
        name = "ledger"
        version = "0.9.3"
        requires-python = ">=3.10"

        [tool.pytest.ini_options]
        testpaths = ["tests"]
        markers = ["slow: needs the settlement fixtures from S3"]
        """))
    write(f"{p}/.gitignore", "__pycache__/\n.pytest_cache/\n")
    write(f"{p}/ledger/__init__.py", '"""Settlement reconciliation for the shop\'s payment providers."""\n__version__ = "0.9.3"\n')
    write(f"{p}/ledger/money.py", textwrap.dedent('''\
        """Money amounts as Decimal with a currency; minor units for the providers' files."""
        from decimal import Decimal, ROUND_HALF_EVEN

        MINOR = {"EUR": 2, "CHF": 2, "GBP": 2, "JPY": 0, "SEK": 2}


        def to_minor(amount: Decimal, currency: str) -> int:
            return int((amount * (10 ** MINOR[currency])).to_integral_value(ROUND_HALF_EVEN))


        def from_minor(units: int, currency: str) -> Decimal:
            return (Decimal(units) / (10 ** MINOR[currency])).quantize(Decimal(1).scaleb(-MINOR[currency]))


        def split_evenly(amount: Decimal, parts: int) -> list[Decimal]:
            cents = to_minor(amount, "EUR")
            base, rest = divmod(cents, parts)
            return [from_minor(base + (1 if i < rest else 0), "EUR") for i in range(parts)]
        '''))
    write(f"{p}/ledger/fx.py", textwrap.dedent('''\
        """ECB reference rates by booking date."""
        from decimal import Decimal

        RATES = {
            "2026-11-24": {"CHF": Decimal("0.9312"), "GBP": Decimal("0.8391"), "SEK": Decimal("11.482")},
            "2026-11-25": {"CHF": Decimal("0.9307"), "GBP": Decimal("0.8402"), "SEK": Decimal("11.471")},
            "2026-11-27": {"CHF": Decimal("0.9298"), "GBP": Decimal("0.8388"), "SEK": Decimal("11.503")},
        }


        def convert(amount: Decimal, currency: str, booking_date: str) -> Decimal:
            if currency == "EUR":
                return amount
            rate = RATES[booking_date][currency]
            return (amount / rate).quantize(Decimal("0.01"))
        '''))
    # the big module: helpers first, the function under test at about line 1,580
    parts = ['"""Matches provider settlement lines against the shop\'s orders, refunds and chargebacks.\n\n'
             'Each provider sends a daily file; ``reconcile_day`` reads it, matches every line and reports what is left."""\n'
             "from __future__ import annotations\n\nimport dataclasses\nimport datetime as dt\nimport logging\n"
             "from collections import defaultdict\nfrom decimal import Decimal, ROUND_HALF_EVEN, ROUND_HALF_UP\n"
             "from typing import Iterable\n\nfrom ledger.fx import convert\nfrom ledger.money import to_minor\n\n"
             "log = logging.getLogger(__name__)\n\n"]
    kinds = ["capture", "refund", "chargeback", "payout", "fee", "adjustment", "reserve", "reversal"]
    fields = ["psp_reference", "merchant_reference", "booking_date", "gross", "net", "commission", "markup",
              "interchange", "scheme_fee", "batch_number", "currency", "payment_method"]
    n = 0
    while sum(x.count("\n") for x in parts) < 1535:
        kind = kinds[n % len(kinds)]
        field = fields[(n * 5) % len(fields)]
        style = n % 4
        if style == 0:
            parts.append(f'''

def parse_{kind}_{field}_{n}(row: dict[str, str]) -> str | None:
    """Reads ``{field}`` of a {kind} line; providers leave it empty for {rnd.choice(["manual", "batched", "legacy", "split"])} entries."""
    value = row.get("{field}", "").strip()
    if not value or value in ("-", "n/a"):
        return None
    return value
''')
        elif style == 1:
            parts.append(f'''

@dataclasses.dataclass(frozen=True)
class {kind.title()}Key{n}:
    """Identity of a {kind} line for matching: provider reference plus {field}."""

    psp_reference: str
    {field}: str

    @classmethod
    def of(cls, row: dict[str, str]) -> "{kind.title()}Key{n}":
        return cls(row["psp_reference"], row.get("{field}", ""))
''')
        elif style == 2:
            parts.append(f'''

def total_{kind}_{n}(lines: Iterable[dict[str, str]], currency: str = "EUR") -> Decimal:
    """Sum of ``{field}`` over {kind} lines, converted to {{currency}} at each line's booking date."""
    total = Decimal("0")
    for line in lines:
        if line.get("type") != "{kind}":
            continue
        amount = Decimal(line.get("{field}") or "0")
        total += convert(amount, line.get("currency", currency), line["booking_date"])
    return total.quantize(Decimal("0.01"), ROUND_HALF_EVEN)
''')
        else:
            parts.append(f'''

def group_{kind}_by_{field}_{n}(lines: Iterable[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """{kind.title()} lines grouped by ``{field}``; lines without it go under ``"?"``."""
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in lines:
        if line.get("type") == "{kind}":
            out[line.get("{field}") or "?"].append(line)
    return dict(out)
''')
        n += 1
    parts.append('''

@dataclasses.dataclass
class Match:
    """One settlement line and what it was matched to."""

    line: dict[str, str]
    order_id: str | None
    kind: str
    net: Decimal
    fees: Decimal
    note: str = ""


def net_of_fees(gross: Decimal, commission: Decimal, markup: Decimal, interchange: Decimal) -> Decimal:
    """Net amount of a line after the provider's fees; refunds carry negative gross and positive fees."""
    fees = commission + markup + interchange
    # PAY-3318: providers round each fee line half-up, so we do the same to match their net
    return (gross - fees).quantize(Decimal("0.01"), ROUND_HALF_UP)


def match_settlement_lines(lines: list[dict[str, str]], orders: dict[str, dict], refunds: dict[str, dict],
                           tolerance: Decimal = Decimal("0.00")) -> tuple[list[Match], list[dict[str, str]]]:
    """Matches each line to an order (captures), a refund (refunds, chargebacks) or nothing.

    Returns the matches and the lines left unmatched. A capture matches when the merchant reference is an
    order id and the amounts agree within ``tolerance``; a refund matches by its refund id; a chargeback
    by the order id of the disputed capture.
    """
    matches: list[Match] = []
    unmatched: list[dict[str, str]] = []
    for line in lines:
        kind = line.get("type", "capture")
        gross = Decimal(line["gross"])
        fees = sum((Decimal(line.get(f) or "0") for f in ("commission", "markup", "interchange")), Decimal("0"))
        net = net_of_fees(gross, Decimal(line.get("commission") or "0"), Decimal(line.get("markup") or "0"),
                          Decimal(line.get("interchange") or "0"))
        ref = line.get("merchant_reference", "")
        if kind == "capture":
            order = orders.get(ref)
            if order is None:
                unmatched.append(line)
                continue
            if abs(Decimal(order["total"]) - gross) > tolerance:
                log.warning("amount mismatch for %s: order %s, line %s", ref, order["total"], gross)
                unmatched.append(line)
                continue
            matches.append(Match(line, ref, kind, net, fees))
        elif kind == "refund":
            refund = refunds.get(ref)
            if refund is None:
                unmatched.append(line)
                continue
            matches.append(Match(line, refund["order_id"], kind, net, fees))
        elif kind == "chargeback":
            # the dispute carries the original capture's reference, not a refund id
            order = orders.get(line.get("original_reference", ""))
            if order is None:
                unmatched.append(line)
                continue
            matches.append(Match(line, order["order_id"], kind, net, fees, note="dispute"))
        else:
            log.debug("ignoring %s line %s", kind, line.get("psp_reference"))
    return matches, unmatched


def batch_net(matches: list[Match]) -> Decimal:
    """Net of a settlement batch: what the provider pays out."""
    return sum((m.net for m in matches), Decimal("0")).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
''')
    for k in range(12):  # more helpers after it
        kind = kinds[k % len(kinds)]
        parts.append(f'''

def report_{kind}_{k}(matches: list[Match]) -> list[str]:
    """One line per {kind} match for the daily report."""
    return [f"{{m.line.get('psp_reference')}} {{m.order_id or '-'}} {{m.net}}" for m in matches if m.kind == "{kind}"]
''')
    base = "".join(parts)
    write(f"{p}/ledger/reconcile.py", base.replace("ROUND_HALF_UP)\n\n\ndef match", "ROUND_HALF_EVEN)\n\n\ndef match")
          .replace("    # PAY-3318: providers round each fee line half-up, so we do the same to match their net\n", ""))
    tests_reconcile = textwrap.dedent('''\
        from decimal import Decimal

        import pytest

        from ledger.reconcile import batch_net, match_settlement_lines, net_of_fees

        ORDERS = {
            "ORD-55120-AQ": {"order_id": "ORD-55120-AQ", "total": "125.00"},
            "ORD-55121-BR": {"order_id": "ORD-55121-BR", "total": "89.90"},
            "ORD-55122-CS": {"order_id": "ORD-55122-CS", "total": "54.00"},
        }
        REFUNDS = {"RF-9120": {"order_id": "ORD-55121-BR", "amount": "29.90"}}


        def line(**kw):
            base = {"type": "capture", "psp_reference": "8816399102337411", "commission": "0.00", "markup": "0.00",
                    "interchange": "0.00", "booking_date": "2026-11-25", "currency": "EUR"}
            base.update(kw)
            return base


        def test_capture_matches_order():
            matches, unmatched = match_settlement_lines([line(merchant_reference="ORD-55120-AQ", gross="125.00")], ORDERS, REFUNDS)
            assert [m.order_id for m in matches] == ["ORD-55120-AQ"]
            assert unmatched == []


        def test_capture_with_other_amount_is_unmatched():
            _, unmatched = match_settlement_lines([line(merchant_reference="ORD-55120-AQ", gross="124.00")], ORDERS, REFUNDS)
            assert len(unmatched) == 1


        def test_net_of_fees_rounds_like_the_provider():
            assert net_of_fees(Decimal("125.00"), Decimal("1.125"), Decimal("0.25"), Decimal("0.20")) == Decimal("123.42")


        def test_partial_refund_nets_fees():
            lines = [line(merchant_reference="ORD-55121-BR", gross="89.90", commission="0.985", markup="0.13", interchange="0.39"),
                     line(type="refund", merchant_reference="RF-9120", gross="-29.90", commission="0.325", markup="0", interchange="0")]
            matches, _ = match_settlement_lines(lines, ORDERS, REFUNDS)
            assert batch_net(matches) == Decimal("58.17")


        @pytest.mark.parametrize("kind,ref,original", [
            ("refund", "RF-9120", None),
            ("chargeback", "CB-77310", "ORD-55122-CS"),
            ("refund", "RF-0000", None),
        ])
        def test_unmatched_lines_reported(kind, ref, original):
            extra = {"original_reference": original} if original else {}
            matches, unmatched = match_settlement_lines([line(type=kind, merchant_reference=ref, gross="-54.00", **extra)],
                                                        ORDERS, REFUNDS)
            expected_unmatched = [] if ref in ("RF-9120", "CB-77310") else [ref]
            assert [u["merchant_reference"] for u in unmatched] == expected_unmatched
            if kind == "chargeback":
                assert matches[0].note == "chargeback"


        @pytest.mark.slow
        @pytest.mark.skip(reason="needs the settlement fixtures from S3 (PAY-2981)")
        def test_full_day_from_adyen_file():
            pass


        @pytest.mark.xfail(reason="PAY-3102: JPY has no minor units yet", strict=True)
        def test_jpy_batch():
            matches, _ = match_settlement_lines([line(merchant_reference="ORD-55120-AQ", gross="125", currency="JPY")], ORDERS, REFUNDS)
            assert batch_net(matches) == Decimal("125")
        ''')
    write(f"{p}/tests/test_reconcile.py", tests_reconcile)
    write(f"{p}/tests/__init__.py", "")
    write(f"{p}/tests/test_money.py", textwrap.dedent('''\
        from decimal import Decimal

        import pytest

        from ledger.money import from_minor, split_evenly, to_minor


        @pytest.mark.parametrize("amount,cur,units", [("12.34", "EUR", 1234), ("0.005", "EUR", 0), ("0.015", "EUR", 2),
                                                      ("1999", "JPY", 1999), ("7.10", "SEK", 710), ("99.99", "CHF", 9999)])
        def test_to_minor(amount, cur, units):
            assert to_minor(Decimal(amount), cur) == units


        @pytest.mark.parametrize("units,cur,amount", [(1234, "EUR", "12.34"), (5, "GBP", "0.05"), (1999, "JPY", "1999")])
        def test_from_minor(units, cur, amount):
            assert from_minor(units, cur) == Decimal(amount)


        @pytest.mark.parametrize("parts", [1, 2, 3, 7, 10])
        def test_split_evenly_adds_up(parts):
            assert sum(split_evenly(Decimal("100.00"), parts)) == Decimal("100.00")
        '''))
    write(f"{p}/tests/test_fx.py", textwrap.dedent('''\
        from decimal import Decimal

        from ledger.fx import convert


        def test_eur_is_unchanged():
            assert convert(Decimal("10.00"), "EUR", "2026-11-25") == Decimal("10.00")


        def test_chf_on_booking_date():
            assert convert(Decimal("93.07"), "CHF", "2026-11-25") == Decimal("100.00")


        def test_convert_uses_rate_of_booking_date():
            # the provider books Thursday's captures on Friday; the rate of the booking date applies
            assert convert(Decimal("84.02"), "GBP", "2026-11-26") == Decimal("100.17")


        def test_sek():
            assert convert(Decimal("114.71"), "SEK", "2026-11-25") == Decimal("10.00")
        '''))
    commit(p, "Reconcile Adyen settlement lines against orders and refunds", "omar", "2026-10-02T10:14:00Z")
    # history for git blame: several authors touch the matcher
    src = open(f"{p}/ledger/reconcile.py").read()
    src = src.replace('''        elif kind == "chargeback":
            # the dispute carries the original capture's reference, not a refund id
''', '''        elif kind == "chargeback":
            # the dispute carries the original capture's reference, not a refund id (PAY-3050)
''')
    write(f"{p}/ledger/reconcile.py", src)
    commit(p, "Chargebacks: match by the disputed capture (PAY-3050)", "sofia", "2026-10-21T15:02:00Z")
    src = src.replace('''            if abs(Decimal(order["total"]) - gross) > tolerance:
                log.warning("amount mismatch for %s: order %s, line %s", ref, order["total"], gross)''',
                      '''            if abs(Decimal(order["total"]) - gross) > tolerance:
                # partial captures are settled line by line; the order total is the upper bound
                log.warning("amount mismatch for %s: order %s, line %s", ref, order["total"], gross)''')
    write(f"{p}/ledger/reconcile.py", src)
    commit(p, "Log amount mismatches with both amounts", "liam", "2026-11-09T08:40:00Z")
    src = src.replace('''    fees = commission + markup + interchange
    return (gross - fees).quantize(Decimal("0.01"), ROUND_HALF_EVEN)''', '''    fees = commission + markup + interchange
    # PAY-3318: providers round each fee line half-up, so we do the same to match their net
    return (gross - fees).quantize(Decimal("0.01"), ROUND_HALF_UP)''')
    write(f"{p}/ledger/reconcile.py", src)
    commit(p, "Round net amounts half-up like the provider (PAY-3318)\n\nAdyen's settlement detail report rounds each "
              "fee line half-up. Matching their net needs the same rounding.", "jonas", "2026-11-24T17:22:00Z")


# ---- ratelimit (cargo) -----------------------------------------------------------------------------------------

def ratelimit(root):
    p = f"{root}/ratelimit"
    init(p)
    write(f"{p}/Cargo.toml", textwrap.dedent("""\
        [package]
        name = "ratelimit"
        version = "0.3.1"
        edition = "2021"
        description = "Token-bucket and sliding-window rate limiters for the API gateway"

        [dependencies]
        """))
    write(f"{p}/.gitignore", "/target\n")
    write(f"{p}/src/lib.rs", textwrap.dedent("""\
        //! Rate limiters for the API gateway: a token bucket per API key and a sliding window per client IP.
        pub mod clock;
        pub mod sliding_window;
        pub mod token_bucket;

        pub use sliding_window::SlidingWindow;
        pub use token_bucket::TokenBucket;

        /// What a limiter answers for one request.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Decision {
            Allow { remaining: u32 },
            Deny { retry_after_ms: u64 },
        }
        """))
    write(f"{p}/src/clock.rs", textwrap.dedent("""\
        use std::cell::Cell;

        /// Milliseconds since some fixed point; tests drive a manual clock.
        pub trait Clock {
            fn now_ms(&self) -> u64;
        }

        #[derive(Default)]
        pub struct ManualClock {
            now: Cell<u64>,
        }

        impl ManualClock {
            pub fn advance(&self, ms: u64) {
                self.now.set(self.now.get() + ms);
            }
        }

        impl Clock for ManualClock {
            fn now_ms(&self) -> u64 {
                self.now.get()
            }
        }
        """))
    write(f"{p}/src/token_bucket.rs", textwrap.dedent("""\
        use crate::clock::Clock;
        use crate::Decision;

        /// A bucket of `capacity` tokens refilled at `per_second` tokens per second.
        pub struct TokenBucket<C: Clock> {
            capacity: u32,
            per_second: u32,
            tokens: f64,
            last_ms: u64,
            clock: C,
        }

        impl<C: Clock> TokenBucket<C> {
            pub fn new(capacity: u32, per_second: u32, clock: C) -> Self {
                let last_ms = clock.now_ms();
                TokenBucket { capacity, per_second, tokens: capacity as f64, last_ms, clock }
            }

            fn refill(&mut self) {
                let now = self.clock.now_ms();
                let elapsed = now.saturating_sub(self.last_ms) as f64 / 1000.0;
                self.tokens = (self.tokens + elapsed * self.per_second as f64).min(self.capacity as f64);
                self.last_ms = now;
            }

            pub fn try_acquire(&mut self) -> Decision {
                self.refill();
                if self.tokens >= 1.0 {
                    self.tokens -= 1.0;
                    Decision::Allow { remaining: self.tokens as u32 }
                } else {
                    let missing = 1.0 - self.tokens;
                    Decision::Deny { retry_after_ms: (missing * 1000.0 / self.per_second as f64).ceil() as u64 }
                }
            }

            pub fn clock(&self) -> &C {
                &self.clock
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;
            use crate::clock::ManualClock;

        """) + "".join(textwrap.indent(textwrap.dedent(f"""\
            #[test]
            fn {name}() {{
                let mut b = TokenBucket::new({cap}, {rate}, ManualClock::default());
                for _ in 0..{cap} {{
                    assert!(matches!(b.try_acquire(), Decision::Allow {{ .. }}));
                }}
                b.clock().advance({adv});
                assert!(matches!(b.try_acquire(), Decision::{want} {{ .. }}));
            }}

        """), "    ") for name, cap, rate, adv, want in [
        ("allows_up_to_capacity", 5, 1, 0, "Deny"), ("refills_one_token_per_second", 3, 1, 1000, "Allow"),
        ("refills_fractionally", 2, 4, 250, "Allow"), ("denies_before_refill", 2, 1, 999, "Deny"),
        ("large_bucket", 100, 50, 20, "Allow"), ("caps_at_capacity_after_idle", 4, 10, 60000, "Allow")]) + "}\n")
    write(f"{p}/src/sliding_window.rs", textwrap.dedent("""\
        use std::collections::VecDeque;

        use crate::clock::Clock;
        use crate::Decision;

        /// At most `limit` requests in any window of `window_ms` milliseconds.
        pub struct SlidingWindow<C: Clock> {
            limit: u32,
            window_ms: u64,
            hits: VecDeque<u64>,
            clock: C,
        }

        impl<C: Clock> SlidingWindow<C> {
            pub fn new(limit: u32, window_ms: u64, clock: C) -> Self {
                SlidingWindow { limit, window_ms, hits: VecDeque::new(), clock }
            }

            fn evict(&mut self, now: u64) {
                // a hit at exactly now - window_ms is outside the window
                while let Some(&t) = self.hits.front() {
                    if t + self.window_ms < now {
                        self.hits.pop_front();
                    } else {
                        break;
                    }
                }
            }

            pub fn try_acquire(&mut self) -> Decision {
                let now = self.clock.now_ms();
                let unused_budget = self.limit;
                self.evict(now);
                if (self.hits.len() as u32) < self.limit {
                    self.hits.push_back(now);
                    Decision::Allow { remaining: self.limit - self.hits.len() as u32 }
                } else {
                    let oldest = *self.hits.front().expect("window is full");
                    Decision::Deny { retry_after_ms: oldest + self.window_ms - now }
                }
            }

            pub fn clock(&self) -> &C {
                &self.clock
            }
        }

        #[cfg(test)]
        mod tests {
            use super::*;
            use crate::clock::ManualClock;

            fn window(limit: u32, ms: u64) -> SlidingWindow<ManualClock> {
                SlidingWindow::new(limit, ms, ManualClock::default())
            }

            #[test]
            fn allows_up_to_limit() {
                let mut w = window(3, 1000);
                for _ in 0..3 {
                    assert!(matches!(w.try_acquire(), Decision::Allow { .. }));
                }
                assert!(matches!(w.try_acquire(), Decision::Deny { .. }));
            }

            #[test]
            fn reports_remaining() {
                let mut w = window(5, 1000);
                assert_eq!(w.try_acquire(), Decision::Allow { remaining: 4 });
                assert_eq!(w.try_acquire(), Decision::Allow { remaining: 3 });
            }

            #[test]
            fn retry_after_points_at_oldest_hit() {
                let mut w = window(2, 1000);
                w.try_acquire();
                w.clock().advance(300);
                w.try_acquire();
                assert_eq!(w.try_acquire(), Decision::Deny { retry_after_ms: 700 });
            }

            #[test]
            fn refills_after_window() {
                let mut w = window(2, 1000);
                w.try_acquire();
                w.try_acquire();
                w.clock().advance(1000);
                // both hits are exactly one window old: they no longer count
                assert_eq!(w.try_acquire(), Decision::Allow { remaining: 1 });
            }

            #[test]
            fn partial_refill() {
                let mut w = window(3, 1000);
                w.try_acquire();
                w.clock().advance(600);
                w.try_acquire();
                w.try_acquire();
                w.clock().advance(500);
                assert_eq!(w.try_acquire(), Decision::Allow { remaining: 0 });
            }
        }
        """))
    write(f"{p}/tests/gateway.rs", textwrap.dedent("""\
        use ratelimit::clock::ManualClock;
        use ratelimit::{Decision, SlidingWindow, TokenBucket};

        #[test]
        fn api_key_burst_then_steady() {
            let mut b = TokenBucket::new(10, 5, ManualClock::default());
            let allowed = (0..12).filter(|_| matches!(b.try_acquire(), Decision::Allow { .. })).count();
            assert_eq!(allowed, 10);
        }

        #[test]
        fn client_ip_window() {
            let mut w = SlidingWindow::new(100, 60_000, ManualClock::default());
            for _ in 0..100 {
                w.try_acquire();
            }
            match w.try_acquire() {
                Decision::Deny { retry_after_ms } => assert_eq!(retry_after_ms, 60_000),
                other => panic!("expected a deny, got {other:?}"),
            }
        }

        #[test]
        #[ignore = "slow: runs a simulated hour of traffic"]
        fn an_hour_of_traffic() {}
        """))
    commit(p, "Token bucket and sliding window limiters", "aiko", "2026-11-18T09:00:00Z")


# ---- storefront (node --test, npm) -----------------------------------------------------------------------------

def storefront(root):
    p = f"{root}/storefront"
    init(p)
    write(f"{p}/package.json", json.dumps({
        "name": "storefront", "version": "1.8.0", "private": True, "type": "module",
        "scripts": {"test": "node --test test/", "lint": "eslint src test"},
        "engines": {"node": ">=20"},
        "dependencies": {"express": "^4.21.1", "body-parser": "^1.20.3"},
    }, indent=2) + "\n")
    write(f"{p}/.npmrc", "always-auth=true\nsave-exact=true\n")
    write(f"{p}/.gitignore", "node_modules/\n")
    write(f"{p}/src/cart/pricing.js", textwrap.dedent("""\
        // Cart pricing: line totals, coupons and VAT. Amounts are integer cents.
        import { roundHalfEven } from '../lib/money.js';

        export const VAT = { DE: 19, AT: 20, FR: 20, NL: 21, CH: 8.1 };

        export function lineTotal(line) {
          if (!Number.isInteger(line.qty) || line.qty < 1) {
            throw new RangeError(`invalid quantity ${line.qty} for ${line.sku}`);
          }
          return line.unitCents * line.qty;
        }

        export function subtotal(cart) {
          return cart.lines.reduce((sum, l) => sum + lineTotal(l), 0);
        }

        export function applyCoupon(cart, coupon) {
          if (!coupon) return { ...cart, coupon: null, discountCents: 0 };
          const base = subtotal(cart);
          if (coupon.minCents && base < coupon.minCents) {
            return { ...cart, coupon: null, discountCents: 0 };
          }
          const discount = coupon.percent
            ? roundHalfEven((base * coupon.percent) / 100)
            : Math.min(coupon.amountCents, base);
          return { ...cart, coupon: coupon.code, discountCents: discount };
        }

        export function vatCents(cart, country) {
          const rate = VAT[country];
          if (rate === undefined) throw new Error(`no VAT rate for ${country}`);
          const net = subtotal(cart) - (cart.discountCents ?? 0);
          // prices are gross: VAT is the part of the gross that is tax
          return roundHalfEven((net * rate) / (100 + rate));
        }

        export function setQuantity(cart, sku, qty) {
          const lines = cart.lines.map((l) => (l.sku === sku ? { ...l, qty } : l));
          return applyCoupon({ ...cart, lines }, cart.couponDef);
        }

        export function total(cart, country) {
          const gross = subtotal(cart) - (cart.discountCents ?? 0);
          return { grossCents: gross, vatCents: vatCents(cart, country), currency: 'EUR' };
        }
        """))
    write(f"{p}/src/lib/money.js", textwrap.dedent("""\
        export function roundHalfEven(x) {
          const r = Math.round(x);
          return Math.abs(x % 1) === 0.5 ? (r % 2 === 0 ? r : r - 1) : r;
        }

        export function format(cents, currency = 'EUR', locale = 'de-DE') {
          return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
        }
        """))
    write(f"{p}/src/checkout/delivery.js", textwrap.dedent("""\
        const WAREHOUSES = {
          'FRA-1': { leadTimeDays: 1, cutoffHour: 14 },
          'FRA-2': { leadTimeDays: 2, cutoffHour: 12 },
          'AMS-1': { leadTimeDays: 2, cutoffHour: 15 },
        };

        export function addBusinessDays(date, days) {
          const d = new Date(date);
          while (days > 0) {
            d.setUTCDate(d.getUTCDate() + 1);
            if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days--;
          }
          return d;
        }

        export function estimateDelivery(order) {
          const wh = WAREHOUSES[order.warehouseCode];
          const placed = new Date(order.placedAt);
          const late = placed.getUTCHours() >= wh.cutoffHour ? 1 : 0;
          return addBusinessDays(placed, wh.leadTimeDays + late).toISOString().slice(0, 10);
        }
        """))
    write(f"{p}/test/pricing.test.js", textwrap.dedent("""\
        import { describe, it } from 'node:test';
        import assert from 'node:assert/strict';
        import { applyCoupon, lineTotal, setQuantity, subtotal, total, vatCents } from '../src/cart/pricing.js';

        const cart = { lines: [{ sku: 'SKU-77120', unitCents: 1999, qty: 2 }, { sku: 'SKU-40218', unitCents: 4550, qty: 1 }] };

        describe('pricing', () => {
          it('sums line totals', () => assert.equal(subtotal(cart), 8548));
          it('rejects a zero quantity', () => assert.throws(() => lineTotal({ sku: 'SKU-1', unitCents: 100, qty: 0 }), RangeError));
          it('applies a percentage coupon', () => {
            assert.deepEqual(applyCoupon(cart, { code: 'SAVE10', percent: 10 }).discountCents, 855);
          });
          it('ignores a coupon below its minimum', () => {
            assert.equal(applyCoupon(cart, { code: 'BIG50', amountCents: 5000, minCents: 10000 }).coupon, null);
          });
          it('computes German VAT on the gross price', () => assert.equal(vatCents(cart, 'DE'), 1365));
          it('computes Swiss VAT', () => assert.equal(vatCents(cart, 'CH'), 641));
          it('keeps the coupon when a quantity changes', () => {
            const withCoupon = { ...applyCoupon(cart, { code: 'SAVE10', percent: 10 }) };
            const changed = setQuantity(withCoupon, 'SKU-77120', 3);
            assert.deepEqual({ coupon: changed.coupon, discountCents: changed.discountCents }, { coupon: 'SAVE10', discountCents: 1055 });
          });
          it('totals with VAT', () => assert.deepEqual(total(cart, 'AT'), { grossCents: 8548, vatCents: 1425, currency: 'EUR' }));
        });
        """))
    write(f"{p}/test/delivery.test.js", textwrap.dedent("""\
        import { describe, it } from 'node:test';
        import assert from 'node:assert/strict';
        import { addBusinessDays, estimateDelivery } from '../src/checkout/delivery.js';

        describe('delivery estimate', () => {
          it('skips weekends', () => assert.equal(addBusinessDays('2026-11-27T10:00:00Z', 1).toISOString().slice(0, 10), '2026-11-30'));
          it('uses the warehouse that ships the order', () => {
            assert.equal(estimateDelivery({ warehouseCode: 'FRA-2', placedAt: '2026-11-24T09:00:00Z' }), '2026-11-26');
          });
          it('adds a day after the cut-off', () => {
            assert.equal(estimateDelivery({ warehouseCode: 'FRA-1', placedAt: '2026-11-24T15:00:00Z' }), '2026-11-26');
          });
          it('knows the Warsaw warehouse', () => {
            assert.equal(estimateDelivery({ warehouseCode: 'WAW-1', placedAt: '2026-11-24T09:00:00Z' }), '2026-11-27');
          });
          it.skip('handles public holidays', () => {});
          it.todo('ships on Saturdays from AMS-1');
        });
        """))
    write(f"{p}/test/money.test.js", textwrap.dedent("""\
        import { test } from 'node:test';
        import assert from 'node:assert/strict';
        import { roundHalfEven } from '../src/lib/money.js';

        for (const [x, want] of [[0.5, 0], [1.5, 2], [2.5, 2], [2.4, 2], [-1.5, -2], [1234.5, 1234]]) {
          test(`roundHalfEven(${x}) = ${want}`, () => assert.equal(roundHalfEven(x), want));
        }
        """))
    commit(p, "Storefront cart pricing and delivery estimates", "sofia", "2026-11-12T11:00:00Z")
    src = open(f"{p}/src/cart/pricing.js").read()
    write(f"{p}/src/cart/pricing.js", src.replace("""export function setQuantity(cart, sku, qty) {
  const lines = cart.lines.map((l) => (l.sku === sku ? { ...l, qty } : l));
  return applyCoupon({ ...cart, lines }, cart.couponDef);
}""", """export function setQuantity(cart, sku, qty) {
  // recompute the discount for the new quantities (CART-412)
  const lines = cart.lines.map((l) => (l.sku === sku ? { ...l, qty } : l));
  return applyCoupon({ lines }, cart.couponDef);
}"""))
    commit(p, "Cart: recompute the coupon discount when a quantity changes (CART-412)", "liam", "2026-11-26T16:05:00Z")


# ---- payments-sdk: a GitHub-style history to review -------------------------------------------------------------

PR_TEMPLATE = """## What

{what}

## Why

{why}

## How to test

{test}

## Checklist

- [{c1}] Tests added or updated
- [{c2}] Docs updated (README / docs/)
- [ ] Changelog entry added
- [{c3}] No breaking changes to the public API

## Screenshots

<!-- if applicable -->

## Related

{related}
"""


def payments_sdk(root):
    rnd = random.Random(8086)
    p = f"{root}/payments-sdk"
    init(p)
    files = {
        "package.json": json.dumps({"name": "@acme/payments-sdk", "version": "2.6.0", "main": "dist/index.js",
                                    "types": "dist/index.d.ts", "scripts": {"build": "tsc -p .", "test": "vitest run"},
                                    "devDependencies": {"typescript": "5.6.3", "vitest": "2.1.4"}}, indent=2) + "\n",
        "src/index.ts": "export { PaymentsClient } from './client';\nexport * from './types';\nexport { RetryPolicy } from './retry';\n",
        "src/types.ts": textwrap.dedent("""\
            export type Currency = 'EUR' | 'CHF' | 'GBP' | 'SEK';

            export interface Money {
              amountMinor: number;
              currency: Currency;
            }

            export interface Charge {
              id: string;
              orderId: string;
              amount: Money;
              status: 'pending' | 'succeeded' | 'failed' | 'refunded';
              createdAt: string;
            }

            export interface ClientOptions {
              baseUrl: string;
              apiKey: string;
              timeoutMs?: number;
              maxRetries?: number;
            }
            """),
        "src/retry.ts": textwrap.dedent("""\
            export interface RetryPolicy {
              maxRetries: number;
              baseDelayMs: number;
            }

            export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 200 };

            export function delayFor(attempt: number, policy: RetryPolicy): number {
              return policy.baseDelayMs * 2 ** attempt;
            }

            export function isRetryable(status: number): boolean {
              return status === 429 || status >= 500;
            }
            """),
        "src/client.ts": textwrap.dedent("""\
            import { ClientOptions, Charge, Money } from './types';
            import { DEFAULT_RETRY, delayFor, isRetryable } from './retry';

            export class PaymentsClient {
              constructor(private readonly opts: ClientOptions) {}

              async createCharge(orderId: string, amount: Money, idempotencyKey?: string): Promise<Charge> {
                return this.request<Charge>('POST', '/v1/charges', { orderId, amount }, idempotencyKey);
              }

              async getCharge(id: string): Promise<Charge> {
                return this.request<Charge>('GET', `/v1/charges/${id}`);
              }

              async refund(chargeId: string, amount?: Money): Promise<Charge> {
                return this.request<Charge>('POST', `/v1/charges/${chargeId}/refunds`, { amount });
              }

              private async request<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
                const policy = { ...DEFAULT_RETRY, maxRetries: this.opts.maxRetries ?? DEFAULT_RETRY.maxRetries };
                for (let attempt = 0; ; attempt++) {
                  const res = await fetch(this.opts.baseUrl + path, {
                    method,
                    headers: {
                      authorization: `Bearer ${this.opts.apiKey}`,
                      'content-type': 'application/json',
                      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
                    },
                    body: body === undefined ? undefined : JSON.stringify(body),
                    signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
                  });
                  if (res.ok) return (await res.json()) as T;
                  if (!isRetryable(res.status) || attempt >= policy.maxRetries) {
                    throw new Error(`payments API ${method} ${path} failed with ${res.status}`);
                  }
                  await new Promise((r) => setTimeout(r, delayFor(attempt, policy)));
                }
              }
            }
            """),
        "README.md": "# @acme/payments-sdk\n\nTypeScript client for the ACME payments API.\n",
    }
    for f, t in files.items():
        write(f"{p}/{f}", t)
    commit(p, "Initial import of the payments SDK", "omar", "2026-09-01T09:00:00Z")
    day = [2]

    def date():
        day[0] += rnd.randint(0, 2)
        return f"2026-{9 + day[0] // 30:02d}-{1 + day[0] % 30:02d}T{rnd.randint(8, 18):02d}:{rnd.randint(0, 59):02d}:00Z"

    prs = [
        (412, "feat(client): send an idempotency key on createCharge", "aiko", "src/client.ts",
         "Adds an optional `idempotencyKey` to `createCharge`.", "Retried POSTs created duplicate charges (INC-2291).",
         "`npm test`, then create a charge twice with the same key against the sandbox.", "x", " ", "x", "Closes #398"),
        (415, "fix(retry): do not retry 501 Not Implemented", "jonas", "src/retry.ts",
         "`isRetryable` now excludes 501.", "Retrying 501 only delays the error.", "Unit tests.", "x", " ", "x", "Fixes #414"),
        (418, "docs: document timeouts and retries", "sofia", "README.md", "Adds a section on `timeoutMs` and `maxRetries`.",
         "Support asked twice this month.", "Read it.", " ", "x", "x", ""),
        (421, "chore(deps): bump vitest from 2.1.4 to 2.1.5", "bot", "package.json",
         "Bumps [vitest](https://github.com/vitest-dev/vitest) from 2.1.4 to 2.1.5.", "Dependency update.", "CI.", " ", " ", "x", ""),
        (423, "feat(types): add SEK and refund status", "liam", "src/types.ts", "Adds `SEK` to `Currency` and `refunded` to the charge status.",
         "The Nordic launch needs SEK.", "Type check.", "x", " ", "x", "Part of NORD-17"),
        (426, "refactor(client): one request helper for all verbs", "aiko", "src/client.ts", "Moves headers into one place.",
         "Three copies of the header code drifted apart.", "Unit tests.", "x", " ", "x", ""),
    ]
    for num, title, who, path, what, why, test, c1, c2, c3, related in prs:
        with open(f"{p}/{path}", "a") as f:
            f.write({"src/client.ts": f"\n// {title} (#{num})\n", "src/retry.ts": f"\n// {title} (#{num})\n",
                     "README.md": "\n## Timeouts and retries\n\n`timeoutMs` (default 10 s) bounds each attempt; `maxRetries` (default 2) "
                                  "retries 429 and 5xx with exponential backoff from 200 ms.\n",
                     "package.json": "", "src/types.ts": f"\n// {title} (#{num})\n"}[path])
        if path == "package.json":
            src = open(f"{p}/package.json").read().replace('"vitest": "2.1.4"', '"vitest": "2.1.5"')
            write(f"{p}/package.json", src)
        body = PR_TEMPLATE.format(what=what, why=why, test=test, c1=c1, c2=c2, c3=c3, related=related or "<!-- issues, incidents -->")
        if who == "bot":
            body = (f"Bumps [vitest](https://github.com/vitest-dev/vitest) from 2.1.4 to 2.1.5.\n\n<details>\n<summary>Release notes</summary>\n"
                    "<p><em>Sourced from <a href=\"https://github.com/vitest-dev/vitest/releases\">vitest's releases</a>.</em></p>\n"
                    "<blockquote>\n<h2>v2.1.5</h2>\n<h3>🐞 Bug Fixes</h3>\n<ul>\n<li>Fix watch mode on Windows</li>\n</ul>\n</blockquote>\n</details>\n\n"
                    "[![Dependabot compatibility score](https://dependabot-badges.githubapp.com/badges/compatibility_score?dependency-name=vitest&package-manager=npm_and_yarn&previous-version=2.1.4&new-version=2.1.5)]"
                    "(https://docs.github.com/en/github/managing-security-vulnerabilities/about-dependabot-security-updates#about-compatibility-scores)\n\n"
                    "Dependabot will resolve any conflicts with this PR as long as you don't alter it yourself.\n\n---\n\n"
                    "<details>\n<summary>Dependabot commands and options</summary>\n<br />\n\nYou can trigger Dependabot actions by commenting on this PR:\n"
                    "- `@dependabot rebase` will rebase this PR\n- `@dependabot recreate` will recreate this PR\n</details>\n\n"
                    "Signed-off-by: dependabot[bot] <support@github.com>")
        else:
            other = rnd.choice([k for k in AUTHORS if k not in (who, "bot", "gh")])
            body += f"\nCo-authored-by: {AUTHORS[other][0]} <{AUTHORS[other][1]}>"
        commit(p, f"{title} (#{num})\n\n{body}", who, date(), committer="gh")
    # the feature branch under review, with a real merge of main into it
    git(p, "checkout", "-q", "-b", "feature/retry-budget")
    retry = open(f"{p}/src/retry.ts").read()
    retry = retry.replace("""export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 200 };""",
                          """export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, baseDelayMs: 200 };

/**
 * A budget shared by all requests of one client: retries may use at most `ratio` of the requests made in
 * the last `windowMs`, so a failing upstream sees at most (1 + ratio) times the normal load.
 */
export class RetryBudget {
  private requests: number[] = [];
  private retries: number[] = [];

  constructor(private readonly ratio = 0.1, private readonly windowMs = 10_000, private readonly minPerSecond = 10) {}

  recordRequest(now = Date.now()): void {
    this.requests.push(now);
  }

  tryRetry(now = Date.now()): boolean {
    const from = now - this.windowMs;
    this.requests = this.requests.filter((t) => t > from);
    this.retries = this.retries.filter((t) => t > from);
    const allowed = Math.max(this.minPerSecond * (this.windowMs / 1000), this.requests.length * this.ratio);
    if (this.retries.length >= allowed) return false;
    this.retries.push(now);
    return true;
  }
}""")
    retry = retry.replace("""export function delayFor(attempt: number, policy: RetryPolicy): number {
  return policy.baseDelayMs * 2 ** attempt;
}""", """export function delayFor(attempt: number, policy: RetryPolicy, random = Math.random): number {
  // full jitter: a random delay between 0 and the exponential cap
  const cap = Math.min(policy.baseDelayMs * 2 ** attempt, 5_000);
  return Math.floor(random() * cap);
}""")
    write(f"{p}/src/retry.ts", retry)
    commit(p, "retry: shared retry budget and full jitter", "omar", "2026-10-01T10:12:00Z")
    client = open(f"{p}/src/client.ts").read()
    client = client.replace("import { DEFAULT_RETRY, delayFor, isRetryable } from './retry';",
                            "import { DEFAULT_RETRY, RetryBudget, delayFor, isRetryable } from './retry';")
    client = client.replace("""export class PaymentsClient {
  constructor(private readonly opts: ClientOptions) {}""", """export class PaymentsClient {
  private readonly budget: RetryBudget;

  constructor(private readonly opts: ClientOptions) {
    this.budget = new RetryBudget(opts.retryBudgetRatio ?? 0.1);
  }""")
    client = client.replace("""                for (let attempt = 0; ; attempt++) {
                  const res""".replace("                ", "    "), """    this.budget.recordRequest();
    for (let attempt = 0; ; attempt++) {
      const res""")
    client = client.replace("""      if (!isRetryable(res.status) || attempt >= policy.maxRetries) {""",
                            """      if (!isRetryable(res.status) || attempt >= policy.maxRetries || !this.budget.tryRetry()) {""")
    write(f"{p}/src/client.ts", client)
    types = open(f"{p}/src/types.ts").read().replace("""  maxRetries?: number;
}""", """  maxRetries?: number;
  /** Share of requests that may be retried (default 0.1); see RetryBudget. */
  retryBudgetRatio?: number;
}""")
    write(f"{p}/src/types.ts", types)
    commit(p, "client: spend retries from the budget", "omar", "2026-10-01T15:40:00Z")
    write(f"{p}/test/retry.test.ts", textwrap.dedent("""\
        import { describe, expect, it } from 'vitest';
        import { RetryBudget, delayFor } from '../src/retry';

        describe('RetryBudget', () => {
          it('allows the minimum rate when idle', () => {
            const b = new RetryBudget(0.1, 10_000, 1);
            for (let i = 0; i < 10; i++) expect(b.tryRetry(1_000)).toBe(true);
            expect(b.tryRetry(1_000)).toBe(false);
          });

          it('scales with traffic', () => {
            const b = new RetryBudget(0.1, 10_000, 0);
            for (let i = 0; i < 1000; i++) b.recordRequest(5_000);
            let ok = 0;
            while (b.tryRetry(5_000)) ok++;
            expect(ok).toBe(100);
          });
        });

        describe('delayFor', () => {
          it('caps at five seconds', () => {
            expect(delayFor(20, { maxRetries: 30, baseDelayMs: 200 }, () => 0.999)).toBeLessThan(5_000);
          });
        });
        """))
    commit(p, "test: retry budget and jitter cap", "omar", "2026-10-02T09:05:00Z")
    readme = open(f"{p}/README.md").read() + "\n### Retry budget\n\nRetries share a budget of 10 % of the requests of the last 10 s (`retryBudgetRatio`).\n"
    write(f"{p}/README.md", readme)
    commit(p, "docs: retry budget", "omar", "2026-10-02T11:00:00Z")
    git(p, "checkout", "-q", "main")
    # a merge commit on main from another branch, and more squash merges after it
    git(p, "checkout", "-q", "-b", "release/2.6")
    write(f"{p}/CHANGELOG.md", "# Changelog\n\n## 2.6.1\n\n- Do not retry 501 (#415)\n- Idempotency keys on createCharge (#412)\n")
    commit(p, "release: 2.6.1 changelog", "jonas", "2026-10-03T08:00:00Z")
    git(p, "checkout", "-q", "main")
    git(p, "merge", "-q", "--no-ff", "-m", "Merge pull request #431 from acme-shop/release/2.6\n\nrelease: 2.6.1",
        "release/2.6", who="jonas", committer="gh", date="2026-10-03T08:30:00Z")
    git(p, "branch", "-q", "-D", "release/2.6")
    for num, title, who in [(433, "fix(types): Charge.createdAt is an ISO string", "liam"),
                            (436, "chore: tsconfig strict null checks", "aiko")]:
        with open(f"{p}/src/types.ts", "a") as f:
            f.write(f"\n// {title} (#{num})\n")
        commit(p, f"{title} (#{num})\n\n" + PR_TEMPLATE.format(what=title.split(': ', 1)[1].capitalize() + ".", why="See the issue.",
                                                              test="`npm test`", c1=" ", c2=" ", c3="x", related="<!-- issues, incidents -->"),
               who, f"2026-10-0{4 + num % 3}T1{num % 7}:00:00Z", committer="gh")


# ---- exports (CSV, TSV, SQLite) ---------------------------------------------------------------------------------

def exports(root):
    rnd = random.Random(2718)
    p = f"{root}/exports"
    os.makedirs(f"{p}/data", exist_ok=True)
    first = ["maria", "jonas", "aiko", "liam", "sofia", "noah", "elena", "omar", "chloe", "mateo", "hana", "ivan"]
    last = ["keller", "berg", "tanaka", "murphy", "rossi", "fischer", "novak", "haddad", "martin", "silva"]
    orders, payments, refunds = [], [], []
    for i in range(4200):
        oid = f"ORD-{60000 + i}-{'ABCDEFGHJK'[i % 10]}{'QRSTUVWXYZ'[(i * 7) % 10]}"
        total = rnd.randint(499, 48000)
        day = 1 + i * 27 // 4200
        email = f"{first[i % 12]}.{last[(i * 3) % 10]}{i % 97}@example.org"
        orders.append([oid, email, f"2026-11-{day:02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}Z",
                       rnd.choice(["DE", "DE", "AT", "NL", "FR", "CH"]), f"{total / 100:.2f}", "EUR",
                       rnd.choice(["card", "card", "paypal", "klarna", "sepa"]), rnd.choice(["DELIVERED", "DELIVERED", "SHIPPED", "CANCELLED", "RETURNED"])])
        status = "CAPTURED"
        if i % 97 == 13:
            status = "CHARGEBACK"
        payments.append([f"pay_{rnd.getrandbits(40):010x}", oid, orders[-1][2], f"{total / 100:.2f}", "EUR", orders[-1][6],
                         status, f"{rnd.randint(0, 300) / 100:.2f}", f"psp_{rnd.getrandbits(36):09x}"])
        if orders[-1][7] in ("RETURNED", "CANCELLED") and rnd.random() < 0.8:
            refunds.append([f"RF-{20000 + len(refunds)}", oid, f"{rnd.randint(100, total) / 100:.2f}", "EUR",
                            f"2026-11-{min(28, day + rnd.randint(1, 5)):02d}T10:{rnd.randint(0, 59):02d}:00Z",
                            rnd.choice(["customer_return", "cancelled_before_shipping", "damaged", "goodwill"])])
    # refunds whose order is not in the export: what finance is asking about
    for k, (oid, amount, reason) in enumerate([("ORD-59987-HX", "412.80", "goodwill"), ("ORD-64411-ZZ", "1299.00", "damaged"),
                                               ("ORD-59990-KQ", "89.90", "customer_return")]):
        refunds.insert(37 + k * 53, [f"RF-{29000 + k}", oid, amount, "EUR", f"2026-11-{20 + k}T09:1{k}:00Z", reason])

    def write_csv(path, header, rows, delim=","):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        write(path, buf.getvalue())

    write_csv(f"{p}/data/orders.csv", ["order_id", "customer_email", "created_at", "country", "total", "currency", "payment_method", "status"], orders)
    write_csv(f"{p}/data/payments.csv", ["payment_id", "order_id", "created_at", "amount", "currency", "method", "status", "fee", "psp_reference"], payments)
    write_csv(f"{p}/data/refunds.csv", ["refund_id", "order_id", "amount", "currency", "created_at", "reason"], refunds)
    settle = []
    for k, pay in enumerate(payments[:2600]):
        settle.append([f"B-2026-11-{1 + k // 100:02d}-{k % 100:04d}", pay[8], pay[1], "Settled" if pay[6] == "CAPTURED" else "Chargeback",
                       pay[3], pay[7], f"{float(pay[3]) - float(pay[7]):.2f}", "EUR", pay[2][:10]])
    write_csv(f"{p}/data/settlement_2026-11.tsv", ["batch", "psp_reference", "merchant_reference", "record_type", "gross", "fee",
                                                    "net", "currency", "booking_date"], settle, delim="\t")
    db = sqlite3.connect(f"{p}/data/shop.db")
    db.execute("CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_email TEXT, created_at TEXT, country TEXT, total REAL, currency TEXT, payment_method TEXT, status TEXT)")
    db.execute("CREATE TABLE refunds (refund_id TEXT PRIMARY KEY, order_id TEXT, amount REAL, currency TEXT, created_at TEXT, reason TEXT)")
    db.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?)", orders)
    db.executemany("INSERT INTO refunds VALUES (?,?,?,?,?,?)", refunds)
    db.commit()
    db.close()
    write(f"{p}/README.md", "Exports of 2026-11 from the shop database and the PSP (payments, settlement).\n")


# ---- incident logs (nginx) --------------------------------------------------------------------------------------

def incident(root):
    rnd = random.Random(1127)
    p = f"{root}/incident-2026-11-27"
    paths = ["/", "/api/cart", "/api/cart/items", "/api/checkout", "/api/products?category=shoes&page=2", "/api/search?q=boots",
             "/static/js/app.4f1c2d.js", "/static/css/main.9a8b7c.css", "/api/customers/me", "/api/checkout/delivery-estimate",
             "/product/SKU-77120", "/product/SKU-40218", "/healthz", "/api/payments/3ds/callback"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
           "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
           "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "kube-probe/1.32",
           "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]
    access, error = [], []
    t = 9 * 3600 + 20 * 60
    upstreams = ["10.42.3.17:8080", "10.42.5.131:8080", "10.42.2.3:8080", "10.42.7.92:8080"]
    conn = 8812000
    while t < 10 * 3600 + 20 * 60:
        t += rnd.choice([0, 0, 1, 1, 2])
        incident_on = 9 * 3600 + 41 * 60 <= t < 10 * 3600 + 4 * 60
        path = rnd.choice(paths)
        method = "POST" if path in ("/api/checkout", "/api/cart/items", "/api/payments/3ds/callback") else "GET"
        status = rnd.choice([200] * 20 + [304, 301, 404, 204])
        rt = rnd.uniform(0.002, 0.4)
        up = rnd.choice(upstreams)
        if incident_on and path.startswith("/api/checkout"):
            status, rt = rnd.choice([(502, rnd.uniform(0.001, 0.01)), (504, 60.0), (502, 0.003), (200, rnd.uniform(0.5, 4))])
        elif incident_on and path.startswith("/api/") and rnd.random() < 0.15:
            status, rt = 502, rnd.uniform(0.001, 0.02)
        hh, mm, ss = t // 3600, (t // 60) % 60, t % 60
        ip = f"{rnd.choice(['203.0.113', '198.51.100', '192.0.2', '185.220.101'])}.{rnd.randint(1, 254)}"
        rid = "%032x" % rnd.getrandbits(128)
        size = 0 if status in (204, 304) else (157 if status == 502 else (167 if status == 504 else rnd.randint(300, 48000)))
        access.append(f'{ip} - - [27/Nov/2026:{hh:02d}:{mm:02d}:{ss:02d} +0000] "{method} {path} HTTP/2.0" {status} {size} '
                      f'"{"https://shop.acme-shop.example/cart" if "checkout" in path else "-"}" "{rnd.choice(uas)}" '
                      f'rt={rt:.3f} uct="{0.001 if status != 502 else "-"}" urt="{rt:.3f}" ua="{up if status != 502 else "-"}" rid={rid}')
        if status in (502, 504):
            conn += rnd.randint(1, 90)
            if status == 504:
                msg = "upstream timed out (110: Connection timed out) while reading response header from upstream"
            elif up == "10.42.3.17:8080" or rnd.random() < 0.5:
                msg = "connect() failed (111: Connection refused) while connecting to upstream"
            else:
                msg = "no live upstreams while connecting to upstream"
            error.append(f'2026/11/27 {hh:02d}:{mm:02d}:{ss:02d} [error] {rnd.choice([2211, 2212, 2214])}#{rnd.choice([2211, 2212, 2214])}: *{conn} {msg}, '
                         f'client: {ip}, server: shop.acme-shop.example, request: "{method} {path} HTTP/2.0", '
                         f'upstream: "http://{up}{path.split("?")[0]}", host: "shop.acme-shop.example"'
                         + (', referrer: "https://shop.acme-shop.example/cart"' if "checkout" in path else ""))
        elif rnd.random() < 0.01:
            error.append(f"2026/11/27 {hh:02d}:{mm:02d}:{ss:02d} [warn] 2212#2212: *{conn} an upstream response is buffered to a temporary file "
                         f"/var/cache/nginx/proxy_temp/{rnd.randint(1, 9)}/{rnd.randint(10, 99)}/00000{rnd.randint(10000, 99999)} while reading upstream, "
                         f'client: {ip}, server: shop.acme-shop.example, request: "GET {path} HTTP/2.0", upstream: "http://{up}{path}", host: "shop.acme-shop.example"')
    error.insert(len(error) // 2, "2026/11/27 09:52:10 [alert] 2214#2214: *8818841 upstream sent too big header while reading response header "
                                  'from upstream, client: 198.51.100.23, server: shop.acme-shop.example, request: "GET /api/customers/me HTTP/2.0", '
                                  'upstream: "http://10.42.5.131:8080/api/customers/me", host: "shop.acme-shop.example"')
    write(f"{p}/logs/nginx/access.log", "\n".join(access) + "\n")
    write(f"{p}/logs/nginx/error.log", "\n".join(error) + "\n")
    write(f"{p}/logs/app/checkout-web.log", "\n".join(
        f"2026-11-27T09:{40 + k // 30:02d}:{(k * 2) % 60:02d}.{rnd.randint(0, 999):03d}Z WARN  [reactor-http-epoll-{rnd.randint(1, 4)}] "
        f"c.a.c.payments.PaymentsClient - payments-api call failed (attempt {1 + k % 3}/3): Connection refused: payments-api.checkout.svc/10.43.12.9:8080"
        for k in range(90)) + "\n")
    write(f"{p}/NOTES.md", "Logs pulled from edge-lb-1 and checkout-web at 10:25 UTC for INC-2318.\n")


# ---- small projects for the stand-ins -----------------------------------------------------------------------------

def billing_gateway(root):
    p = f"{root}/billing-gateway"
    init(p)
    deps = [("org.springframework.boot", "spring-boot-starter-web", None), ("org.springframework.boot", "spring-boot-starter-data-jpa", None),
            ("org.postgresql", "postgresql", None, "runtime"), ("org.flywaydb", "flyway-core", "10.10.0"),
            ("org.flywaydb", "flyway-database-postgresql", "10.10.0", "runtime"), ("com.stripe", "stripe-java", "26.13.0"),
            ("com.adyen", "adyen-java-api-library", "25.1.0"), ("io.github.resilience4j", "resilience4j-spring-boot3", "2.2.0"),
            ("org.apache.commons", "commons-text", "1.10.0"), ("com.google.guava", "guava", "33.3.1-jre"),
            ("io.micrometer", "micrometer-registry-prometheus", None), ("org.springframework.boot", "spring-boot-starter-test", None, "test"),
            ("org.testcontainers", "postgresql", None, "test"), ("org.testcontainers", "junit-jupiter", None, "test"),
            ("com.github.tomakehurst", "wiremock-jre8-standalone", "2.35.2", "test")]
    dx = ""
    for d in deps:
        g, a, v = d[:3]
        scope = d[3] if len(d) > 3 else None
        dx += f"        <dependency>\n            <groupId>{g}</groupId>\n            <artifactId>{a}</artifactId>\n"
        if v:
            dx += f"            <version>{v}</version>\n"
        if scope:
            dx += f"            <scope>{scope}</scope>\n"
        dx += "        </dependency>\n"
    write(f"{p}/pom.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
    <modelVersion>4.0.0</modelVersion>
    <parent>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-starter-parent</artifactId>
        <version>3.3.5</version>
        <relativePath/>
    </parent>
    <groupId>com.acme</groupId>
    <artifactId>billing-gateway</artifactId>
    <version>3.2.0-SNAPSHOT</version>
    <name>billing-gateway</name>
    <description>Routes charges and refunds to Stripe and Adyen</description>

    <properties>
        <java.version>21</java.version>
        <!-- CVE-2022-42889 (Text4Shell): keep commons-text at 1.10.0 or later -->
        <commons-text.version>1.10.0</commons-text.version>
        <testcontainers.version>1.20.3</testcontainers.version>
    </properties>

    <dependencyManagement>
        <dependencies>
            <dependency>
                <groupId>org.testcontainers</groupId>
                <artifactId>testcontainers-bom</artifactId>
                <version>${{testcontainers.version}}</version>
                <type>pom</type>
                <scope>import</scope>
            </dependency>
        </dependencies>
    </dependencyManagement>

    <dependencies>
{dx}    </dependencies>

    <build>
        <plugins>
            <plugin>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-maven-plugin</artifactId>
            </plugin>
            <plugin>
                <groupId>org.owasp</groupId>
                <artifactId>dependency-check-maven</artifactId>
                <version>11.1.0</version>
                <configuration>
                    <failBuildOnCVSS>7</failBuildOnCVSS>
                    <suppressionFiles>
                        <suppressionFile>owasp-suppressions.xml</suppressionFile>
                    </suppressionFiles>
                </configuration>
            </plugin>
        </plugins>
    </build>
</project>
""")
    commit(p, "billing-gateway: Stripe and Adyen routing", "jonas", "2026-11-03T10:00:00Z")


def inventory_app(root, junit):
    p = f"{root}/inventory-app"
    init(p)
    write(f"{p}/gradlew", "#!/bin/sh\n# Gradle wrapper (stand-in for the corpus: replays what Gradle 8.11.1 printed)\n"
          f"exec python3 \"$HOME/.local/share/standins/standin.py\" gradle \"$@\"\n", 0o755)
    write(f"{p}/settings.gradle.kts", 'rootProject.name = "inventory-app"\ninclude("domain", "persistence", "app")\n')
    write(f"{p}/.gitignore", "build/\n.gradle/\n")
    lines = ["package com.acme.inventory", "", "import org.junit.jupiter.api.Assertions.assertEquals",
             "import org.junit.jupiter.api.Test", "", "class StockAllocatorTest {", "",
             "    private val warehouses = listOf(",
             '        Warehouse("FRA-1", lat = 50.05, lon = 8.57, stock = mapOf("SKU-40218" to 0, "SKU-77120" to 40)),',
             '        Warehouse("FRA-2", lat = 50.11, lon = 8.68, stock = mapOf("SKU-40218" to 5, "SKU-77120" to 12)),',
             '        Warehouse("AMS-1", lat = 52.31, lon = 4.76, stock = mapOf("SKU-40218" to 4, "SKU-77120" to 90)),',
             '        Warehouse("WAW-1", lat = 52.17, lon = 20.97, stock = mapOf("SKU-40218" to 0, "SKU-77120" to 7)),',
             "    )", "", "    private val allocator = StockAllocator(warehouses, DistanceTable.haversine())", ""]
    for k, (name, body) in enumerate([
            ("allocatesFromSingleWarehouse", ['val a = allocator.allocate(Order("O-1", postcode = "60311", lines = mapOf("SKU-77120" to 2)))',
                                              'assertEquals(1, a.shipments.size)']),
            ("allocatesFromNearestWarehouse", ['// Frankfurt postcode: FRA-2 is 9 km away, AMS-1 is 360 km away',
                                               'val a = allocator.allocate(Order("O-2", postcode = "60311", lines = mapOf("SKU-40218" to 3)))',
                                               'assertEquals("FRA-2", a.shipments.single().warehouse)']),
            ("splitsOrderAcrossWarehousesWhenNoneHasEnough", ['val a = allocator.allocate(Order("O-3", postcode = "60311", lines = mapOf("SKU-40218" to 12)))',
                                                             'assertEquals(listOf("FRA-2", "AMS-1"), a.shipments.map { it.warehouse })',
                                                             'assertEquals(3, a.backordered["SKU-40218"])'])]):
        lines += ["    @Test", f"    fun {name}() {{"] + ["        " + b for b in body] + ["    }", ""]
    lines += ["}"]
    write(f"{p}/app/src/test/kotlin/com/acme/inventory/StockAllocatorTest.kt", "\n".join(lines) + "\n")
    write(f"{p}/app/src/main/kotlin/com/acme/inventory/StockAllocator.kt", textwrap.dedent("""\
        package com.acme.inventory

        class StockAllocator(private val warehouses: List<Warehouse>, private val distances: DistanceTable) {

            fun allocate(order: Order): Allocation {
                val shipments = mutableListOf<Shipment>()
                val backordered = mutableMapOf<String, Int>()
                for ((sku, qty) in order.lines) {
                    var left = qty
                    // nearest first; ties go to the warehouse with more stock
                    val candidates = warehouses
                        .filter { (it.stock[sku] ?: 0) > 0 }
                        .sortedWith(compareBy<Warehouse> { distances.km(order.postcode, it) }.thenByDescending { it.stock[sku] })
                    for (w in candidates) {
                        val reserved = 0
                        val take = minOf(left, w.stock.getValue(sku))
                        shipments += Shipment(w.code, sku, take)
                        left -= take
                        if (left == 0) break
                    }
                    if (left > 0) {
                        check(order.allowBackorder) {
                            "allocation for $sku left $left units unassigned (requested $qty, " +
                                candidates.joinToString { "${it.code} has ${it.stock[sku]}" } + ")"
                        }
                        backordered[sku] = left
                    }
                }
                return Allocation(order.id, shipments, backordered)
            }
        }
        """))
    write(f"{p}/app/build/test-results/test/TEST-com.acme.inventory.StockAllocatorTest.xml", junit)
    commit(p, "inventory-app: stock allocation across warehouses", "aiko", "2026-11-20T14:00:00Z")


def settlement_svc(root):
    p = f"{root}/settlement-svc"
    init(p)
    write(f"{p}/go.mod", "module github.com/acme-shop/settlement-svc\n\ngo 1.23\n")
    write(f"{p}/internal/settlement/settle.go", textwrap.dedent("""\
        // Package settlement nets a provider's settlement batch: captures minus refunds, chargebacks and fees.
        package settlement

        import (
        	"errors"
        	"fmt"
        	"sort"
        	"time"

        	"github.com/acme-shop/settlement-svc/pkg/money"
        )

        // Kind of a settlement line.
        type Kind string

        const (
        	Capture      Kind = "capture"
        	Refund       Kind = "refund"
        	Chargeback   Kind = "chargeback"
        	Reversal     Kind = "chargeback_reversal"
        	Interchange  Kind = "interchange"
        	SchemeFee    Kind = "scheme_fee"
        	Commission   Kind = "commission"
        )

        // Line is one row of a provider's settlement file.
        type Line struct {
        	Kind      Kind
        	Reference string
        	Amount    money.Minor
        	Currency  string
        	BookedAt  time.Time
        }

        // Batch is what the provider pays out in one transfer.
        type Batch struct {
        	ID    string
        	Lines []Line
        }

        var ErrMixedCurrency = errors.New("settlement: batch mixes currencies")

        // Net returns the payout of a batch and the fee lines it contains.
        func Net(b Batch) (money.Minor, []Line, error) {
        	if len(b.Lines) == 0 {
        		return 0, nil, nil
        	}
        	cur := b.Lines[0].Currency
        	var net money.Minor
        	var fees []Line
        	for _, l := range b.Lines {
        		if l.Currency != cur {
        			return 0, nil, fmt.Errorf("%w: %s and %s in %s", ErrMixedCurrency, cur, l.Currency, b.ID)
        		}
        		switch l.Kind {
        		case Capture, Reversal:
        			net += l.Amount
        		case Refund, Chargeback:
        			net -= l.Amount
        		case SchemeFee, Commission:
        			net -= l.Amount
        			fees = append(fees, l)
        		}
        	}
        	sort.Slice(fees, func(i, j int) bool { return fees[i].Reference < fees[j].Reference })
        	return net, fees, nil
        }
        """).replace("        \t", "\t"))
    write(f"{p}/pkg/money/money.go", "package money\n\n// Minor is an amount in minor units (cents).\ntype Minor int64\n")
    commit(p, "settlement: net a batch", "omar", "2026-11-14T10:00:00Z")


def infra(root):
    p = f"{root}/infra"
    init(p)
    mods = {"vpc": ["main.tf", "variables.tf", "outputs.tf"], "eks": ["main.tf", "node_groups.tf", "iam.tf", "variables.tf", "outputs.tf"],
            "rds": ["main.tf", "parameters.tf", "variables.tf", "outputs.tf", "alarms.tf"], "redis": ["main.tf", "variables.tf"],
            "valkey": ["main.tf", "variables.tf", "outputs.tf"], "s3": ["main.tf", "variables.tf"], "dns": ["main.tf", "records.tf", "variables.tf"],
            "iam-ci": ["main.tf", "policy.tf"]}
    rnd = random.Random(65)
    for m, fs in mods.items():
        for f in fs:
            body = [f"# modules/{m}/{f}"]
            for k in range(rnd.randint(4, 40)):
                body.append(f'variable "{m.replace("-", "_")}_{k}" {{\n  type    = string\n  default = "{rnd.choice(["eu-central-1", "prod", "gp3", "t4g.medium"])}"\n}}\n')
            write(f"{p}/terraform/modules/{m}/{f}", "\n".join(body) + "\n")
    write(f"{p}/terraform/modules/rds/variables.tf", textwrap.dedent("""\
        variable "identifier" {
          description = "Name of the primary instance; replicas get -replica-N"
          type        = string
        }

        variable "engine_version" {
          description = "PostgreSQL major.minor; a major upgrade also needs a new parameter group family"
          type        = string
          default     = "15.8"
        }

        variable "instance_class" {
          type    = string
          default = "db.r7g.2xlarge"
        }

        variable "allocated_storage" {
          type    = number
          default = 800
        }

        variable "max_allocated_storage" {
          type    = number
          default = 1600
        }

        variable "replica_count" {
          type    = number
          default = 2
        }

        variable "allow_major_version_upgrade" {
          description = "Must be true for 15 -> 16; the upgrade restarts the primary (about 10 min of downtime)"
          type        = bool
          default     = false
        }

        variable "parameters" {
          description = "Parameter group settings: name => { value, apply_method }"
          type = map(object({
            value        = string
            apply_method = optional(string, "immediate")
          }))
          default = {}
        }
        """))
    for env in ["prod", "staging"]:
        write(f"{p}/terraform/envs/{env}/main.tf", f'module "rds_orders" {{\n  source         = "../../modules/rds"\n  identifier     = "orders-primary"\n  engine_version = "16.4"\n}}\n')
        write(f"{p}/terraform/envs/{env}/backend.tf", f'terraform {{\n  backend "s3" {{\n    bucket = "acme-shop-tfstate"\n    key    = "{env}/terraform.tfstate"\n    region = "eu-central-1"\n  }}\n}}\n')
    write(f"{p}/k8s/checkout/payments-api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: payments-api\n  namespace: checkout\n")
    commit(p, "infra: modules and prod env", "liam", "2026-11-10T09:00:00Z")


def support_tools(root):
    p = f"{root}/support-tools"
    init(p)
    write(f"{p}/README.md", "Scripts and notes for customer support escalations. The billing API runs locally on :18473 "
                            "(`make api`) with a copy of yesterday's data.\n")
    commit(p, "support-tools: notes", "sofia", "2026-11-01T09:00:00Z")


API_SERVER = r'''#!/usr/bin/env python3
"""The billing API the support sessions call with curl: a local copy with yesterday's data."""
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

rnd = random.Random(4242)
CUSTOMER = "cus_8821"


def charges():
    out = []
    for k in range(48):
        cid = "ch_%024x" % rnd.getrandbits(96)
        inv = "INV-2026-%02d-%04d" % (6 + k // 8, 100 + k * 7)
        status = "succeeded"
        if k in (45, 46):
            inv = "INV-2026-11-0412"
        if k == 46:
            cid = "ch_3f9a27c1d0b8e4f5a6c7d8e9"
        if k == 31:
            status = "failed"
        out.append({"id": cid, "object": "charge", "amount": 18990 if inv == "INV-2026-11-0412" else rnd.choice([990, 2490, 4990, 18990]),
                    "amount_refunded": 0, "currency": "eur", "customer": CUSTOMER, "invoice": inv,
                    "created": 1750000000 + k * 86400 * 3 + (37 if k == 46 else 0),
                    "status": status, "paid": status == "succeeded", "captured": status == "succeeded",
                    "payment_method_details": {"type": "card", "card": {"brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028,
                                               "network_transaction_id": "%015d" % rnd.getrandbits(48)}},
                    "outcome": {"network_status": "approved_by_network" if status == "succeeded" else "declined_by_network",
                                "reason": None if status == "succeeded" else "insufficient_funds", "risk_level": "normal",
                                "risk_score": rnd.randint(5, 60), "seller_message": "Payment complete." if status == "succeeded" else "The bank returned the decline code `insufficient_funds`.",
                                "type": "authorized" if status == "succeeded" else "issuer_declined"},
                    "metadata": {"subscription": "sub_Q2xT7mB1", "retry_of": "ch_3f9a27c1d0b8e4f5a6c7d8e8" if k == 46 else None},
                    "refunds": {"object": "list", "data": [], "has_more": False, "total_count": 0}})
    return out


CHARGES = charges()


def events():
    out = []
    for k in range(160):
        typ = rnd.choice(["invoice.created", "invoice.finalized", "charge.succeeded", "invoice.paid", "customer.updated",
                          "payment_intent.created", "payment_intent.succeeded", "invoice.payment_failed"])
        out.append({"id": "evt_%024x" % rnd.getrandbits(96), "type": typ, "created": 1750000000 + k * 40000,
                    "data": {"object": {"id": rnd.choice(CHARGES)["id"] if "charge" in typ else "in_%020x" % rnd.getrandbits(80),
                                        "customer": CUSTOMER, "livemode": True}},
                    "request": {"id": "req_%014x" % rnd.getrandbits(56), "idempotency_key": None if k != 151 else "sub_Q2xT7mB1-renewal-2026-11"},
                    "pending_webhooks": 0 if k < 155 else 1, "api_version": "2024-06-20"})
    out[152]["type"] = "charge.succeeded"
    out[152]["data"]["object"]["id"] = "ch_3f9a27c1d0b8e4f5a6c7d8e9"
    out[152]["request"]["idempotency_key"] = None
    return out


EVENTS = events()

INVOICE = {"id": "INV-2026-11-0412", "object": "invoice", "customer": CUSTOMER, "customer_email": "finance@nordlicht-moebel.example",
           "status": "paid", "currency": "eur", "amount_due": 18990, "amount_paid": 37980, "amount_remaining": -18990,
           "attempt_count": 2, "billing_reason": "subscription_cycle", "collection_method": "charge_automatically",
           "period_start": "2026-11-01T00:00:00Z", "period_end": "2026-12-01T00:00:00Z",
           "charges": ["ch_3f9a27c1d0b8e4f5a6c7d8e8", "ch_3f9a27c1d0b8e4f5a6c7d8e9"],
           "lines": [{"description": "Team plan (15 seats)", "amount": 16500, "quantity": 15, "unit_amount": 1100},
                     {"description": "Extra storage 200 GB", "amount": 2490, "quantity": 1, "unit_amount": 2490}],
           "webhooks_delivered_at": "2026-11-26T08:14:09Z", "next_payment_attempt": None,
           "metadata": {"dunning": "retried after timeout", "retry_reason": "acquirer_timeout"}}

STATUS_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>billing-api status</title>
  <style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd}.down{color:#b00020}.ok{color:#1b5e20}</style>
</head>
<body>
  <h1>billing-api 4.12.1</h1>
  <p>Build 2026-11-20 (git 8c41d2e), uptime 6d 02:14:51</p>
  <h2>Dependencies</h2>
  <table>
    <tr><th>Dependency</th><th>Status</th><th>Latency p99</th><th>Last error</th></tr>
    <tr><td>postgres (billing)</td><td class="ok">UP</td><td>12 ms</td><td>-</td></tr>
    <tr><td>redis (idempotency keys)</td><td class="down">DEGRADED</td><td>2140 ms</td><td>READONLY You can't write against a read only replica. (2026-11-26T08:13:51Z)</td></tr>
    <tr><td>acquirer (card payments)</td><td class="ok">UP</td><td>830 ms</td><td>timeout after 10000 ms (2026-11-26T08:13:58Z)</td></tr>
    <tr><td>reports worker</td><td class="down">DOWN</td><td>-</td><td>OOMKilled (2026-11-27T06:02:11Z)</td></tr>
  </table>
  <h2>Queues</h2>
  <ul>
    <li>webhooks: 4 pending, oldest 3 min</li>
    <li>dunning: 112 pending</li>
    <li>reports: 9 pending, oldest 4 h 12 min</li>
  </ul>
</body>
</html>
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "billing-api/4.12.1"
    sys_version = ""

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="application/json; charset=utf-8", extra=None):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Request-Id", "req_%014x" % rnd.getrandbits(56))
        self.send_header("X-RateLimit-Limit", "600")
        self.send_header("X-RateLimit-Remaining", str(rnd.randint(400, 599)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        if u.path == "/v2/invoices/INV-2026-11-0412":
            self.send(200, json.dumps(INVOICE, indent=2) + "\n", extra={"ETag": 'W/"6c1-9a8f2d1e"', "Vary": "Accept-Encoding"})
        elif u.path == "/v2/customers/%s/charges" % CUSTOMER:
            limit = int(q.get("limit", ["10"])[0])
            data = list(reversed(CHARGES))[:limit]
            self.send(200, json.dumps({"object": "list", "url": u.path, "has_more": len(CHARGES) > limit, "data": data}))
        elif u.path == "/v2/events":
            self.send(200, json.dumps({"object": "list", "has_more": True, "data": EVENTS, "next_page": "evt_page_2"}))
        elif u.path == "/v2/reports/ar-aging":
            self.send(500, json.dumps({"error": {"type": "api_error", "message": "report worker unavailable"}}))
        elif u.path == "/status":
            self.send(200, STATUS_HTML, ctype="text/html; charset=utf-8")
        else:
            self.send(404, json.dumps({"error": {"type": "invalid_request_error", "message": "Unrecognized request URL (GET: %s)" % u.path}}))


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
'''


def install_standins(root):
    """~/bin/<tool> wrappers and the stand-ins' answers (scripts/corpus/standins) in the scratch HOME."""
    import sys
    sys.path.insert(0, os.path.join(HERE, "standins"))
    import build
    import db
    import host
    import kube
    answers = {"kubectl": kube.answers()}
    answers.update(host.answers())
    answers.update(db.answers())
    built, files = build.answers(root)
    answers.update(built)
    # the second round (2026-12): tuning and held-out answers, added to the first round's lists
    import tuning2
    sys.path.insert(0, HERE)
    import heldout_round2
    for extra in (tuning2.answers(root), heldout_round2.answers(root)):
        for tool, a in extra.items():
            answers.setdefault(tool, []).extend(a)
    share = f"{root}/.local/share/standins"
    for tool, a in answers.items():
        write(f"{share}/{tool}.json", json.dumps(a, indent=1) + "\n")
        if tool != "gradle":  # Gradle runs through the project's ./gradlew
            write(f"{root}/bin/{tool}", f'#!/bin/sh\nexec python3 "$HOME/.local/share/standins/standin.py" {tool} "$@"\n', 0o755)
    write(f"{share}/standin.py", open(os.path.join(HERE, "standins", "standin.py")).read(), 0o755)
    return files


def build_all(root):
    files = install_standins(root)
    junit = files["junit_xml"]
    ledger(root)
    ratelimit(root)
    storefront(root)
    payments_sdk(root)
    exports(root)
    incident(root)
    billing_gateway(root)
    inventory_app(root, junit)
    settlement_svc(root)
    infra(root)
    support_tools(root)
    write(f"{root}/.local/share/api-server/api_server.py", API_SERVER, 0o755)
    # the second round (2026-12), each module with its own seeds: nothing above changes
    import scratch_projects2
    import heldout_round2
    scratch_projects2.build_all(root)
    heldout_round2.build_all(root)
