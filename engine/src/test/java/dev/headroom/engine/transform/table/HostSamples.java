package dev.headroom.engine.transform.table;

import java.util.Random;

/**
 * Deterministic outputs of {@code ps aux}, {@code df -h} and {@code dpkg -l}, laid out byte for byte as
 * procps-ng 4, coreutils 9 and dpkg 1.22 write them when their output is not a terminal.
 */
final class HostSamples {

    private HostSamples() {
    }

    /** {@code ps aux}: kernel threads, daemons, and one busy java process (row {@code java}, 187 % CPU). */
    static String psAux(int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
        sb.append(ps("root", 1, "0.0", "0.1", 168140, 11788, "?", "Ss", "Nov30", "0:09", "/sbin/init splash"));
        sb.append(ps("root", 2, "0.0", "0.0", 0, 0, "?", "S", "Nov30", "0:00", "[kthreadd]"));
        String[] daemons = {"/usr/lib/systemd/systemd-journald", "/usr/lib/systemd/systemd-udevd", "/usr/sbin/cron -f -P",
            "/usr/sbin/sshd -D", "/usr/bin/dbus-daemon --system --address=systemd: --nofork --nopidfile --systemd-activation --syslog-only",
            "/usr/sbin/rsyslogd -n -iNONE", "/usr/lib/snapd/snapd", "sshd: dev [priv]", "sshd: dev@pts/0", "-bash",
            "/usr/bin/containerd", "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock"};
        int pid = 3;
        for (int i = 0; i < n - 3; i++) {
            if (i == n / 2) {
                sb.append(ps("dev", 48211, "187", "9.6", 12054320, 1577440, "?", "Sl", "10:02", "63:41",
                        "/usr/lib/jvm/java-21-openjdk-amd64/bin/java -Xmx4g -jar /opt/orders/orders-service.jar --spring.profiles.active=prod"));
                continue;
            }
            if (i % 3 != 2) {
                pid += 1 + r.nextInt(4);
                String thread = i % 2 == 0 ? "[kworker/" + r.nextInt(8) + ":" + r.nextInt(3) + "-events]" : "[ksoftirqd/" + r.nextInt(8) + "]";
                sb.append(ps("root", pid, "0.0", "0.0", 0, 0, "?", i % 2 == 0 ? "I<" : "S", "Nov30", "0:0" + r.nextInt(10), thread));
            } else {
                pid += 100 + r.nextInt(400);
                String cmd = daemons[i % daemons.length];
                String tty = cmd.equals("-bash") ? "pts/0" : "?";
                sb.append(ps(cmd.startsWith("sshd: dev@") || cmd.equals("-bash") ? "dev" : "root", pid, "0." + r.nextInt(4),
                        "0." + r.nextInt(9), 10000 + r.nextInt(900000), 4000 + r.nextInt(90000), tty,
                        tty.equals("?") ? "Ssl" : "Ss", "Nov30", r.nextInt(3) + ":" + (10 + r.nextInt(50)), cmd));
            }
        }
        sb.append(ps("dev", pid + 977, "0.0", "0.0", 11284, 4608, "pts/0", "R+", "12:41", "0:00", "ps aux"));
        return sb.toString();
    }

    private static String ps(String user, int pid, String cpu, String mem, long vsz, long rss, String tty, String stat,
                             String start, String time, String command) {
        return String.format("%-8s %7d %4s %4s %6d %5d %-8s %-4s %5s %6s %s%n", user, pid, cpu, mem, vsz, rss, tty, stat, start,
                time, command);
    }

    /** {@code df -h} on a host with snaps: one nearly full volume (97 %). */
    static String dfH() {
        String[][] rows = {
            {"tmpfs", "1.6G", "2.4M", "1.6G", "1%", "/run"},
            {"/dev/nvme0n1p2", "468G", "201G", "244G", "46%", "/"},
            {"tmpfs", "7.8G", "112M", "7.7G", "2%", "/dev/shm"},
            {"tmpfs", "5.0M", "8.0K", "5.0M", "1%", "/run/lock"},
            {"efivarfs", "192K", "118K", "70K", "63%", "/sys/firmware/efi/efivars"},
            {"/dev/nvme0n1p1", "1.1G", "6.2M", "1.1G", "1%", "/boot/efi"},
            {"/dev/sda1", "916G", "845G", "25G", "97%", "/data"},
            {"tmpfs", "1.6G", "132K", "1.6G", "1%", "/run/user/1000"},
        };
        StringBuilder sb = new StringBuilder("Filesystem      Size  Used Avail Use% Mounted on\n");
        for (String[] r : rows) {
            sb.append(String.format("%-15s %4s %5s %5s %4s %s%n", r[0], r[1], r[2], r[3], r[4], r[5]));
        }
        for (int i = 0; i < 14; i++) {
            String snap = new String[] {"core22/1380", "core20/2264", "snapd/21759", "firefox/4173", "gtk-common-themes/1535",
                "lxd/29619", "bare/5"}[i % 7];
            snap = snap.substring(0, snap.indexOf('/') + 1) + (Integer.parseInt(snap.substring(snap.indexOf('/') + 1)) + i / 7);
            sb.append(String.format("%-15s %4s %5s %5s %4s %s%n", "/dev/loop" + i, (64 + i * 13) + "M", (64 + i * 13) + "M", "0",
                    "100%", "/snap/" + snap));
        }
        return sb.toString();
    }

    /** {@code dpkg -l}: installed packages, one removed-config-files ({@code rc}) kernel, one half-configured ({@code iF}). */
    static String dpkgL(int n, long seed) {
        Random r = new Random(seed);
        String[] names = {"adduser", "apt", "base-files", "bash", "bsdutils", "ca-certificates", "coreutils", "curl", "dash",
            "debconf", "diffutils", "dpkg", "e2fsprogs", "findutils", "gcc-13-base", "git", "gpgv", "grep", "gzip", "hostname",
            "init-system-helpers", "libacl1", "libapt-pkg6.0t64", "libattr1", "libaudit1", "libblkid1", "libbz2-1.0", "libc-bin",
            "libc6", "libcap-ng0", "libcom-err2", "libcrypt1", "libcurl4t64", "libdb5.3t64", "libdebconfclient0", "libext2fs2t64",
            "libffi8", "libgcc-s1", "libgcrypt20", "libgmp10", "libgnutls30t64", "libgpg-error0", "libhogweed6t64", "libidn2-0",
            "liblz4-1", "liblzma5", "libmd0", "libmount1", "libncursesw6", "libnettle8t64", "libp11-kit0", "libpam-modules",
            "libpcre2-8-0", "libseccomp2", "libselinux1", "libsemanage2", "libsmartcols1", "libssl3t64", "libstdc++6",
            "libsystemd0", "libtasn1-6", "libtinfo6", "libudev1", "libunistring5", "libuuid1", "libxxhash0", "libzstd1",
            "login", "logsave", "mawk", "mount", "ncurses-base", "ncurses-bin", "openssl", "passwd", "perl-base", "procps",
            "sed", "sensible-utils", "sysvinit-utils", "tar", "tzdata", "ubuntu-keyring", "util-linux", "zlib1g"};
        String[] descriptions = {"add and remove users and groups", "commandline package manager",
            "Debian base system miscellaneous files", "GNU Bourne Again SHell", "basic utilities from 4.4BSD-Lite",
            "Common CA certificates", "GNU core utilities", "command line tool for transferring data with URL syntax",
            "POSIX-compliant shell", "Debian configuration management system", "File comparison utilities",
            "Debian package management system", "ext2/ext3/ext4 file system utilities", "utilities for finding files--find, xargs"};
        String[][] rows = new String[Math.min(n, names.length) + 1][];
        for (int i = 0; i < rows.length - 1; i++) {
            String version = (1 + r.nextInt(9)) + "." + r.nextInt(20) + (r.nextBoolean() ? "-" + (1 + r.nextInt(5)) + "ubuntu" + (1 + r.nextInt(3))
                    : "." + r.nextInt(9) + "-" + (1 + r.nextInt(3))) + (r.nextInt(4) == 0 ? "build1" : "");
            String arch = names[i].startsWith("lib") ? "amd64" : r.nextInt(3) == 0 ? "all" : "amd64";
            String desc = i < descriptions.length ? descriptions[i] : names[i].startsWith("lib") ? "shared library for " + names[i].substring(3)
                    : "utility package " + names[i];
            rows[i] = new String[] {i == 29 ? "iF" : "ii", names[i], version, arch, desc};
        }
        rows[rows.length - 1] = new String[] {"rc", "linux-image-6.5.0-14-generic", "6.5.0-14.14~22.04.1", "amd64",
            "Signed kernel image generic"};
        int nameWidth = 4;
        int versionWidth = 7;
        for (String[] row : rows) {
            nameWidth = Math.max(nameWidth, row[1].length());
            versionWidth = Math.max(versionWidth, row[2].length());
        }
        StringBuilder sb = new StringBuilder("Desired=Unknown/Install/Remove/Purge/Hold\n")
                .append("| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n")
                .append("|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n");
        String format = "%-3s %-" + nameWidth + "s %-" + versionWidth + "s %-12s %s";
        sb.append(String.format(format, "||/", "Name", "Version", "Architecture", "Description").stripTrailing()).append('\n');
        sb.append("+++-").append("=".repeat(nameWidth)).append('-').append("=".repeat(versionWidth)).append('-')
                .append("=".repeat(12)).append('-').append("=".repeat(40)).append('\n');
        for (String[] row : rows) {
            sb.append(String.format(format, row[0], row[1], row[2], row[3], row[4])).append('\n');
        }
        return sb.toString();
    }
}
