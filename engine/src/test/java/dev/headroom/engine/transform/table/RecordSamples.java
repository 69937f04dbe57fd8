package dev.headroom.engine.transform.table;

import java.util.Random;

/**
 * Deterministic key-value outputs: {@code apt-cache show} (several records with the same keys, long
 * descriptions with continuation lines), {@code kubectl describe pod} (nested sections and a trailing
 * Events table) and {@code systemctl status} (a header block, a CGroup tree, then journal lines).
 */
final class RecordSamples {

    private RecordSamples() {
    }

    /** {@code apt-cache show} of {@code n} packages; the third depends on a held-back library. */
    static String aptCacheShow(int n, long seed) {
        Random r = new Random(seed);
        String[][] pkgs = {
            {"curl", "web", "command line tool for transferring data with URL syntax", "libc6 (>= 2.34), libcurl4t64 (= 8.5.0-2ubuntu10.6), zlib1g (>= 1:1.1.4)"},
            {"git", "vcs", "fast, scalable, distributed revision control system", "libc6 (>= 2.38), libcurl3t64-gnutls (>= 7.56.1), libexpat1 (>= 2.0.1), libpcre2-8-0 (>= 10.34), zlib1g (>= 1:1.2.0), perl, liberror-perl, git-man (>> 1:2.43.0), git-man (<< 1:2.43.0-.)"},
            {"nginx", "httpd", "small, powerful, scalable web/proxy server", "nginx-common (= 1.24.0-2ubuntu7.1), libc6 (>= 2.34), libcrypt1 (>= 1:4.1.0), libpcre2-8-0 (>= 10.22), libssl3t64 (>= 3.0.0), zlib1g (>= 1:1.1.4)"},
            {"jq", "utils", "lightweight and flexible command-line JSON processor", "libjq1 (= 1.7.1-3build1), libc6 (>= 2.34)"},
            {"htop", "utils", "interactive processes viewer", "libc6 (>= 2.38), libncursesw6 (>= 6), libnl-3-200 (>= 3.2.7), libnl-genl-3-200 (>= 3.2.7), libtinfo6 (>= 6)"},
            {"postgresql-16", "database", "The World's Most Advanced Open Source Relational Database", "locales | locales-all, postgresql-client-16, postgresql-common (>= 252~), ssl-cert, tzdata, libc6 (>= 2.38), libgssapi-krb5-2 (>= 1.17), libicu74 (>= 74.1-1~)"},
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] p = pkgs[i % pkgs.length];
            String version = (1 + r.nextInt(8)) + "." + r.nextInt(60) + "." + r.nextInt(9) + "-" + (1 + r.nextInt(3)) + "ubuntu" + (1 + r.nextInt(9))
                    + (i % pkgs.length == 2 ? "" : "." + r.nextInt(9));
            String name = p[0] + (i >= pkgs.length ? "-" + (i / pkgs.length) : "");
            sb.append("Package: ").append(name).append('\n')
                    .append("Architecture: amd64\n")
                    .append("Version: ").append(version).append('\n')
                    .append("Priority: optional\n")
                    .append("Section: ").append(p[1]).append('\n')
                    .append("Origin: Ubuntu\n")
                    .append("Maintainer: Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>\n")
                    .append("Original-Maintainer: Debian ").append(p[0]).append(" Maintainers <pkg-").append(p[0]).append("@tracker.debian.org>\n")
                    .append("Bugs: https://bugs.launchpad.net/ubuntu/+filebug\n")
                    .append("Installed-Size: ").append(100 + r.nextInt(40000)).append('\n')
                    .append("Depends: ").append(p[3]).append('\n');
            if (i % 3 == 0) {
                sb.append("Recommends: ca-certificates\n");
            }
            sb.append("Filename: pool/main/").append(p[0].charAt(0)).append('/').append(p[0]).append('/').append(name).append('_').append(version)
                    .append("_amd64.deb\n")
                    .append("Size: ").append(20000 + r.nextInt(2000000)).append('\n')
                    .append("MD5sum: ").append(hex(r, 32)).append('\n')
                    .append("SHA1: ").append(hex(r, 40)).append('\n')
                    .append("SHA256: ").append(hex(r, 64)).append('\n')
                    .append("SHA512: ").append(hex(r, 128)).append('\n')
                    .append("Homepage: https://").append(p[0]).append(".org\n")
                    .append("Description: ").append(p[2]).append('\n')
                    .append(" ").append(p[0]).append(" is a ").append(p[2]).append(". It is packaged for Ubuntu from the Debian\n")
                    .append(" sources and kept current with security updates for the whole support period.\n")
                    .append(" .\n")
                    .append(" This package contains the main program; documentation and examples are in\n")
                    .append(" separate packages, and the shared library is in lib").append(p[0]).append(".\n")
                    .append("Task: server-minimal\n")
                    .append("Description-md5: ").append(hex(r, 32)).append('\n')
                    .append('\n');
        }
        return sb.toString();
    }

    static String hex(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return sb.toString();
    }

    /** {@code kubectl describe pod} of a pod in CrashLoopBackOff whose last state is OOMKilled. */
    static String describePod() {
        String pod = "payments-api-6b8f7d9c4-qz7xw";
        return "Name:             " + pod + "\n"
                + "Namespace:        shop\n"
                + "Priority:         0\n"
                + "Service Account:  payments-api\n"
                + "Node:             worker-2/10.0.1.12\n"
                + "Start Time:       Tue, 03 Dec 2024 09:14:02 +0000\n"
                + "Labels:           app=payments-api\n"
                + "                  pod-template-hash=6b8f7d9c4\n"
                + "                  team=payments\n"
                + "Annotations:      kubectl.kubernetes.io/restartedAt: 2024-12-03T09:13:55Z\n"
                + "Status:           Running\n"
                + "IP:               10.244.2.31\n"
                + "IPs:\n"
                + "  IP:           10.244.2.31\n"
                + "Controlled By:  ReplicaSet/payments-api-6b8f7d9c4\n"
                + "Containers:\n"
                + "  payments-api:\n"
                + "    Container ID:   containerd://9c1f3e2a7b6d5c4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e\n"
                + "    Image:          registry.example.com/shop/payments-api:1.14.2\n"
                + "    Image ID:       registry.example.com/shop/payments-api@sha256:4f1c2b3a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a\n"
                + "    Port:           8080/TCP\n"
                + "    Host Port:      0/TCP\n"
                + "    State:          Waiting\n"
                + "      Reason:       CrashLoopBackOff\n"
                + "    Last State:     Terminated\n"
                + "      Reason:       OOMKilled\n"
                + "      Exit Code:    137\n"
                + "      Started:      Tue, 03 Dec 2024 11:22:41 +0000\n"
                + "      Finished:     Tue, 03 Dec 2024 11:23:19 +0000\n"
                + "    Ready:          False\n"
                + "    Restart Count:  14\n"
                + "    Limits:\n"
                + "      memory:  256Mi\n"
                + "    Requests:\n"
                + "      cpu:        100m\n"
                + "      memory:     128Mi\n"
                + "    Liveness:     http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3\n"
                + "    Readiness:    http-get http://:8080/ready delay=5s timeout=1s period=5s #success=1 #failure=3\n"
                + "    Environment:\n"
                + "      SPRING_PROFILES_ACTIVE:  prod\n"
                + "      JAVA_TOOL_OPTIONS:       -XX:MaxRAMPercentage=75\n"
                + "      DB_URL:                  <set to the key 'url' in secret 'payments-db'>  Optional: false\n"
                + "    Mounts:\n"
                + "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-7xkq2 (ro)\n"
                + "Conditions:\n"
                + "  Type                        Status\n"
                + "  PodReadyToStartContainers   True \n"
                + "  Initialized                 True \n"
                + "  Ready                       False \n"
                + "  ContainersReady             False \n"
                + "  PodScheduled                True \n"
                + "Volumes:\n"
                + "  kube-api-access-7xkq2:\n"
                + "    Type:                    Projected (a volume that contains injected data from multiple sources)\n"
                + "    TokenExpirationSeconds:  3607\n"
                + "    ConfigMapName:           kube-root-ca.crt\n"
                + "    ConfigMapOptional:       <nil>\n"
                + "    DownwardAPI:             true\n"
                + "QoS Class:                   Burstable\n"
                + "Node-Selectors:              <none>\n"
                + "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n"
                + "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n"
                + "Events:\n"
                + "  Type     Reason     Age                  From               Message\n"
                + "  ----     ------     ----                 ----               -------\n"
                + "  Normal   Scheduled  22m                  default-scheduler  Successfully assigned shop/" + pod + " to worker-2\n"
                + "  Normal   Pulled     20m (x5 over 22m)    kubelet            Container image \"registry.example.com/shop/payments-api:1.14.2\" already present on machine\n"
                + "  Normal   Created    20m (x5 over 22m)    kubelet            Created container payments-api\n"
                + "  Normal   Started    20m (x5 over 22m)    kubelet            Started container payments-api\n"
                + "  Warning  BackOff    2m (x87 over 21m)    kubelet            Back-off restarting failed container payments-api in pod " + pod + "_shop(0c9e2f1a-5b7d-4c11-9a3e-2f6d8b1c7e40)\n";
    }

    /** {@code systemctl status nginx} with {@code -n 40}: the header block, the CGroup tree, then journal lines. */
    static String systemctlStatus(int journalLines, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder()
                .append("● nginx.service - A high performance web server and a reverse proxy server\n")
                .append("     Loaded: loaded (/usr/lib/systemd/system/nginx.service; enabled; preset: enabled)\n")
                .append("     Active: active (running) since Tue 2024-12-03 09:14:02 UTC; 2h 13min ago\n")
                .append("       Docs: man:nginx(8)\n")
                .append("    Process: 1021 ExecStartPre=/usr/sbin/nginx -t -q -g daemon on; master_process on; (code=exited, status=0/SUCCESS)\n")
                .append("    Process: 1043 ExecStart=/usr/sbin/nginx -g daemon on; master_process on; (code=exited, status=0/SUCCESS)\n")
                .append("   Main PID: 1044 (nginx)\n")
                .append("      Tasks: 5 (limit: 18956)\n")
                .append("     Memory: 6.1M (peak: 8.3M)\n")
                .append("        CPU: 112ms\n")
                .append("     CGroup: /system.slice/nginx.service\n")
                .append("             ├─1044 \"nginx: master process /usr/sbin/nginx -g daemon on; master_process on;\"\n")
                .append("             ├─1045 \"nginx: worker process\"\n")
                .append("             ├─1046 \"nginx: worker process\"\n")
                .append("             └─1048 \"nginx: worker process\"\n")
                .append('\n');
        for (int i = 0; i < journalLines; i++) {
            String time = String.format("Dec 03 %02d:%02d:%02d", 9 + i / 20, (14 + i) % 60, r.nextInt(60));
            if (i == 0) {
                sb.append(time).append(" web-1 systemd[1]: Starting nginx.service - A high performance web server and a reverse proxy server...\n");
            } else if (i == 1) {
                sb.append(time).append(" web-1 systemd[1]: Started nginx.service - A high performance web server and a reverse proxy server.\n");
            } else if (i == journalLines / 2) {
                sb.append(time).append(" web-1 nginx[1045]: 2024/12/03 10:02:11 [error] 1045#1045: *8812 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.3.4, server: shop.example.com, request: \"POST /api/orders HTTP/1.1\", upstream: \"http://127.0.0.1:8080/api/orders\"\n");
            } else {
                sb.append(time).append(" web-1 nginx[104").append(5 + r.nextInt(3)).append("]: 2024/12/03 10:0").append(r.nextInt(10))
                        .append(":").append(10 + r.nextInt(49)).append(" [warn] 104").append(5 + r.nextInt(3))
                        .append("#0: *").append(8000 + i).append(" an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/")
                        .append(r.nextInt(10)).append("/0").append(r.nextInt(10)).append("/00000").append(1000 + r.nextInt(9000)).append(" while reading upstream\n");
            }
        }
        return sb.toString();
    }
}
