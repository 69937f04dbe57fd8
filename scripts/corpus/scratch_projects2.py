"""Projects of the second round of tuning scenarios (2026-12), made after the first round's, each with its own
seed so nothing of the first round changes:

  edge-2026-12-03/      nginx access and error logs of the partner API vhost (499s, upstream resets)
  bastion-logs/         sshd's auth.log of a bastion host under a password-guessing attack
  geofence/             Rust crate without dependencies: compile warnings, a failing assertion and panics
  notification-service/ Java/Gradle project: ./gradlew test (stand-in) and its JUnit XML reports
  search-indexer/       Python repo with release and feature branches, a merge with a resolved conflict, tags
  ci-image/             a build image's Dockerfile (the session inspects the machine's own dpkg, apt and pip)
  loyalty-service/, catalog-service/   where the psql and mysql sessions run (stand-ins in standins/tuning2.py)
"""
import os
import random
import textwrap

from scratch_projects import commit, git, init, write


# ---- edge-2026-12-03: nginx, partner API vhost ----------------------------------------------------------------

VHOST = "partners-api.acme-shop.example"
FEED_BAD = "10.60.4.23:9000"
FEED = [FEED_BAD, "10.60.7.118:9000", "10.60.2.71:9000"]
ORDERS = ["10.60.3.14:8080", "10.60.5.201:8080", "10.60.6.9:8080"]
PARTNERS = [  # id, client IPs, user agent, weight
    ("PTR-0417", ["198.51.100.23", "198.51.100.24"], "PartnerSync/3.2.1 (partner=PTR-0417; +https://sync.nordwind-retail.example)", 5),
    ("PTR-0022", ["203.0.113.45"], "python-requests/2.32.3", 2),
    ("PTR-1180", ["192.0.2.77", "192.0.2.78"], "okhttp/4.12.0", 3),
    ("PTR-0093", ["203.0.113.190"], "Apache-HttpClient/4.5.14 (Java/17.0.9)", 2),
    ("PTR-2051", ["198.51.100.141"], "Go-http-client/2.0", 1),
    ("PTR-0730", ["192.0.2.201"], "axios/1.7.7", 1),
]


def edge_incident(root):
    rnd = random.Random(20261203)
    p = f"{root}/edge-2026-12-03"
    access, error = [], []
    conn = 55_120_000
    t = 13 * 3600 + 55 * 60
    end = 14 * 3600 + 45 * 60
    inc_start, inc_end = 14 * 3600 + 12 * 60, 14 * 3600 + 31 * 60
    no_live = (14 * 3600 + 18 * 60 + 40, 14 * 3600 + 19 * 60 + 25)
    weights = [w for *_, w in PARTNERS]

    def stamp(sec, err=False):
        hh, mm, ss = sec // 3600, sec // 60 % 60, sec % 60
        return f"2026/12/03 {hh:02d}:{mm:02d}:{ss:02d}" if err else f"03/Dec/2026:{hh:02d}:{mm:02d}:{ss:02d} +0000"

    def err(sec, level, msg, client, req, upstream=None):
        pid = (1187, 1188, 1190, 1191)[conn % 4]
        tail = f', upstream: "{upstream}"' if upstream else ""
        error.append(f'{stamp(sec, True)} [{level}] {pid}#{pid}: *{conn} {msg}, client: {client}, server: {VHOST}, '
                     f'request: "{req}"{tail}, host: "{VHOST}"')

    error.append("2026/12/03 14:09:41 [notice] 1#1: signal 1 (SIGHUP) received from 48211, reconfiguring")
    error.append("2026/12/03 14:09:41 [notice] 1#1: reconfiguring")
    error.append("2026/12/03 14:09:41 [notice] 1#1: using the \"epoll\" event method")
    error.append("2026/12/03 14:09:41 [notice] 1#1: start worker processes")
    for w in (1187, 1188, 1190, 1191):
        error.append(f"2026/12/03 14:09:41 [notice] 1#1: start worker process {w}")
    while t < end:
        t += rnd.choice([0, 0, 1, 1, 1, 2])
        conn += rnd.randint(1, 9)
        pid, ips, ua, _ = rnd.choices(PARTNERS, weights)[0]
        ip = rnd.choice(ips)
        kind = rnd.random()
        incident = inc_start <= t < inc_end
        if kind < 0.42:
            page = rnd.randint(1, 40)
            path = f"/v2/catalog/feed?since=2026-12-03T{rnd.choice(['00', '06', '12', '13'])}:00:00Z&page={page}"
            method, pool = "GET", FEED
        elif kind < 0.62:
            path = f"/v2/partners/{pid}/stock?sku=SKU-{rnd.randint(10000, 99999)}&market={rnd.choice(['DE', 'AT', 'NL', 'CH'])}"
            method, pool = "GET", ORDERS
        elif kind < 0.8:
            path = f"/v2/partners/{pid}/orders"
            method, pool = rnd.choice(["GET", "POST", "POST"]), ORDERS
        elif kind < 0.92:
            path = f"/v2/partners/{pid}/orders/PO-{rnd.randint(400000, 499999)}/shipments"
            method, pool = "GET", ORDERS
        elif kind < 0.97:
            path = "/v2/webhooks/ack"
            method, pool = "POST", ORDERS
        else:
            path, method, pool, ip, ua = "/healthz", "GET", ORDERS, "10.60.0.12", "kube-probe/1.31"
        req = f"{method} {path} HTTP/1.1"
        up = rnd.choice(pool)
        status, size = 200, rnd.randint(180, 9000)
        rt = rnd.uniform(0.004, 0.35)
        urt, uct, ustat = f"{rt - 0.001:.3f}", f"{rnd.uniform(0.0, 0.002):.3f}", "200"
        if method == "POST" and "orders" in path:
            status, ustat = 201, "201"
            if rnd.random() < 0.2:
                err(t, "warn", f"a client request body is buffered to a temporary file /var/cache/nginx/client_temp/00{rnd.randint(10000000, 99999999)}",
                    ip, req)
        if "feed" in path:
            size = rnd.randint(200_000, 2_400_000)
            rt = rnd.uniform(0.8, 6.5)
            urt = f"{rt - 0.002:.3f}"
            if incident and no_live[0] <= t < no_live[1]:
                status, size, rt, urt, uct, ustat, up = 502, 552, 0.000, "-", "-", "-", "catalog_feed"
                err(t, "error", "no live upstreams while connecting to upstream", ip, req, f"http://catalog_feed{path}")
            elif incident and up == FEED_BAD and rnd.random() < 0.7:
                status, size = 502, 552
                rt = rnd.uniform(0.5, 5.0)
                urt, ustat = f"{rt - 0.001:.3f}", "502"
                msg = rnd.choice(["recv() failed (104: Connection reset by peer) while reading response header from upstream",
                                  "recv() failed (104: Connection reset by peer) while reading response header from upstream",
                                  "upstream prematurely closed connection while reading response header from upstream"])
                err(t, "error", msg, ip, req, f"http://{up}{path}")
                if rnd.random() < 0.25:
                    err(t, "warn", "upstream server temporarily disabled while reading response header from upstream", ip, req,
                        f"http://{up}{path}")
            elif incident and rnd.random() < 0.55:
                # the other feed pods take the load and get slow; PartnerSync gives up after 30 s, others wait
                if pid in ("PTR-0417", "PTR-1180"):
                    status, size, ustat = 499, 0, "-"
                    rt = 30.0 + rnd.uniform(0.0, 0.004) if pid == "PTR-0417" else 20.0 + rnd.uniform(0.0, 0.004)
                    urt = f"{rt:.3f}"
                elif rnd.random() < 0.1:
                    status, size, ustat, rt = 504, 562, "504", 60.0 + rnd.uniform(0.0, 0.003)
                    urt = f"{rt:.3f}"
                    err(t, "error", "upstream timed out (110: Connection timed out) while reading response header from upstream",
                        ip, req, f"http://{up}{path}")
                else:
                    rt = rnd.uniform(12.0, 29.0)
                    urt = f"{rt - 0.003:.3f}"
        elif incident and path != "/healthz" and rnd.random() < 0.04:
            status, size, ustat = 499, 0, "-"
            rt = rnd.uniform(5.0, 10.0)
            urt = f"{rt:.3f}"
        if path == "/healthz":
            size, rt, urt = 2, 0.001, "0.001"
        ref = "-"
        rid = "%032x" % rnd.getrandbits(128)
        access.append(f'{ip} - {pid if path != "/healthz" else "-"} [{stamp(t)}] "{req}" {status} {size} "{ref}" "{ua}" '
                      f'rt={rt:.3f} uct="{uct}" urt="{urt}" ua="{up}" us="{ustat}" host={VHOST} rid={rid}')
    # $remote_user is the partner id the API gateway authenticated (basic auth): awk's $9 stays the status
    write(f"{p}/logs/partners-api.access.log", "\n".join(access) + "\n")
    write(f"{p}/logs/partners-api.error.log", "\n".join(error) + "\n")
    write(f"{p}/conf/partners-api.conf", textwrap.dedent(f"""\
        log_format partners '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent '
                            '"$http_referer" "$http_user_agent" rt=$request_time uct="$upstream_connect_time" '
                            'urt="$upstream_response_time" ua="$upstream_addr" us="$upstream_status" host=$host rid=$request_id';

        upstream catalog_feed {{
            server {FEED[0]} max_fails=3 fail_timeout=10s;
            server {FEED[1]} max_fails=3 fail_timeout=10s;
            server {FEED[2]} max_fails=3 fail_timeout=10s;
            keepalive 64;
            keepalive_timeout 75s;   # changed from 4s in the 14:09 reload (NET-2291)
        }}

        server {{
            listen 443 ssl;
            server_name {VHOST};
            access_log /var/log/nginx/partners-api.access.log partners;
            error_log  /var/log/nginx/partners-api.error.log warn;
            location /v2/catalog/feed {{ proxy_pass http://catalog_feed; proxy_read_timeout 60s; proxy_http_version 1.1; proxy_set_header Connection ""; }}
            location / {{ proxy_pass http://partner_orders; }}
        }}
        """))


# ---- bastion-logs: sshd auth.log -------------------------------------------------------------------------------

def bastion_logs(root):
    rnd = random.Random(4120)
    p = f"{root}/bastion-logs"
    host = "bastion-eu-1"
    attackers = ["45.155.205.119", "185.220.101.47", "141.98.11.62", "218.92.0.118", "61.177.172.140",
                 "92.118.39.73", "103.149.27.9", "179.43.180.106", "194.169.175.36", "80.94.95.115",
                 "170.64.140.33", "2.57.122.210"]
    weights = [30, 12, 22, 40, 25, 8, 6, 5, 9, 4, 3, 2]
    users = ["admin", "oracle", "ubuntu", "test", "user", "postgres", "git", "ftpuser", "jenkins", "hadoop",
             "pi", "guest", "support", "minecraft", "es", "sol", "dev", "steam", "validator", "ansible", "nagios"]
    user_weights = [60, 25, 40, 35, 30, 22, 18, 9, 14, 7, 12, 8, 6, 5, 4, 11, 13, 3, 9, 2, 3]
    lines = []
    t = 22 * 3600
    pid = 411_800
    compromised = 4 * 3600 + 51 * 60 + 7 + 24 * 3600

    def stamp(sec):
        day = 3 + sec // 86400
        s = sec % 86400
        return f"Dec  {day} {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d} {host}"

    while t < 24 * 3600 + 6 * 3600:
        t += rnd.choice([1, 1, 2, 3, 5, 8])
        pid += rnd.randint(1, 7)
        r = rnd.random()
        if r < 0.006:
            src = f"10.8.0.{rnd.choice([14, 14, 22, 31])}"
            who = {"10.8.0.14": "ops", "10.8.0.22": "aiko", "10.8.0.31": "liam"}[src]
            key = "SHA256:" + "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))
            lines.append(f"{stamp(t)} sshd[{pid}]: Accepted publickey for {who} from {src} port {rnd.randint(40000, 65000)} ssh2: ED25519 {key}")
            lines.append(f"{stamp(t)} sshd[{pid}]: pam_unix(sshd:session): session opened for user {who}(uid={1001 + ['ops', 'aiko', 'liam'].index(who)}) by (uid=0)")
            lines.append(f"{stamp(t)} systemd-logind[611]: New session {8800 + len(lines) % 400} of user {who}.")
            continue
        if r < 0.02:
            m = t // 60 % 60
            if m % 10 == 0:
                lines.append(f"{stamp(t)} CRON[{pid}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)")
                lines.append(f"{stamp(t)} CRON[{pid}]: pam_unix(cron:session): session closed for user root")
            continue
        ip = rnd.choices(attackers, weights)[0]
        port = rnd.randint(30000, 65000)
        if r < 0.55:
            u = rnd.choices(users, user_weights)[0]
            lines.append(f"{stamp(t)} sshd[{pid}]: Invalid user {u} from {ip} port {port}")
            lines.append(f"{stamp(t)} sshd[{pid}]: pam_unix(sshd:auth): check pass; user unknown")
            lines.append(f"{stamp(t)} sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}")
            lines.append(f"{stamp(t + 2)} sshd[{pid}]: Failed password for invalid user {u} from {ip} port {port} ssh2")
            lines.append(f"{stamp(t + 3)} sshd[{pid}]: Connection closed by invalid user {u} {ip} port {port} [preauth]")
        elif r < 0.85:
            u = "root" if rnd.random() < 0.8 else "deploy"
            lines.append(f"{stamp(t)} sshd[{pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost={ip}  user={u}")
            lines.append(f"{stamp(t + 2)} sshd[{pid}]: Failed password for {u} from {ip} port {port} ssh2")
            lines.append(f"{stamp(t + 2)} sshd[{pid}]: Received disconnect from {ip} port {port}:11: Bye Bye [preauth]")
            lines.append(f"{stamp(t + 2)} sshd[{pid}]: Disconnected from authenticating user {u} {ip} port {port} [preauth]")
        else:
            lines.append(f"{stamp(t)} sshd[{pid}]: Connection closed by {ip} port {port} [preauth]")
        if compromised - 8 <= t < compromised:
            t = compromised
            pid += 3
            lines.append(f"{stamp(t)} sshd[{pid}]: Accepted password for deploy from 185.220.101.47 port 40112 ssh2")
            lines.append(f"{stamp(t)} sshd[{pid}]: pam_unix(sshd:session): session opened for user deploy(uid=1007) by (uid=0)")
            lines.append(f"{stamp(t)} systemd-logind[611]: New session 9127 of user deploy.")
            lines.append(f"{stamp(t + 41)} sudo:   deploy : user NOT in sudoers ; TTY=pts/3 ; PWD=/home/deploy ; USER=root ; COMMAND=/bin/bash")
            lines.append(f"{stamp(t + 77)} sshd[{pid + 2}]: Accepted password for deploy from 185.220.101.47 port 40388 ssh2")
            lines.append(f"{stamp(t + 77)} sshd[{pid + 2}]: pam_unix(sshd:session): session opened for user deploy(uid=1007) by (uid=0)")
            lines.append(f"{stamp(t + 78)} systemd-logind[611]: New session 9128 of user deploy.")
            lines.append(f"{stamp(t + 190)} crontab[{pid + 9}]: (deploy) REPLACE (deploy)")
            t += 200
    lines.append(f"{stamp(t)} sudo:      ops : TTY=pts/0 ; PWD=/home/ops ; USER=root ; COMMAND=/usr/bin/tail -n 200 /var/log/auth.log")
    lines.append(f"{stamp(t)} sudo: pam_unix(sudo:session): session opened for user root(uid=0) by ops(uid=1001)")
    write(f"{p}/auth.log", "\n".join(lines) + "\n")
    write(f"{p}/README.md", "Copy of /var/log/auth.log from bastion-eu-1 (taken 2026-12-04 06:00 UTC for INC-7731).\n")


# ---- geofence: Rust crate, cargo test with warnings and panics --------------------------------------------------

GEOFENCE_LIB = """\
//! Delivery-zone geofences for the courier app: points, polygons and slippy-map tiles.
pub mod point;
pub mod polygon;
pub mod tile;

pub use point::Point;
pub use polygon::Polygon;
"""

GEOFENCE_POINT = """\
//! WGS84 points and great-circle distances.

/// Mean Earth radius in metres (IUGG).
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lon: f64,
    pub lat: f64,
}

impl Point {
    pub fn new(lon: f64, lat: f64) -> Self {
        Point { lon, lat }
    }

    /// Haversine distance in metres.
    pub fn distance_m(&self, other: &Point) -> f64 {
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = (other.lat - self.lat).to_radians();
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * a.sqrt().asin()
    }

    /// Longitude normalised to [-180, 180).
    pub fn wrapped(&self) -> Point {
        let mut lon = (self.lon + 180.0) % 360.0;
        if lon < 0.0 {
            lon += 360.0;
        }
        Point::new(lon - 180.0, self.lat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_to_paris_is_about_878_km() {
        let d = Point::new(13.405, 52.52).distance_m(&Point::new(2.3522, 48.8566));
        assert!((d - 877_460.0).abs() < 1_000.0, "distance was {d}");
    }

    #[test]
    fn same_point_is_zero() {
        let p = Point::new(8.68, 50.11);
        assert_eq!(p.distance_m(&p), 0.0);
    }

    #[test]
    fn wraps_east_of_antimeridian() {
        assert_eq!(Point::new(181.0, 0.0).wrapped(), Point::new(-179.0, 0.0));
    }

    #[test]
    fn wraps_west_of_antimeridian() {
        assert_eq!(Point::new(-190.0, 10.0).wrapped(), Point::new(170.0, 10.0));
    }
}
"""

GEOFENCE_POLYGON = """\
//! Delivery zones as simple polygons (ring of points, first point not repeated).
use std::collections::HashMap;

use crate::point::Point;

#[derive(Debug, Clone)]
pub struct Polygon {
    name: String,
    ring: Vec<Point>,
}

impl Polygon {
    pub fn new(name: &str, ring: Vec<Point>) -> Self {
        Polygon { name: name.to_string(), ring }
    }

    /// Even-odd rule; points on an edge count as inside.
    pub fn contains(&self, p: &Point) -> bool {
        let n = self.ring.len();
        let mut inside = false;
        let mut j = n - 1;
        for i in 0..n {
            let (a, b) = (self.ring[i], self.ring[j]);
            if (a.lat > p.lat) != (b.lat > p.lat) {
                let x = (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon;
                if p.lon <= x {
                    inside = !inside;
                }
            }
            j = i;
        }
        inside
    }

    /// Bounding box as (min lon, min lat, max lon, max lat).
    pub fn bbox(&self) -> (f64, f64, f64, f64) {
        let mut b = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in &self.ring {
            b = (b.0.min(p.lon), b.1.min(p.lat), b.2.max(p.lon), b.3.max(p.lat));
        }
        b
    }

    pub fn area_deg2(&self) -> f64 {
        let mut sum = 0.0;
        let mut unused = 0;
        for i in 0..self.ring.len() {
            let (a, b) = (self.ring[i], self.ring[(i + 1) % self.ring.len()]);
            sum += a.lon * b.lat - b.lon * a.lat;
        }
        (sum / 2.0).abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Polygon {
        Polygon::new("mitte", vec![Point::new(13.37, 52.50), Point::new(13.43, 52.50),
                                   Point::new(13.43, 52.54), Point::new(13.37, 52.54)])
    }

    #[test]
    fn contains_point_inside() {
        assert!(square().contains(&Point::new(13.40, 52.52)));
    }

    #[test]
    fn excludes_point_outside() {
        assert!(!square().contains(&Point::new(13.50, 52.52)));
    }

    #[test]
    fn bbox_of_square() {
        assert_eq!(square().bbox(), (13.37, 52.50, 13.43, 52.54));
    }

    #[test]
    fn area_is_positive_for_clockwise_ring() {
        let mut ring = square().ring.clone();
        ring.reverse();
        assert!(Polygon::new("cw", ring).area_deg2() > 0.0);
    }

    #[test]
    fn zone_across_antimeridian_contains_suva() {
        // Fiji delivery zone DZ-FJ-01 spans the antimeridian: 177.0 E .. 178.8 W
        let fiji = Polygon::new("DZ-FJ-01", vec![Point::new(177.0, -19.2), Point::new(-178.8, -19.2),
                                                 Point::new(-178.8, -16.0), Point::new(177.0, -16.0)]);
        let suva = Point::new(178.4419, -18.1416);
        assert_eq!(fiji.contains(&suva), true, "Suva (178.4419, -18.1416) must be inside {}", "DZ-FJ-01");
    }
}
"""

GEOFENCE_TILE = """\
//! Slippy-map tile indexes (z/x/y, Web Mercator), used to shard the zone lookup.
use crate::point::Point;

pub const MAX_ZOOM: u8 = 18;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tile {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

impl Tile {
    pub fn new(z: u8, x: u32, y: u32) -> Self {
        Tile { z, x, y }
    }

    /// The tile at zoom `z` that contains `p`.
    pub fn for_point(p: &Point, z: u8) -> Tile {
        let n = 1u32 << z;
        let margin = 0.5 / n as f64;
        let x = ((p.lon + 180.0) / 360.0 * n as f64).floor() as u32;
        let lat = p.lat.to_radians();
        let y_f = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * n as f64;
        // rows count from the north; clamp to the last row near the poles
        Tile::new(z, x.min(n - 1), (y_f.floor() as u32).min(n - 1))
    }

    /// The tile one zoom level up.
    pub fn parent(&self) -> Option<Tile> {
        if self.z == 0 {
            return None;
        }
        Some(Tile::new(self.z - 1, self.x / 2, self.y / 2))
    }

    /// The four tiles one zoom level down, north-west first.
    pub fn children(&self) -> [Tile; 4] {
        let (z, x, y) = (self.z + 1, self.x * 2, self.y * 2);
        [Tile::new(z, x, y), Tile::new(z, x + 1, y), Tile::new(z, x, y + 1), Tile::new(z, x + 1, y + 1)]
    }

    /// The neighbour to the west; x wraps around at the antimeridian.
    pub fn west(&self) -> Tile {
        Tile::new(self.z, self.x - 1, self.y)
    }

    /// The neighbour to the east; x wraps around at the antimeridian.
    pub fn east(&self) -> Tile {
        Tile::new(self.z, (self.x + 1) % (1u32 << self.z), self.y)
    }

    /// Path of the tile in the shard store.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.z, self.x, self.y)
    }

    /// Ancestors up to and including zoom 0, nearest first.
    pub fn ancestors(&self) -> Vec<Tile> {
        let mut out = Vec::new();
        let mut t = *self;
        while out.len() <= self.z as usize {
            t = t.parent().unwrap();
            out.push(t);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_at_zoom_10() {
        assert_eq!(Tile::for_point(&Point::new(13.405, 52.52), 10), Tile::new(10, 550, 335));
    }

    #[test]
    fn null_island_at_zoom_1() {
        assert_eq!(Tile::for_point(&Point::new(0.0, 0.0), 1), Tile::new(1, 1, 1));
    }

    #[test]
    fn southern_hemisphere_tile() {
        // Cape Town
        assert_eq!(Tile::for_point(&Point::new(18.4241, -33.9249), 12), Tile::new(12, 2257, 2458));
    }

    #[test]
    fn parent_halves_coordinates() {
        assert_eq!(Tile::new(10, 550, 335).parent(), Some(Tile::new(9, 275, 167)));
    }

    #[test]
    fn children_round_trip() {
        let t = Tile::new(7, 68, 41);
        for c in t.children() {
            assert_eq!(c.parent(), Some(t));
        }
    }

    #[test]
    fn east_wraps_at_antimeridian() {
        assert_eq!(Tile::new(3, 7, 2).east(), Tile::new(3, 0, 2));
    }

    #[test]
    fn west_wraps_at_antimeridian() {
        assert_eq!(Tile::new(3, 0, 2).west(), Tile::new(3, 7, 2));
    }

    #[test]
    fn key_format() {
        assert_eq!(Tile::new(3, 4, 2).key(), "3/4/2");
    }

    #[test]
    fn ancestors_reach_zoom_zero() {
        let a = Tile::new(3, 4, 2).ancestors();
        assert_eq!(a.last(), Some(&Tile::new(0, 0, 0)));
    }
}
"""

GEOFENCE_IT = """\
use geofence::{Point, Polygon};

#[test]
fn kreuzberg_zone_excludes_tempelhof_field() {
    let zone = Polygon::new("DZ-BER-07", vec![Point::new(13.38, 52.49), Point::new(13.44, 52.49),
                                              Point::new(13.44, 52.51), Point::new(13.38, 52.51)]);
    assert!(!zone.contains(&Point::new(13.40, 52.475)));
}
"""


def geofence(root):
    p = f"{root}/geofence"
    init(p)
    write(f"{p}/Cargo.toml", textwrap.dedent("""\
        [package]
        name = "geofence"
        version = "0.4.0"
        edition = "2021"
        description = "Delivery-zone geofences for the courier app"

        [dependencies]
        """))
    write(f"{p}/.gitignore", "/target\n")
    write(f"{p}/Cargo.lock", "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\n"
                             "version = 4\n\n[[package]]\nname = \"geofence\"\nversion = \"0.4.0\"\n")
    write(f"{p}/src/lib.rs", GEOFENCE_LIB)
    write(f"{p}/src/point.rs", GEOFENCE_POINT)
    write(f"{p}/src/polygon.rs", GEOFENCE_POLYGON)
    write(f"{p}/src/tile.rs", GEOFENCE_TILE)
    write(f"{p}/tests/zones.rs", GEOFENCE_IT)
    commit(p, "geofence: polygons and tiles for delivery zones", "omar", "2026-12-01T10:00:00Z")


# ---- notification-service: Java/Gradle, ./gradlew test (stand-in) and the JUnit XML reports -----------------------

DIGEST_SCHEDULER = """\
package com.acme.notify.digest;

import com.acme.notify.members.Member;
import com.acme.notify.members.MemberDirectory;
import com.acme.notify.members.Preferences;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans the weekly points digest: one e-mail per opted-in member at 09:00 in the member's own time zone,
 * on the member's preferred weekday (default Monday).
 */
public class DigestScheduler {

    /** Local time the digest is sent at (NOTIFY-412). */
    static final LocalTime SEND_AT = LocalTime.of(9, 0);

    private final MemberDirectory members;
    private final Clock clock;

    public DigestScheduler(MemberDirectory members, Clock clock) {
        this.members = Objects.requireNonNull(members);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The instant the digest of {@code member} goes out on {@code day}, in the member's zone. */
    public ZonedDateTime sendTime(Member member, LocalDate day) {
        ZoneId zone = ZoneId.of(member.timeZone());
        // 09:00 local; on a DST change day 09:00 always exists, so no gap handling is needed
        return ZonedDateTime.of(LocalDateTime.of(day, SEND_AT), zone).withEarlierOffsetAtOverlap();
    }

    /** Digests to send in the next {@code days} days, in send order. */
    public List<PlannedDigest> plan(int days) {
        LocalDate today = LocalDate.now(clock);
        List<PlannedDigest> out = new ArrayList<>();
        for (Member m : members.active()) {
            Preferences prefs = members.preferences(m.id());
            for (int d = 0; d < days; d++) {
                LocalDate day = today.plusDays(d);
                if (day.getDayOfWeek() != prefs.digestDay()) {
                    continue;
                }
                if (!prefs.digestOptIn()) {
                    continue;
                }
                out.add(new PlannedDigest(m.id(), sendTime(m, day)));
            }
        }
        out.sort(PlannedDigest.BY_SEND_TIME);
        return out;
    }

    /** Members who opted in, for the audit export (NOTIFY-430). */
    public List<Member> optedIn() {
        List<Member> out = new ArrayList<>();
        for (Member m : members.active()) {
            Preferences prefs = members.preferences(m.id());
            // preferences are created lazily on the first login, so members who never logged in have none
            if (prefs.digestOptIn()) {
                out.add(m);
            }
        }
        return out;
    }
}
"""


def junit_suite(cls, cases, stdout="", timestamp="2026-12-04T08:41:12", time_total=None):
    """Gradle's JUnit XML for one test class: cases are (name, time, outcome, detail)."""
    tests = len(cases)
    failures = sum(1 for c in cases if c[2] == "failure")
    skipped = sum(1 for c in cases if c[2] == "skipped")
    total = time_total or f"{sum(float(c[1]) for c in cases):.3f}"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuite name="{cls}" tests="{tests}" skipped="{skipped}" failures="{failures}" errors="0" '
           f'timestamp="{timestamp}" hostname="build-agent-14" time="{total}">',
           "  <properties/>"]
    short = cls.rsplit(".", 1)[1]
    for name, t, outcome, detail in cases:
        if outcome == "ok":
            out.append(f'  <testcase name="{name}" classname="{cls}" time="{t}"/>')
        elif outcome == "skipped":
            out.append(f'  <testcase name="{name}" classname="{cls}" time="{t}">')
            out.append("    <skipped/>")
            out.append("  </testcase>")
        else:
            msg, typ, trace = detail
            esc = msg.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            body = trace.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            out.append(f'  <testcase name="{name}" classname="{cls}" time="{t}">')
            out.append(f'    <failure message="{esc}" type="{typ}">{body}</failure>')
            out.append("  </testcase>")
    out.append(f"  <system-out><![CDATA[{stdout}]]></system-out>")
    out.append("  <system-err><![CDATA[]]></system-err>")
    out.append("</testsuite>")
    return "\n".join(out) + "\n"


def junit_frames(test_cls, method, line, extra=()):
    frames = list(extra) + [
        f"\tat com.acme.notify.{test_cls}.{method}({test_cls.rsplit('.', 1)[1]}.java:{line})",
        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:580)",
        "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1596)",
        "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1596)",
    ]
    return "\n".join(frames) + "\n"


def notification_service(root):
    rnd = random.Random(8812)
    p = f"{root}/notification-service"
    init(p)
    write(f"{p}/gradlew", "#!/bin/sh\n# Gradle wrapper (stand-in for the corpus: replays what Gradle 8.10.2 printed)\n"
          "exec python3 \"$HOME/.local/share/standins/standin.py\" gradle \"$@\"\n", 0o755)
    write(f"{p}/settings.gradle.kts", 'rootProject.name = "notification-service"\n')
    write(f"{p}/build.gradle.kts", textwrap.dedent("""\
        plugins {
            java
        }

        java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }

        repositories { mavenCentral() }

        dependencies {
            implementation("com.eatthepath:pushy:0.15.4")
            implementation("com.samskivert:jmustache:1.16")
            implementation("com.ibm.icu:icu4j:76.1")
            testImplementation(platform("org.junit:junit-bom:5.11.3"))
            testImplementation("org.junit.jupiter:junit-jupiter")
            testImplementation("org.assertj:assertj-core:3.26.3")
            testRuntimeOnly("org.junit.platform:junit-platform-launcher")
        }

        tasks.test { useJUnitPlatform() }
        """))
    write(f"{p}/.gitignore", "build/\n.gradle/\n")
    write(f"{p}/src/main/java/com/acme/notify/digest/DigestScheduler.java", DIGEST_SCHEDULER)
    for name in ["members/Member", "members/MemberDirectory", "members/Preferences", "digest/PlannedDigest",
                 "templates/TemplateRenderer", "push/ApnsClient", "quiet/QuietHoursPolicy", "mail/EmailSender"]:
        pkg, cls = name.split("/")
        write(f"{p}/src/main/java/com/acme/notify/{pkg}/{cls}.java",
              f"package com.acme.notify.{pkg};\n\n/** {cls} of the notification service. */\npublic class {cls} {{\n}}\n")
    res = f"{p}/build/test-results/test"
    ts = "2026-12-04T08:41:"

    def times(n):
        return [f"{rnd.uniform(0.001, 0.09):.3f}" for _ in range(n)]

    # DigestSchedulerTest: a parameterized DST test fails for Lord Howe (30-minute DST shift), an NPE for members
    # without preferences
    zones = [("Europe/Berlin", "2026-03-29T09:00"), ("America/New_York", "2026-03-08T09:00"),
             ("Australia/Lord_Howe", "2026-10-04T09:00"), ("Asia/Kolkata", "2026-06-01T09:00"),
             ("Pacific/Chatham", "2026-09-27T09:00"), ("America/Santiago", "2026-09-06T09:00")]
    cases = []
    for k, (z, d) in enumerate(zones, 1):
        name = f"sendsDigestAtNineLocalTime(String, String)[{k}]"
        if z == "Australia/Lord_Howe":
            trace = ("org.opentest4j.AssertionFailedError: digest for Australia/Lord_Howe on 2026-10-04 ==> "
                     "expected: <2026-10-04T09:00+11:00[Australia/Lord_Howe]> but was: <2026-10-04T09:00+10:30[Australia/Lord_Howe]>\n"
                     "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n"
                     "\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)\n"
                     "\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)\n"
                     "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)\n"
                     "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1156)\n"
                     + junit_frames("digest.DigestSchedulerTest", "sendsDigestAtNineLocalTime", 57))
            cases.append((name, "0.014", "failure",
                          ("digest for Australia/Lord_Howe on 2026-10-04 ==> expected: <2026-10-04T09:00+11:00[Australia/Lord_Howe]> "
                           "but was: <2026-10-04T09:00+10:30[Australia/Lord_Howe]>", "org.opentest4j.AssertionFailedError", trace)))
        else:
            cases.append((name, f"{rnd.uniform(0.001, 0.02):.3f}", "ok", None))
    for n in ["plansOneDigestPerWeek()", "plansInSendOrder()", "usesPreferredWeekday()", "defaultsToMonday()",
              "skipsInactiveMembers()", "skipsOptedOutMembers()", "plansNothingForZeroDays()"]:
        cases.append((n, f"{rnd.uniform(0.001, 0.03):.3f}", "ok", None))
    npe = ("java.lang.NullPointerException: Cannot invoke \"com.acme.notify.members.Preferences.digestOptIn()\" because "
           "\"prefs\" is null\n"
           "\tat com.acme.notify.digest.DigestScheduler.optedIn(DigestScheduler.java:68)\n"
           + junit_frames("digest.DigestSchedulerTest", "skipsMembersWithoutOptIn", 102))
    cases.insert(9, ("skipsMembersWithoutOptIn()", "0.006", "failure",
                     ("java.lang.NullPointerException: Cannot invoke \"com.acme.notify.members.Preferences.digestOptIn()\" because \"prefs\" is null",
                      "java.lang.NullPointerException", npe)))
    log = "".join(f"08:41:{9 + k // 4:02d}.{rnd.randint(100, 999)} [Test worker] INFO  c.a.n.digest.DigestScheduler - planned "
                  f"{rnd.randint(1, 40)} digests for {rnd.randint(1, 40)} members (window {rnd.choice([7, 14])} days)\n" for k in range(12))
    log += "08:41:12.904 [Test worker] WARN  c.a.n.members.MemberDirectory - no preferences for member M-7730412 (never logged in)\n"
    write(f"{res}/TEST-com.acme.notify.digest.DigestSchedulerTest.xml",
          junit_suite("com.acme.notify.digest.DigestSchedulerTest", cases, log, ts + "09"))

    # TemplateRendererTest: the Polish plural for 5 uses the "few" form
    cases = []
    for n in ["rendersSubjectWithFirstName()", "escapesHtmlInNames()", "rendersEnglishSingular()", "rendersEnglishPlural()",
              "rendersGermanPlural()", "rendersFrenchZeroAsSingular()", "rendersPolishPluralForOneItem()",
              "rendersPolishPluralForTwoItems()", "rendersPolishPluralForFiveItems()", "rendersPolishPluralForTwentyTwoItems()",
              "rendersCzechPluralForThreeItems()", "rendersArabicDualForm()", "formatsPointsWithGrouping()",
              "formatsPointsInSwissGerman()", "formatsExpiryDateInMemberLocale()", "fallsBackToEnglishTemplate()",
              "rejectsUnknownPlaceholder()", "rendersUnsubscribeLink()", "rendersPreheader()", "keepsRightToLeftMarks()",
              "rendersTierBadge()", "rendersEmptyRewardsSection()"]:
        if n == "rendersPolishPluralForFiveItems()":
            msg = ("expected: <Masz 5 nowych nagród> but was: <Masz 5 nowe nagrody>")
            trace = ("org.opentest4j.AssertionFailedError: " + msg + "\n"
                     "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n"
                     "\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)\n"
                     "\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)\n"
                     "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:182)\n"
                     "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:177)\n"
                     "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)\n"
                     + junit_frames("templates.TemplateRendererTest", "rendersPolishPluralForFiveItems", 73))
            cases.append((n, "0.021", "failure", (msg, "org.opentest4j.AssertionFailedError", trace)))
        else:
            cases.append((n, f"{rnd.uniform(0.001, 0.05):.3f}", "ok", None))
    write(f"{res}/TEST-com.acme.notify.templates.TemplateRendererTest.xml",
          junit_suite("com.acme.notify.templates.TemplateRendererTest", cases,
                      "08:41:10.114 [Test worker] INFO  c.a.n.templates.TemplateRenderer - loaded 31 templates for 9 locales (icu4j 76.1)\n",
                      ts + "10"))

    cases = [(n, f"{rnd.uniform(0.001, 0.01):.3f}", "ok", None) for n in
             ["allowsDaytimeSend()", "blocksAtNight()", "usesMemberZone()", "defaultsTo22To07()", "allowsTransactionalMail()",
              "blocksMarketingPush()", "honoursDoNotDisturbFlag()", "shiftsToNextMorning()"]]
    cases.insert(5, ("respectsQuietHoursAcrossMidnight()", "0.000", "skipped", None))
    write(f"{res}/TEST-com.acme.notify.quiet.QuietHoursPolicyTest.xml",
          junit_suite("com.acme.notify.quiet.QuietHoursPolicyTest", cases, "", ts + "11"))

    cases = [(n, f"{rnd.uniform(0.01, 0.4):.3f}", "ok", None) for n in
             ["sendsAlertPush()", "sendsSilentPush()", "retriesOn429WithBackoff()", "dropsTokenOn410Unregistered()",
              "refreshesProviderTokenAfter50Minutes()", "usesSandboxInTests()", "collapsesByMemberId()", "setsExpiration()",
              "setsThreadIdForDigest()", "rejectsPayloadOver4096Bytes()", "closesClientOnShutdown()"]]
    apns_log = "".join(f"08:41:{11 + k // 6:02d}.{rnd.randint(100, 999)} [nioEventLoopGroup-2-{rnd.randint(1, 4)}] "
                       f"{rnd.choice(['DEBUG', 'DEBUG', 'INFO'])} c.e.pushy.apns.ApnsClientHandler - "
                       f"{rnd.choice(['Received response from APNs gateway: 200', 'Wrote push notification: apns-id=' + '%08x-%04x-%04x-%04x-%012x' % (rnd.getrandbits(32), rnd.getrandbits(16), rnd.getrandbits(16), rnd.getrandbits(16), rnd.getrandbits(48)), 'Received response from APNs gateway: 429 TooManyRequests (retry in 2000 ms)', 'Connected to api.sandbox.push.apple.com/17.188.166.29:443'])}\n"
                       for k in range(30))
    apns_log += "08:41:14.412 [nioEventLoopGroup-2-3] WARN  c.e.pushy.apns.ApnsClientHandler - APNs rejected token 7c1f0a...e3d9 with reason Unregistered (timestamp 1764837674000)\n"
    write(f"{res}/TEST-com.acme.notify.push.ApnsClientTest.xml",
          junit_suite("com.acme.notify.push.ApnsClientTest", cases, apns_log, ts + "11"))

    cases = [(n, f"{rnd.uniform(0.002, 0.2):.3f}", "ok", None) for n in
             ["sendsViaSmtpRelay()", "addsListUnsubscribeHeader()", "signsWithDkimSelectorS2026()", "retriesOnGreylisting()",
              "bouncesInvalidAddress()", "throttlesTo40PerSecond()", "setsReturnPath()", "encodesUtf8Subject()",
              "attachesIcsForEvents()", "respectsSuppressionList()", "tagsCampaignId()", "usesTlsOnPort587()",
              "logsMessageId()", "rejectsEmptyBody()"]]
    write(f"{res}/TEST-com.acme.notify.mail.EmailSenderTest.xml",
          junit_suite("com.acme.notify.mail.EmailSenderTest", cases, "", ts + "12"))
    commit(p, "notification-service: weekly points digest", "sofia", "2026-12-02T15:20:00Z")


# ---- search-indexer: release branch merged back with a resolved conflict ---------------------------------------

INDEXER_SETTINGS_V1 = '''\
"""Indexer settings; every value can be overridden in the environment (SEARCH_INDEXER_<NAME>)."""
import os

OPENSEARCH_URL = os.environ.get("SEARCH_INDEXER_OPENSEARCH_URL", "https://search-prod.internal:9200")
INDEX_ALIAS = "products"
INDEX_PREFIX = "products-v"
SHARDS = 6
REPLICAS = 1

# Bulk loading
BULK_MAX_DOCS = 1000
BULK_MAX_BYTES = 5 * 1024 * 1024
BULK_CONCURRENCY = 4
BULK_TIMEOUT_S = 60

# Reindex
REFRESH_INTERVAL = "1s"
'''

INDEXER_BULK_V1 = '''\
"""Bulk loading into OpenSearch: documents are chunked by count and size and sent by a small worker pool."""
from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Iterable, Iterator

from indexer import settings

log = logging.getLogger(__name__)


class BulkError(RuntimeError):
    """A bulk request failed as a whole (not single items)."""


def actions(docs: Iterable[dict], index: str) -> Iterator[str]:
    for doc in docs:
        yield json.dumps({"index": {"_index": index, "_id": doc["sku"]}})
        yield json.dumps(doc, separators=(",", ":"))


def chunks(lines: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= 2 * settings.BULK_MAX_DOCS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def send(client, chunk: list[str]) -> dict:
    body = "\\n".join(chunk) + "\\n"
    resp = client.bulk(body=body, timeout=f"{settings.BULK_TIMEOUT_S}s")
    if resp.get("errors"):
        failed = [i for i in resp["items"] if i["index"].get("error")]
        log.warning("%d of %d items failed", len(failed), len(resp["items"]))
    return resp


def load(client, docs: Iterable[dict], index: str) -> int:
    sent = 0
    with ThreadPoolExecutor(max_workers=settings.BULK_CONCURRENCY) as pool:
        for resp in pool.map(lambda c: send(client, c), chunks(actions(docs, index))):
            sent += len(resp["items"])
    return sent
'''

INDEXER_ANALYZERS_V1 = '''\
"""Analyzers of the products index."""

TITLE_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase"],
}

ANALYSIS = {
    "analyzer": {"title": TITLE_ANALYZER},
}
'''

INDEXER_MAPPING_V1 = '''\
"""Mapping of the products index."""

PROPERTIES = {
    "sku": {"type": "keyword"},
    "title": {"type": "text", "analyzer": "title"},
    "brand": {"type": "text"},
    "category_path": {"type": "keyword"},
    "price": {"type": "float"},
    "in_stock": {"type": "boolean"},
    "updated_at": {"type": "date"},
}
'''

INDEX_TEMPLATE_V1 = '''\
{
  "index_patterns": ["products-v*"],
  "template": {
    "settings": {
      "number_of_shards": 6,
      "number_of_replicas": 1,
      "refresh_interval": "1s"
    }
  },
  "priority": 200
}
'''


def _edit(path, old, new):
    with open(path) as f:
        text = f.read()
    if old not in text:
        raise ValueError(f"{path}: {old!r} not found")
    write(path, text.replace(old, new, 1))


def search_indexer(root):
    import subprocess
    p = f"{root}/search-indexer"
    init(p)
    write(f"{p}/pyproject.toml", textwrap.dedent("""\
        [project]
        name = "search-indexer"
        version = "2.5.0"
        requires-python = ">=3.11"
        dependencies = ["opensearch-py==2.6.0", "click==8.1.7"]

        [project.optional-dependencies]
        test = ["pytest==8.3.3"]
        """))
    write(f"{p}/.gitignore", "__pycache__/\n.venv/\n")
    write(f"{p}/indexer/__init__.py", '__version__ = "2.5.0"\n')
    write(f"{p}/indexer/settings.py", INDEXER_SETTINGS_V1)
    write(f"{p}/indexer/bulk.py", INDEXER_BULK_V1)
    write(f"{p}/indexer/analyzers.py", INDEXER_ANALYZERS_V1)
    write(f"{p}/indexer/mapping.py", INDEXER_MAPPING_V1)
    write(f"{p}/indexer/cli.py", textwrap.dedent('''\
        """search-indexer CLI: full reindex into a new index, then swap the alias."""
        import click

        from indexer import bulk, settings


        @click.command()
        @click.option("--source", default="catalog-export.jsonl")
        def main(source):
            click.echo(f"reindexing {source} into {settings.INDEX_PREFIX}*")
        '''))
    write(f"{p}/config/index-template.json", INDEX_TEMPLATE_V1)
    write(f"{p}/tests/test_bulk.py", "from indexer import bulk\n\n\ndef test_chunks_split_by_count():\n"
                                     "    assert len(list(bulk.chunks(['{}'] * 4001))) == 3\n")
    write(f"{p}/CHANGELOG.md", "# Changelog\n\n## 2.5.0\n\n- First version in this repository.\n")
    write(f"{p}/README.md", "# search-indexer\n\nLoads the product catalog into OpenSearch (`products` alias).\n")
    commit(p, "Initial indexer: OpenSearch bulk loader for the product catalog", "dana", "2026-10-01T09:00:00Z")

    def step(who, date, msg, *edits, new=None):
        for path, old, repl in edits:
            _edit(f"{p}/{path}", old, repl)
        for path, text in (new or {}).items():
            write(f"{p}/{path}", text)
        commit(p, msg, who, date)

    step("jonas", "2026-10-03T10:12:00Z", "Mapping: keyword subfield for brand (SRCH-1102)",
         ("indexer/mapping.py", '"brand": {"type": "text"},', '"brand": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 256}}},'))
    step("aiko", "2026-10-07T14:40:00Z", "Analyzers: ascii folding for product titles",
         ("indexer/analyzers.py", '"filter": ["lowercase"],', '"filter": ["lowercase", "asciifolding"],'))
    step("bot", "2026-10-09T06:02:00Z", "Bump opensearch-py from 2.6.0 to 2.7.1\n\nBumps [opensearch-py](https://github.com/opensearch-project/opensearch-py) from 2.6.0 to 2.7.1.\n\nSigned-off-by: dependabot[bot] <support@github.com>",
         ("pyproject.toml", "opensearch-py==2.6.0", "opensearch-py==2.7.1"))
    step("omar", "2026-10-14T11:25:00Z", "Bulk: chunk by bytes as well as documents (SRCH-1130)\n\nA few catalog documents carry 2 MB of variant data; chunks of 1000 such\ndocuments hit the 100 MB http.max_content_length of the cluster.",
         ("indexer/bulk.py", '''    chunk: list[str] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= 2 * settings.BULK_MAX_DOCS:
            yield chunk
            chunk = []''', '''    chunk: list[str] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line.encode()) + 1
        if len(chunk) >= 2 * settings.BULK_MAX_DOCS or size >= settings.BULK_MAX_BYTES:
            yield chunk
            chunk, size = [], 0'''))
    step("sofia", "2026-10-20T16:05:00Z", "CLI: --dry-run prints the bulk plan",
         ("indexer/cli.py", '''@click.option("--source", default="catalog-export.jsonl")
def main(source):''', '''@click.option("--source", default="catalog-export.jsonl")
@click.option("--dry-run", is_flag=True, help="print the chunk plan, send nothing")
def main(source, dry_run):
    if dry_run:
        click.echo(f"would send chunks of {settings.BULK_MAX_DOCS} docs / {settings.BULK_MAX_BYTES} bytes")
        return'''))
    step("jonas", "2026-10-28T09:30:00Z", "Tests: chunking by bytes",
         ("tests/test_bulk.py", "    assert len(list(bulk.chunks(['{}'] * 4001))) == 3\n",
          "    assert len(list(bulk.chunks(['{}'] * 4001))) == 3\n\n\ndef test_chunks_split_by_bytes(monkeypatch):\n"
          "    monkeypatch.setattr(bulk.settings, 'BULK_MAX_BYTES', 100)\n    assert len(list(bulk.chunks(['x' * 60] * 4))) == 2\n"))
    step("aiko", "2026-11-03T13:15:00Z", "Mapping: category_path as a path hierarchy (SRCH-1148)",
         ("indexer/mapping.py", '"category_path": {"type": "keyword"},', '"category_path": {"type": "text", "analyzer": "path", "fields": {"raw": {"type": "keyword"}}},'),
         ("indexer/analyzers.py", '''ANALYSIS = {
    "analyzer": {"title": TITLE_ANALYZER},
}''', '''ANALYSIS = {
    "analyzer": {"title": TITLE_ANALYZER, "path": {"type": "custom", "tokenizer": "path_hierarchy"}},
}'''))
    step("dana", "2026-11-10T10:00:00Z", "Release 2.6.0",
         ("indexer/__init__.py", '"2.5.0"', '"2.6.0"'), ("pyproject.toml", 'version = "2.5.0"', 'version = "2.6.0"'),
         ("CHANGELOG.md", "# Changelog\n\n", "# Changelog\n\n## 2.6.0\n\n- Chunks are limited by bytes as well (SRCH-1130).\n"
                                             "- `--dry-run` prints the chunk plan.\n- category_path is a path hierarchy (SRCH-1148).\n\n"))
    git(p, "tag", "v2.6.0", date="2026-11-10T10:00:00Z")
    step("liam", "2026-11-12T15:45:00Z", "Settings: refresh interval 30s during a full reindex (SRCH-1160)",
         ("indexer/settings.py", '# Reindex\nREFRESH_INTERVAL = "1s"\n', '# Reindex\nREFRESH_INTERVAL = "1s"\nREINDEX_REFRESH_INTERVAL = "30s"\nREINDEX_REPLICAS = 0\n'),
         ("config/index-template.json", '"refresh_interval": "1s"', '"refresh_interval": "1s",\n      "max_result_window": 20000'))
    step("jonas", "2026-11-17T11:00:00Z", "Mapping: price as scaled_float (SRCH-1171)",
         ("indexer/mapping.py", '"price": {"type": "float"},', '"price": {"type": "scaled_float", "scaling_factor": 100},'))

    # release/2.7 from here
    git(p, "checkout", "-q", "-b", "release/2.7")
    step("omar", "2026-11-18T14:20:00Z", "Bulk: retry 429 and 5xx with jittered backoff (SRCH-1187)\n\nThe cluster answers 429 (es_rejected_execution_exception) when the write\nthread pool queue is full during the nightly reindex.",
         ("indexer/settings.py", "BULK_TIMEOUT_S = 60\n", "BULK_TIMEOUT_S = 60\nBULK_RETRY_ON = (429, 502, 503)\nBULK_RETRY_MAX = 8\nBULK_BACKOFF_S = 0.5\n"),
         ("indexer/bulk.py", "import json\nimport logging\n", "import json\nimport logging\nimport random\nimport time\n"),
         ("indexer/bulk.py", '''def send(client, chunk: list[str]) -> dict:
    body = "\\n".join(chunk) + "\\n"
    resp = client.bulk(body=body, timeout=f"{settings.BULK_TIMEOUT_S}s")''', '''def send(client, chunk: list[str]) -> dict:
    body = "\\n".join(chunk) + "\\n"
    for attempt in range(settings.BULK_RETRY_MAX + 1):
        try:
            resp = client.bulk(body=body, timeout=f"{settings.BULK_TIMEOUT_S}s")
            break
        except Exception as e:  # opensearchpy.TransportError
            status = getattr(e, "status_code", None)
            if status not in settings.BULK_RETRY_ON or attempt == settings.BULK_RETRY_MAX:
                raise BulkError(f"bulk request failed with {status}") from e
            time.sleep(settings.BULK_BACKOFF_S * 2 ** attempt * random.uniform(0.5, 1.5))'''))
    step("dana", "2026-11-19T09:10:00Z", "Release 2.7.0",
         ("indexer/__init__.py", '"2.6.0"', '"2.7.0"'), ("pyproject.toml", 'version = "2.6.0"', 'version = "2.7.0"'),
         ("CHANGELOG.md", "# Changelog\n\n", "# Changelog\n\n## 2.7.0\n\n- Bulk requests retry 429, 502 and 503 with jittered backoff (SRCH-1187).\n"
                                             "- Full reindex runs with a 30s refresh interval and no replicas (SRCH-1160).\n\n"))
    git(p, "tag", "v2.7.0", date="2026-11-19T09:10:00Z")
    step("omar", "2026-11-24T17:35:00Z", "Bulk: give up after 5 retries and log failed item ids (SRCH-1194)\n\nWith 8 retries a stuck chunk held a worker for over two minutes and the\nnightly reindex missed its 04:00 alias swap.",
         ("indexer/settings.py", "BULK_RETRY_MAX = 8\nBULK_BACKOFF_S = 0.5\n", "BULK_RETRY_MAX = 5\nBULK_BACKOFF_S = 0.5\nBULK_LOG_FAILED_IDS = True\n"),
         ("indexer/bulk.py", '''        log.warning("%d of %d items failed", len(failed), len(resp["items"]))''', '''        log.warning("%d of %d items failed", len(failed), len(resp["items"]))
        if settings.BULK_LOG_FAILED_IDS:
            log.warning("failed ids: %s", ",".join(i["index"]["_id"] for i in failed[:50]))'''))
    step("dana", "2026-11-24T18:00:00Z", "Release 2.7.1",
         ("indexer/__init__.py", '"2.7.0"', '"2.7.1"'), ("pyproject.toml", 'version = "2.7.0"', 'version = "2.7.1"'),
         ("CHANGELOG.md", "# Changelog\n\n", "# Changelog\n\n## 2.7.1\n\n- Bulk gives up after 5 retries and logs the failed ids (SRCH-1194).\n\n"))
    git(p, "tag", "v2.7.1", date="2026-11-24T18:00:00Z")

    # main: a feature branch merged through a pull request, then the env overrides that conflict with 2.7.x
    git(p, "checkout", "-q", "main")
    git(p, "checkout", "-q", "-b", "feature/german-decompound")
    step("aiko", "2026-11-19T10:30:00Z", "Analyzers: German decompounder for product titles",
         ("indexer/analyzers.py", '"filter": ["lowercase", "asciifolding"],', '"filter": ["lowercase", "german_decompound", "asciifolding"],'),
         ("indexer/analyzers.py", '''ANALYSIS = {''', '''DECOMPOUNDER = {
    "type": "hyphenation_decompounder",
    "hyphenation_patterns_path": "analysis/de_DR.xml",
    "word_list_path": "analysis/dictionary-de.txt",
    "only_longest_match": True,
    "min_subword_size": 4,
}

ANALYSIS = {
    "filter": {"german_decompound": DECOMPOUNDER},'''))
    step("aiko", "2026-11-20T08:50:00Z", "Config: German synonyms for the title analyzer",
         new={"config/synonyms_de.txt": "turnschuh, sneaker\nhandy, smartphone, mobiltelefon\nfahrrad, rad, velo\n"
                                       "kühlschrank, kuehlschrank\nstaubsauger, sauger\nregenjacke, regenmantel\n"})
    git(p, "checkout", "-q", "main")
    git(p, "merge", "-q", "--no-ff", "feature/german-decompound", "-m",
        "Merge pull request #318 from acme-shop/feature/german-decompound\n\nAnalyzers: German decompounder for product titles",
        who="aiko", committer="gh", date="2026-11-21T12:04:00Z")
    git(p, "checkout", "-q", "-b", "feature/vector-search")
    step("jonas", "2026-11-25T10:00:00Z", "Mapping: title embedding as knn_vector (SRCH-1210)",
         ("indexer/mapping.py", '"updated_at": {"type": "date"},', '"updated_at": {"type": "date"},\n    "title_embedding": {"type": "knn_vector", "dimension": 768, "method": {"name": "hnsw", "engine": "lucene"}},'))
    step("jonas", "2026-11-26T16:20:00Z", "WIP: embed titles with the e5 model",
         new={"indexer/embed.py": '"""Title embeddings (multilingual-e5-base, 768 dimensions) for knn search."""\n\nMODEL = "intfloat/multilingual-e5-base"\nBATCH = 64\n\n\ndef embed(titles):\n    raise NotImplementedError("SRCH-1210")\n'})
    git(p, "checkout", "-q", "main")
    step("liam", "2026-11-22T09:15:00Z", "Settings: bulk sizes from the environment (SRCH-1201)\n\nThe big reindex nodes run with BULK_CONCURRENCY=16 and 20 MB chunks.",
         ("indexer/settings.py", '''# Bulk loading
BULK_MAX_DOCS = 1000
BULK_MAX_BYTES = 5 * 1024 * 1024
BULK_CONCURRENCY = 4
BULK_TIMEOUT_S = 60
''', '''

def _env_int(name, default):
    return int(os.environ.get(f"SEARCH_INDEXER_{name}", default))


# Bulk loading (SRCH-1201: sizes from the environment for the big reindex nodes)
BULK_MAX_DOCS = _env_int("BULK_MAX_DOCS", 1000)
BULK_MAX_BYTES = _env_int("BULK_MAX_BYTES", 5 * 1024 * 1024)
BULK_CONCURRENCY = _env_int("BULK_CONCURRENCY", 4)
BULK_TIMEOUT_S = _env_int("BULK_TIMEOUT_S", 90)
'''),
         ("CHANGELOG.md", "# Changelog\n\n", "# Changelog\n\n## Unreleased\n\n- Bulk sizes, concurrency and timeout come from the environment (SRCH-1201).\n"
                                             "- German decompounder for product titles (#318).\n\n"))
    step("bot", "2026-11-23T06:01:00Z", "Bump pytest from 8.3.3 to 8.3.4\n\nSigned-off-by: dependabot[bot] <support@github.com>",
         ("pyproject.toml", "pytest==8.3.3", "pytest==8.3.4"))
    git(p, "checkout", "-q", "-b", "feature/facet-counts")
    step("sofia", "2026-11-24T11:40:00Z", "Mapping: brand.raw and category_path.raw as eager global ordinals (SRCH-1205)",
         ("indexer/mapping.py", '"raw": {"type": "keyword", "ignore_above": 256}', '"raw": {"type": "keyword", "ignore_above": 256, "eager_global_ordinals": True}'),
         ("indexer/mapping.py", '"fields": {"raw": {"type": "keyword"}}}', '"fields": {"raw": {"type": "keyword", "eager_global_ordinals": True}}}'))
    git(p, "checkout", "-q", "main")
    git(p, "merge", "-q", "--no-ff", "feature/facet-counts", "-m",
        "Merge pull request #321 from acme-shop/feature/facet-counts\n\nMapping: eager global ordinals for facet fields",
        who="sofia", committer="gh", date="2026-11-25T09:12:00Z")
    step("aiko", "2026-11-26T14:05:00Z", "Docs: how to run a full reindex",
         ("README.md", "(`products` alias).\n", "(`products` alias).\n\n## Full reindex\n\n```\nSEARCH_INDEXER_BULK_CONCURRENCY=16 python -m indexer.cli --source catalog-export.jsonl\n```\n\n"
                                               "The reindex writes `products-v<N+1>` and swaps the alias when the document counts match.\n"))
    # merge release/2.7 back: settings.py and CHANGELOG.md conflict; the resolution keeps both sides
    env = dict(os.environ, GIT_AUTHOR_NAME="Dana Whitfield", GIT_AUTHOR_EMAIL="dana.whitfield@acme-shop.example",
               GIT_COMMITTER_NAME="Dana Whitfield", GIT_COMMITTER_EMAIL="dana.whitfield@acme-shop.example",
               GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_SYSTEM="/dev/null",
               GIT_AUTHOR_DATE="2026-11-27T10:30:00Z", GIT_COMMITTER_DATE="2026-11-27T10:30:00Z")
    r = subprocess.run(["git", "merge", "-q", "--no-ff", "release/2.7"], cwd=p, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert r.returncode != 0, "the merge of release/2.7 should conflict"
    write(f"{p}/indexer/settings.py", INDEXER_SETTINGS_V1.replace('''# Bulk loading
BULK_MAX_DOCS = 1000
BULK_MAX_BYTES = 5 * 1024 * 1024
BULK_CONCURRENCY = 4
BULK_TIMEOUT_S = 60
''', '''

def _env_int(name, default):
    return int(os.environ.get(f"SEARCH_INDEXER_{name}", default))


# Bulk loading (SRCH-1201: sizes from the environment for the big reindex nodes)
BULK_MAX_DOCS = _env_int("BULK_MAX_DOCS", 1000)
BULK_MAX_BYTES = _env_int("BULK_MAX_BYTES", 5 * 1024 * 1024)
BULK_CONCURRENCY = _env_int("BULK_CONCURRENCY", 4)
BULK_TIMEOUT_S = _env_int("BULK_TIMEOUT_S", 90)
BULK_RETRY_ON = (429, 502, 503)
BULK_RETRY_MAX = _env_int("BULK_RETRY_MAX", 5)
BULK_BACKOFF_S = 0.5
BULK_LOG_FAILED_IDS = True
''').replace('REFRESH_INTERVAL = "1s"\n', 'REFRESH_INTERVAL = "1s"\nREINDEX_REFRESH_INTERVAL = "30s"\nREINDEX_REPLICAS = 0\n'))
    write(f"{p}/CHANGELOG.md", "# Changelog\n\n## Unreleased\n\n- Bulk sizes, concurrency, timeout and retries come from the environment (SRCH-1201).\n"
                               "- German decompounder for product titles (#318).\n\n"
                               "## 2.7.1\n\n- Bulk gives up after 5 retries and logs the failed ids (SRCH-1194).\n\n"
                               "## 2.7.0\n\n- Bulk requests retry 429, 502 and 503 with jittered backoff (SRCH-1187).\n"
                               "- Full reindex runs with a 30s refresh interval and no replicas (SRCH-1160).\n\n"
                               "## 2.6.0\n\n- Chunks are limited by bytes as well (SRCH-1130).\n"
                               "- `--dry-run` prints the chunk plan.\n- category_path is a path hierarchy (SRCH-1148).\n\n"
                               "## 2.5.0\n\n- First version in this repository.\n")
    subprocess.run(["git", "add", "-A"], cwd=p, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "-m",
                    "Merge branch 'release/2.7'\n\nBrings the 2.7.1 bulk retry fix (SRCH-1194) back to main.\n\n"
                    "Conflicts in indexer/settings.py and CHANGELOG.md: keep the environment overrides of\n"
                    "SRCH-1201 and the retry limits of SRCH-1187/SRCH-1194; BULK_RETRY_MAX can now be set\n"
                    "in the environment as well."], cwd=p, env=env, check=True, stdout=subprocess.DEVNULL)


# ---- small dirs the psql, mysql and package sessions run in ------------------------------------------------------

def small_dirs(root):
    p = f"{root}/ci-image"
    init(p)
    write(f"{p}/Dockerfile", textwrap.dedent("""\
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends \\
              ca-certificates curl git openssh-client python3 python3-pip tzdata \\
            && rm -rf /var/lib/apt/lists/*
        COPY requirements-ci.txt /opt/ci/
        RUN pip install --no-cache-dir -r /opt/ci/requirements-ci.txt
        """))
    write(f"{p}/requirements-ci.txt", "awscli\nboto3\ncfn-lint\nmoto\npytest\npytest-benchmark\nrequests\n")
    write(f"{p}/README.md", "The CI build image (ci-image:2026.12). Rebuilt weekly; SEC-880 asks for an inventory each month.\n")
    commit(p, "ci-image: Debian 12 build image", "liam", "2026-11-30T09:00:00Z")
    p = f"{root}/loyalty-service"
    init(p)
    write(f"{p}/README.md", "Loyalty points service. Database: `loyalty` on pg-loyalty-1.internal (PostgreSQL 16), "
                            "CDC to the data lake through Debezium (slot debezium_loyalty_points, retired in DATA-1312?).\n")
    write(f"{p}/db/migrations/V41__points_ledger_include_points.sql",
          "CREATE INDEX CONCURRENTLY points_ledger_member_created_idx_new ON points_ledger (member_id, created_at) INCLUDE (points);\n"
          "DROP INDEX CONCURRENTLY points_ledger_member_created_idx;\n"
          "ALTER INDEX points_ledger_member_created_idx_new RENAME TO points_ledger_member_created_idx;\n")
    commit(p, "loyalty-service: ledger index includes points", "jonas", "2026-11-20T10:00:00Z")
    p = f"{root}/catalog-service"
    init(p)
    write(f"{p}/README.md", "Catalog service. MySQL 8.0: catalog-db-1.internal (source), catalog-db-2.internal (replica, "
                            "read traffic of the storefront and the price export).\n")
    write(f"{p}/jobs/backfill_price_overrides.sql",
          "-- CAT-2210 backfill of the December promo prices; run on: catalog-db-2 (!)\n"
          "INSERT INTO price_overrides (sku, market, valid_from, valid_to, price_cents, currency, source)\n"
          "SELECT sku, market, '2026-12-04 00:00:00', '2026-12-11 23:59:59', promo_cents, currency, 'backfill-2026-12-04'\n"
          "FROM promo_import_2026_12;\n")
    commit(p, "catalog-service: December promo backfill", "omar", "2026-12-03T18:00:00Z")


def build_all(root):
    edge_incident(root)
    bastion_logs(root)
    geofence(root)
    notification_service(root)
    search_indexer(root)
    small_dirs(root)
