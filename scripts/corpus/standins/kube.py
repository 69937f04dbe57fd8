"""kubectl 1.32 answers for a production cluster "prod-eu-central-1" (namespace checkout and friends):
pods (wide and -A), events, describe, logs --previous, deployment YAML, HPA JSON, top."""
import json
import random

from fmt import kubectl_table

rnd = random.Random(4417)
ALNUM = "bcdfghjklmnpqrstvwxz2456789"
NODES = [f"ip-10-42-{a}-{b}.eu-central-1.compute.internal" for a, b in
         [(17, 203), (17, 88), (18, 141), (18, 12), (19, 77), (19, 230), (20, 5)]]
REGISTRY = "registry.acme-shop.example"
CRASH_POD = "payments-api-6d8f7b9c54-qz7rn"
OOM_POD = "order-worker-5b7d9c8f6-8kp2w"
PULL_POD = "inventory-sync-7c9b5f6d4d-tm4xh"
PENDING_POD = "fraud-scorer-84f6d9c7b8-2wq9k"


def rs_hash():
    return "".join(rnd.choice(ALNUM) for _ in range(rnd.choice([9, 10])))


def suffix(n=5):
    return "".join(rnd.choice(ALNUM) for _ in range(n))


def age(minutes):
    """k8s.io/apimachinery duration.HumanDuration, from minutes."""
    sec = minutes * 60
    if minutes < 2:
        return f"{sec}s"
    if minutes < 10:
        return f"{minutes}m{sec % 60}s" if sec % 60 else f"{minutes}m"
    if minutes < 180:
        return f"{minutes}m"
    h = minutes // 60
    if h < 8:
        return f"{h}h{minutes % 60}m" if minutes % 60 else f"{h}h"
    if h < 48:
        return f"{h}h"
    if h < 24 * 8:
        return f"{h // 24}d{h % 24}h" if h % 24 else f"{h // 24}d"
    if h < 24 * 365 * 2:
        return f"{h // 24}d"
    return f"{h // 24 // 365}y"


def ip(node_i):
    return f"10.42.{node_i + 1}.{rnd.randint(2, 250)}"


def checkout_pods():
    """(name, ready, status, restarts, age, ip, node, age in minutes) of namespace checkout."""
    pods = []

    def deploy(name, n, containers=1, special=None, ages=None, h=None):
        h = h or rs_hash()
        for k in range(n):
            pod = f"{name}-{h}-{suffix()}"
            st = ("Running", f"{containers}/{containers}", "0")
            if special and k in special:
                pod, st = special[k]
            node = rnd.randrange(len(NODES))
            minutes = ages[k] if ages else rnd.randint(300, 9000)
            pods.append((pod, st[1], st[0], st[2], age(minutes),
                         ip(node) if st[0] != "Pending" else "<none>",
                         NODES[node] if st[0] != "Pending" else "<none>", minutes))

    deploy("checkout-web", 8, 2, ages=[4410, 4410, 4407, 4405, 4402, 4400, 11, 11])
    deploy("payments-api", 4, 1, h="59c7d8b6f9", ages=[8650, 8648, 8647, 8645])
    deploy("payments-api", 2, 1, {
        0: (CRASH_POD, ("CrashLoopBackOff", "0/1", "14 (2m11s ago)")),
        1: ("payments-api-6d8f7b9c54-vb7xj", ("CrashLoopBackOff", "0/1", "13 (4m52s ago)"))}, ages=[52, 52], h="6d8f7b9c54")
    deploy("cart-service", 4, 2)
    deploy("order-worker", 5, 1, {2: (OOM_POD, ("OOMKilled", "0/1", "6 (38s ago)")),
                                  3: ("order-worker-5b7d9c8f6-rx6ld", ("Running", "1/1", "3 (17m ago)"))}, h="5b7d9c8f6")
    deploy("pricing-engine", 3)
    deploy("inventory-sync", 2, 1, {1: (PULL_POD, ("ImagePullBackOff", "0/1", "0"))}, ages=[2900, 41], h="7c9b5f6d4d")
    deploy("fraud-scorer", 3, 1, {2: (PENDING_POD, ("Pending", "0/1", "0"))}, ages=[5100, 5100, 7], h="84f6d9c7b8")
    deploy("email-dispatcher", 2)
    deploy("pgbouncer", 2)
    for k in range(3):
        node = rnd.randrange(len(NODES))
        pods.append((f"redis-cart-{k}", "2/2", "Running", "1 (6d2h ago)" if k == 1 else "0", "34d", ip(node), NODES[node], 34 * 1440))
    for k, node in enumerate(NODES):
        pods.append((f"otel-collector-agent-{suffix()}", "1/1", "Running", "0", "12d", ip(k), node, 12 * 1440))
    for j, (st, ready) in enumerate([("Completed", "0/1"), ("Completed", "0/1"), ("Error", "0/1")]):
        node = rnd.randrange(len(NODES))
        pods.append((f"ledger-reconcile-2941{1520 + j * 60}-{suffix()}", ready, st, "0", age(145 - j * 60), ip(node), NODES[node], 145 - j * 60))
    pods.sort(key=lambda p: p[0])
    return pods


CHECKOUT = checkout_pods()


def get_pods_wide():
    rows = [["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]]
    for p in CHECKOUT:
        rows.append(list(p[:7]) + ["<none>", "<none>"])
    return kubectl_table(rows)


def get_pods_all_wide():
    rows = [["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]]
    other = {
        "kube-system": [("coredns", 2, "1/1"), ("ebs-csi-controller", 2, "6/6"), ("metrics-server", 1, "1/1"),
                        ("cluster-autoscaler", 1, "1/1"), ("aws-load-balancer-controller", 2, "1/1")],
        "ingress-nginx": [("ingress-nginx-controller", 3, "1/1")],
        "monitoring": [("prometheus-operator", 1, "1/1"), ("kube-state-metrics", 1, "1/1"), ("grafana", 1, "3/3"),
                       ("alertmanager-main", 0, "2/2")],
        "search": [("catalog-indexer", 3, "1/1"), ("search-api", 4, "1/1"), ("suggest-api", 2, "1/1")],
        "identity": [("auth-gateway", 3, "1/1"), ("session-store", 2, "1/1"), ("user-profile", 3, "2/2")],
        "shipping": [("carrier-adapter", 3, "1/1"), ("label-printer", 2, "1/1"), ("tracking-poller", 2, "1/1"),
                     ("returns-api", 2, "1/1")],
        "data": [("kafka-connect", 3, "1/1"), ("debezium-orders", 1, "1/1"), ("airflow-scheduler", 1, "2/2"),
                 ("airflow-webserver", 1, "1/1")],
        "cert-manager": [("cert-manager", 1, "1/1"), ("cert-manager-cainjector", 1, "1/1"), ("cert-manager-webhook", 1, "1/1")],
        "argocd": [("argocd-server", 2, "1/1"), ("argocd-repo-server", 2, "1/1"), ("argocd-applicationset-controller", 1, "1/1")],
    }
    pods = [("checkout",) + p[:7] for p in CHECKOUT]
    for ns, deps in other.items():
        for name, n, ready in deps:
            h = rs_hash()
            for k in range(n):
                node = rnd.randrange(len(NODES))
                st, rs = "Running", "0"
                if name == "tracking-poller" and k == 1:
                    st, rs, ready2 = "CrashLoopBackOff", "41 (3m2s ago)", "0/1"
                else:
                    ready2 = ready
                    if rnd.random() < 0.12:
                        rs = f"{rnd.randint(1, 5)} ({age(rnd.randint(30, 5000))} ago)"
                pods.append((ns, f"{name}-{h}-{suffix()}", ready2, st, rs, age(rnd.randint(600, 60000)), ip(node), NODES[node]))
        if ns == "monitoring":
            for k in range(3):
                node = rnd.randrange(len(NODES))
                pods.append((ns, f"alertmanager-main-{k}", "2/2", "Running", "0", "21d", ip(node), NODES[node]))
                pods.append((ns, f"prometheus-k8s-{k}", "2/2", "Running", "0", "21d", ip(node), NODES[node]))
    for k, node in enumerate(NODES):  # daemonsets
        for ds, ready in [("aws-node", "2/2"), ("kube-proxy", "1/1"), ("ebs-csi-node", "3/3"), ("node-exporter", "2/2"),
                          ("fluent-bit", "1/1")]:
            ns = "monitoring" if ds in ("node-exporter", "fluent-bit") else "kube-system"
            pods.append((ns, f"{ds}-{suffix()}", ready, "Running", "0", age(rnd.randint(20000, 70000)),
                         f"10.42.{17 + k // 2}.{rnd.randint(2, 250)}", node))
    pods.sort(key=lambda p: (p[0], p[1]))
    for p in pods:
        rows.append(list(p) + ["<none>", "<none>"])
    return kubectl_table(rows)


def uid():
    h = "%032x" % rnd.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def events():
    rows = [["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]]
    ev = []
    crash_uid = uid()
    for p in CHECKOUT:
        name = p[0]
        dep = name.rsplit("-", 2)[0]
        if p[7] < 60 and name not in (CRASH_POD, PENDING_POD, PULL_POD, "payments-api-6d8f7b9c54-vb7xj"):
            t = p[7]
            ev.append((t, "Normal", "Scheduled", f"pod/{name}", f"Successfully assigned checkout/{name} to {p[6]}"))
            ev.append((t - 1, "Normal", "Pulled", f"pod/{name}",
                       f"Container image \"{REGISTRY}/{dep}:{rnd.randint(1, 4)}.{rnd.randint(0, 30)}.{rnd.randint(0, 9)}\" already present on machine"))
            ev.append((t - 1, "Normal", "Created", f"pod/{name}", f"Created container {dep}"))
            ev.append((t - 1, "Normal", "Started", f"pod/{name}", f"Started container {dep}"))
            ev.append((t - 2, "Warning", "Unhealthy", f"pod/{name}",
                       "Readiness probe failed: HTTP probe failed with statuscode: 503"))
    for p in CHECKOUT:  # the usual background: probes flapping on busy pods
        if p[2] == "Running" and rnd.random() < 0.3:
            for k in range(rnd.randint(1, 3)):
                ev.append((rnd.randint(3, 59), "Warning", "Unhealthy", f"pod/{p[0]}",
                           rnd.choice(["Readiness probe failed: HTTP probe failed with statuscode: 503",
                                       f"Readiness probe failed: Get \"http://{p[5]}:8081/actuator/health/readiness\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)",
                                       f"Liveness probe failed: Get \"http://{p[5]}:8081/actuator/health/liveness\": net/http: request canceled (Client.Timeout exceeded while awaiting headers)"])))
    for name in (CRASH_POD, "payments-api-6d8f7b9c54-vb7xj"):
        ev.append((52, "Normal", "Scheduled", f"pod/{name}", f"Successfully assigned checkout/{name} to {NODES[2]}"))
        ev.append((51, "Normal", "Pulled", f"pod/{name}",
                   f"Successfully pulled image \"{REGISTRY}/payments-api:4.12.0\" in 9.214s (9.214s including waiting). Image size: 187442210 bytes."))
    for name in (CRASH_POD, "payments-api-6d8f7b9c54-vb7xj"):
        ev.append((2, "Warning", "BackOff", f"pod/{name}",
                   f"Back-off restarting failed container payments-api in pod {name}_checkout({crash_uid if name == CRASH_POD else uid()})"))
        ev.append((4, "Normal", "Pulled", f"pod/{name}",
                   f"Container image \"{REGISTRY}/payments-api:4.12.0\" already present on machine"))
        ev.append((5, "Warning", "Unhealthy", f"pod/{name}",
                   "Liveness probe failed: Get \"http://10.42.3.17:8080/actuator/health/liveness\": dial tcp 10.42.3.17:8080: connect: connection refused"))
    ev.append((52, "Normal", "ScalingReplicaSet", "deployment/payments-api",
               "Scaled up replica set payments-api-6d8f7b9c54 to 2 from 0"))
    ev.append((51, "Normal", "ScalingReplicaSet", "deployment/payments-api",
               "Scaled down replica set payments-api-59c7d8b6f9 to 5 from 6"))
    ev.append((50, "Normal", "SuccessfulCreate", "replicaset/payments-api-6d8f7b9c54",
               "Created pod: " + CRASH_POD))
    ev.append((49, "Warning", "ProgressDeadlineExceeded", "deployment/payments-api",
               "Deployment \"payments-api\" has timed out progressing. ReplicaSet \"payments-api-6d8f7b9c54\" has timed out progressing."))
    ev.append((1, "Warning", "OOMKilling", f"pod/{OOM_POD}",
               "Memory cgroup out of memory: Killed process 28817 (java) total-vm:7340032kB, anon-rss:1572864kB, file-rss:20480kB, shmem-rss:0kB, UID:10001 pgtables:3608kB oom_score_adj:985"))
    ev.append((1, "Warning", "BackOff", f"pod/{OOM_POD}",
               f"Back-off restarting failed container order-worker in pod {OOM_POD}_checkout({uid()})"))
    ev.append((3, "Warning", "Failed", f"pod/{PULL_POD}",
               f"Failed to pull image \"{REGISTRY}/inventory-sync:2.8.1\": rpc error: code = NotFound desc = failed to pull and unpack image \"{REGISTRY}/inventory-sync:2.8.1\": failed to resolve reference \"{REGISTRY}/inventory-sync:2.8.1\": {REGISTRY}/inventory-sync:2.8.1: not found"))
    ev.append((3, "Warning", "Failed", f"pod/{PULL_POD}", "Error: ErrImagePull"))
    ev.append((2, "Normal", "BackOff", f"pod/{PULL_POD}", f"Back-off pulling image \"{REGISTRY}/inventory-sync:2.8.1\""))
    ev.append((2, "Warning", "Failed", f"pod/{PULL_POD}", "Error: ImagePullBackOff"))
    ev.append((6, "Warning", "FailedScheduling", f"pod/{PENDING_POD}",
               "0/7 nodes are available: 2 Insufficient memory, 5 node(s) didn't match pod anti-affinity rules. preemption: 0/7 nodes are available: 2 No preemption victims found for incoming pod, 5 Preemption is not helpful for scheduling."))
    ev.append((7, "Normal", "TriggeredScaleUp", f"pod/{PENDING_POD}",
               "pod triggered scale-up: [{eks-general-2c4d7e1f-8a1b-4c2d-9e3f-0a1b2c3d4e5f 7->8 (max: 12)}]"))
    ev.append((11, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/checkout-web",
               "New size: 8; reason: cpu resource utilization (percentage of request) above target"))
    ev.append((18, "Warning", "FailedGetResourceMetric", "horizontalpodautoscaler/fraud-scorer",
               "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API"))
    ev.append((25, "Normal", "SuccessfulCreate", "job/ledger-reconcile-29411640", "Created pod: ledger-reconcile-29411640-" + suffix()))
    ev.append((24, "Warning", "BackoffLimitExceeded", "job/ledger-reconcile-29411640", "Job has reached the specified backoff limit"))
    ev.append((26, "Normal", "SawCompletedJob", "cronjob/ledger-reconcile", "Saw completed job: ledger-reconcile-29411580, status: Complete"))
    ev.sort(key=lambda e: -e[0])
    for t, typ, reason, obj, msg in ev:
        rows.append([f"{t}m" if t > 0 else f"{rnd.randint(5, 59)}s", typ, reason, obj, msg])
    return kubectl_table(rows)


def describe_crash_pod():
    cid = "%064x" % rnd.getrandbits(256)
    digest = "%064x" % rnd.getrandbits(256)
    return f"""Name:             {CRASH_POD}
Namespace:        checkout
Priority:         100000
Priority Class Name:  business-critical
Service Account:  payments-api
Node:             {NODES[2]}/10.42.18.141
Start Time:       Fri, 27 Nov 2026 09:14:07 +0000
Labels:           app.kubernetes.io/instance=payments-api
                  app.kubernetes.io/name=payments-api
                  app.kubernetes.io/version=4.12.0
                  pod-template-hash=6d8f7b9c54
Annotations:      checksum/config: 3b1e0c5d9a47f2e8b6c1d0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b
                  kubectl.kubernetes.io/restartedAt: 2026-11-27T09:13:58Z
                  prometheus.io/path: /actuator/prometheus
                  prometheus.io/port: 8081
                  prometheus.io/scrape: true
Status:           Running
IP:               10.42.3.17
IPs:
  IP:           10.42.3.17
Controlled By:  ReplicaSet/payments-api-6d8f7b9c54
Containers:
  payments-api:
    Container ID:  containerd://{cid}
    Image:         {REGISTRY}/payments-api:4.12.0
    Image ID:      {REGISTRY}/payments-api@sha256:{digest}
    Ports:         8080/TCP, 8081/TCP
    Host Ports:    0/TCP, 0/TCP
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Fri, 27 Nov 2026 10:01:44 +0000
      Finished:     Fri, 27 Nov 2026 10:01:58 +0000
    Ready:          False
    Restart Count:  14
    Limits:
      memory:  1536Mi
    Requests:
      cpu:      500m
      memory:   1Gi
    Liveness:   http-get http://:8081/actuator/health/liveness delay=30s timeout=2s period=10s #success=1 #failure=3
    Readiness:  http-get http://:8081/actuator/health/readiness delay=10s timeout=2s period=5s #success=1 #failure=3
    Startup:    http-get http://:8081/actuator/health/liveness delay=0s timeout=2s period=5s #success=1 #failure=24
    Environment Variables from:
      payments-api-config  ConfigMap  Optional: false
    Environment:
      SPRING_PROFILES_ACTIVE:      prod
      JAVA_TOOL_OPTIONS:           -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError
      DB_URL:                      jdbc:postgresql://pgbouncer.checkout.svc:6432/payments
      DB_USER:                     payments_app
      DB_PASSWORD:                 <set to the key 'password' in secret 'payments-db-v7'>  Optional: false
      ACQUIRER_API_KEY:            <set to the key 'api-key' in secret 'acquirer-credentials'>  Optional: false
      OTEL_EXPORTER_OTLP_ENDPOINT:  http://otel-collector-agent.monitoring:4317
      POD_NAME:                    {CRASH_POD} (v1:metadata.name)
    Mounts:
      /etc/payments/tls from acquirer-tls (ro)
      /tmp from tmp (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8vx2d (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  acquirer-tls:
    Type:        Secret (a volume populated by a Secret)
    SecretName:  acquirer-tls
    Optional:    false
  tmp:
    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:     
    SizeLimit:  <unset>
  kube-api-access-8vx2d:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              node.acme-shop.example/pool=general
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                   From               Message
  ----     ------     ----                  ----               -------
  Normal   Scheduled  52m                   default-scheduler  Successfully assigned checkout/{CRASH_POD} to {NODES[2]}
  Normal   Pulling    52m                   kubelet            Pulling image "{REGISTRY}/payments-api:4.12.0"
  Normal   Pulled     51m                   kubelet            Successfully pulled image "{REGISTRY}/payments-api:4.12.0" in 9.214s (9.214s including waiting). Image size: 187442210 bytes.
  Normal   Created    38m (x8 over 51m)     kubelet            Created container payments-api
  Normal   Started    38m (x8 over 51m)     kubelet            Started container payments-api
  Warning  Unhealthy  37m (x21 over 51m)    kubelet            Startup probe failed: Get "http://10.42.3.17:8081/actuator/health/liveness": dial tcp 10.42.3.17:8081: connect: connection refused
  Normal   Pulled     7m33s (x14 over 51m)  kubelet            Container image "{REGISTRY}/payments-api:4.12.0" already present on machine
  Warning  BackOff    2m11s (x201 over 50m)  kubelet            Back-off restarting failed container payments-api in pod {CRASH_POD}_checkout(0c5e7d2a-41f8-4b6e-9d3c-7a2b1e0f9c8d)
"""


def crash_logs():
    lines = []
    t0 = (10, 1, 44)
    ms = 120

    def log(level, logger, thread, msg, extra=None):
        nonlocal ms
        ms += rnd.randint(3, 400)
        s = t0[2] + ms // 1000
        rec = {"@timestamp": f"2026-11-27T10:{t0[1]:02d}:{s:02d}.{ms % 1000:03d}Z", "@version": "1", "message": msg,
               "logger_name": logger, "thread_name": thread, "level": level, "level_value":
                   {"INFO": 20000, "WARN": 30000, "ERROR": 40000, "DEBUG": 10000}[level],
               "service": "payments-api", "version": "4.12.0", "pod": CRASH_POD}
        if extra:
            rec.update(extra)
        lines.append(json.dumps(rec, separators=(",", ":")))

    log("INFO", "com.acme.payments.PaymentsApplication", "main",
        "Starting PaymentsApplication v4.12.0 using Java 21.0.5 with PID 1 (/app/payments-api.jar started by app in /app)")
    log("INFO", "com.acme.payments.PaymentsApplication", "main", "The following 1 profile is active: \"prod\"")
    for m in ["Bootstrapping Spring Data JPA repositories in DEFAULT mode.",
              "Finished Spring Data repository scanning in 214 ms. Found 11 JPA repository interfaces.",
              "Tomcat initialized with port 8080 (http)", "Starting service [Tomcat]",
              "Starting Servlet engine: [Apache Tomcat/10.1.33]", "Initializing Spring embedded WebApplicationContext",
              "Root WebApplicationContext: initialization completed in 3871 ms"]:
        log("INFO", rnd.choice(["o.s.d.r.c.RepositoryConfigurationDelegate", "o.s.b.w.embedded.tomcat.TomcatWebServer",
                                "o.apache.catalina.core.StandardService", "o.s.b.w.s.c.ServletWebServerApplicationContext"]),
            "main", m)
    for k in range(18):
        log(rnd.choice(["INFO", "DEBUG"]), rnd.choice(["c.a.p.acquirer.AcquirerClient", "c.a.p.config.FeatureFlags",
                                                        "io.opentelemetry.exporter", "c.a.p.risk.RulesLoader"]), "main",
            rnd.choice([f"Loaded {rnd.randint(20, 90)} risk rules from classpath:rules/prod",
                        "Feature flag payments.3ds2.frictionless=true", "Feature flag payments.retry-budget=false",
                        f"Acquirer endpoint https://acquirer.example.net/v3 (timeout {rnd.randint(2, 5)}s)",
                        "OTLP exporter configured: http://otel-collector-agent.monitoring:4317"]))
    log("INFO", "com.zaxxer.hikari.HikariDataSource", "main", "HikariPool-1 - Starting...")
    trace = ("org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"payments_app\"\n"
             "\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)\n"
             "\tat org.postgresql.core.v3.ConnectionFactoryImpl.tryConnect(ConnectionFactoryImpl.java:203)\n"
             "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:258)\n"
             "\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)\n"
             "\tat org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:263)\n"
             "\tat org.postgresql.Driver.makeConnection(Driver.java:443)\n"
             "\tat org.postgresql.Driver.connect(Driver.java:297)\n"
             "\tat com.zaxxer.hikari.util.DriverDataSource.getConnection(DriverDataSource.java:137)\n"
             "\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:360)\n"
             "\tat com.zaxxer.hikari.pool.PoolBase.newPoolEntry(PoolBase.java:202)\n"
             "\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:461)\n"
             "\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:550)\n"
             "\tat com.zaxxer.hikari.pool.HikariPool.<init>(HikariPool.java:98)\n"
             "\tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:111)\n"
             "\tat org.flywaydb.core.internal.jdbc.JdbcUtils.openConnection(JdbcUtils.java:48)\n"
             "\t... 47 common frames omitted\n")
    log("ERROR", "com.zaxxer.hikari.pool.HikariPool", "main", "HikariPool-1 - Exception during pool initialization.",
        {"stack_trace": trace})
    log("WARN", "o.s.b.w.s.c.AnnotationConfigServletWebServerApplicationContext", "main",
        "Exception encountered during context initialization - cancelling refresh attempt: "
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer' "
        "defined in class path resource [org/springframework/boot/autoconfigure/flyway/FlywayAutoConfiguration$FlywayConfiguration.class]: "
        "Unable to obtain connection from database: FATAL: password authentication failed for user \"payments_app\"")
    log("INFO", "o.apache.catalina.core.StandardService", "main", "Stopping service [Tomcat]")
    log("INFO", "o.s.b.a.l.ConditionEvaluationReportLogger", "main",
        "\n\nError starting ApplicationContext. To display the condition evaluation report re-run your application with 'debug' enabled.")
    log("ERROR", "o.s.boot.SpringApplication", "main", "Application run failed",
        {"stack_trace": "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'flywayInitializer': "
                        "Unable to obtain connection from database: FATAL: password authentication failed for user \"payments_app\"\n"
                        "SQL State  : 28P01\nError Code : 0\nMessage    : FATAL: password authentication failed for user \"payments_app\"\n"
                        "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)\n"
                        "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:335)\n"
                        "\tat com.acme.payments.PaymentsApplication.main(PaymentsApplication.java:14)\n"
                        "Caused by: " + trace})
    return "\n".join(lines) + "\n"


def deployment_yaml():
    last_applied = json.dumps({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {
        "annotations": {}, "labels": {"app.kubernetes.io/instance": "payments-api", "app.kubernetes.io/name": "payments-api"},
        "name": "payments-api", "namespace": "checkout"}, "spec": {"replicas": 6, "revisionHistoryLimit": 10, "selector": {
        "matchLabels": {"app.kubernetes.io/name": "payments-api"}}, "strategy": {"rollingUpdate": {"maxSurge": "25%",
        "maxUnavailable": 0}, "type": "RollingUpdate"}, "template": {"spec": {"containers": [{"image": f"{REGISTRY}/payments-api:4.12.0",
        "name": "payments-api"}]}}}}, separators=(",", ":"))
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    argocd.argoproj.io/tracking-id: checkout-payments:apps/Deployment:checkout/payments-api
    deployment.kubernetes.io/revision: "37"
    kubectl.kubernetes.io/last-applied-configuration: |
      {last_applied}
  creationTimestamp: "2025-03-11T08:21:54Z"
  generation: 52
  labels:
    app.kubernetes.io/instance: payments-api
    app.kubernetes.io/managed-by: argocd
    app.kubernetes.io/name: payments-api
    app.kubernetes.io/part-of: checkout
  name: payments-api
  namespace: checkout
  resourceVersion: "918273645"
  uid: 6f1d2c3b-8a9e-4f0d-b1c2-3d4e5f6a7b8c
spec:
  progressDeadlineSeconds: 600
  replicas: 6
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app.kubernetes.io/instance: payments-api
      app.kubernetes.io/name: payments-api
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
    type: RollingUpdate
  template:
    metadata:
      annotations:
        checksum/config: 3b1e0c5d9a47f2e8b6c1d0a9f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6b
        kubectl.kubernetes.io/restartedAt: "2026-11-27T09:13:58Z"
        prometheus.io/path: /actuator/prometheus
        prometheus.io/port: "8081"
        prometheus.io/scrape: "true"
      creationTimestamp: null
      labels:
        app.kubernetes.io/instance: payments-api
        app.kubernetes.io/name: payments-api
        app.kubernetes.io/version: 4.12.0
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchLabels:
                  app.kubernetes.io/name: payments-api
              topologyKey: topology.kubernetes.io/zone
            weight: 100
      containers:
      - env:
        - name: SPRING_PROFILES_ACTIVE
          value: prod
        - name: JAVA_TOOL_OPTIONS
          value: -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError
        - name: DB_URL
          value: jdbc:postgresql://pgbouncer.checkout.svc:6432/payments
        - name: DB_USER
          value: payments_app
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              key: password
              name: payments-db-v7
        - name: ACQUIRER_API_KEY
          valueFrom:
            secretKeyRef:
              key: api-key
              name: acquirer-credentials
        - name: OTEL_EXPORTER_OTLP_ENDPOINT
          value: http://otel-collector-agent.monitoring:4317
        - name: POD_NAME
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: metadata.name
        envFrom:
        - configMapRef:
            name: payments-api-config
        image: {REGISTRY}/payments-api:4.12.0
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 3
          httpGet:
            path: /actuator/health/liveness
            port: 8081
            scheme: HTTP
          initialDelaySeconds: 30
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 2
        name: payments-api
        ports:
        - containerPort: 8080
          name: http
          protocol: TCP
        - containerPort: 8081
          name: management
          protocol: TCP
        readinessProbe:
          failureThreshold: 3
          httpGet:
            path: /actuator/health/readiness
            port: 8081
            scheme: HTTP
          initialDelaySeconds: 10
          periodSeconds: 5
          successThreshold: 1
          timeoutSeconds: 2
        resources:
          limits:
            memory: 1536Mi
          requests:
            cpu: 500m
            memory: 1Gi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          runAsNonRoot: true
          runAsUser: 10001
        startupProbe:
          failureThreshold: 24
          httpGet:
            path: /actuator/health/liveness
            port: 8081
            scheme: HTTP
          periodSeconds: 5
          successThreshold: 1
          timeoutSeconds: 2
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /etc/payments/tls
          name: acquirer-tls
          readOnly: true
        - mountPath: /tmp
          name: tmp
      dnsPolicy: ClusterFirst
      nodeSelector:
        node.acme-shop.example/pool: general
      priorityClassName: business-critical
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext:
        fsGroup: 10001
      serviceAccount: payments-api
      serviceAccountName: payments-api
      terminationGracePeriodSeconds: 45
      volumes:
      - name: acquirer-tls
        secret:
          defaultMode: 420
          secretName: acquirer-tls
      - emptyDir: {{}}
        name: tmp
status:
  availableReplicas: 4
  conditions:
  - lastTransitionTime: "2026-11-02T14:40:12Z"
    lastUpdateTime: "2026-11-02T14:40:12Z"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  - lastTransitionTime: "2026-11-27T10:04:08Z"
    lastUpdateTime: "2026-11-27T10:04:08Z"
    message: ReplicaSet "payments-api-6d8f7b9c54" has timed out progressing.
    reason: ProgressDeadlineExceeded
    status: "False"
    type: Progressing
  observedGeneration: 52
  readyReplicas: 4
  replicas: 6
  unavailableReplicas: 2
  updatedReplicas: 2
"""


def hpa_json():
    items = []
    for name, mn, mx, cur, tgt, util in [("checkout-web", 4, 20, 8, 70, 83), ("payments-api", 4, 12, 6, 65, 41),
                                          ("cart-service", 2, 10, 4, 70, 52), ("fraud-scorer", 2, 8, 3, 60, None),
                                          ("order-worker", 3, 15, 5, 75, 96), ("pricing-engine", 2, 6, 3, 70, 34)]:
        cond = [{"lastTransitionTime": "2026-11-20T07:12:33Z", "message": "recommended size matches current size",
                 "reason": "ReadyForNewScale", "status": "True", "type": "AbleToScale"},
                {"lastTransitionTime": "2026-11-27T09:44:10Z",
                 "message": "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)"
                 if util is not None else "the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API",
                 "reason": "ValidMetricFound" if util is not None else "FailedGetResourceMetric",
                 "status": "True" if util is not None else "False", "type": "ScalingActive"},
                {"lastTransitionTime": "2026-11-27T08:02:51Z", "message": "the desired count is within the acceptable range",
                 "reason": "DesiredWithinRange", "status": "False", "type": "ScalingLimited"}]
        items.append({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {
            "annotations": {"argocd.argoproj.io/tracking-id": f"checkout-{name}:autoscaling/HorizontalPodAutoscaler:checkout/{name}"},
            "creationTimestamp": "2025-03-11T08:21:55Z", "labels": {"app.kubernetes.io/name": name},
            "name": name, "namespace": "checkout", "resourceVersion": str(918270000 + rnd.randint(0, 9999)), "uid": uid()},
            "spec": {"behavior": {"scaleDown": {"policies": [{"periodSeconds": 60, "type": "Percent", "value": 10}],
                                                "selectPolicy": "Max", "stabilizationWindowSeconds": 300},
                                  "scaleUp": {"policies": [{"periodSeconds": 15, "type": "Pods", "value": 4},
                                                           {"periodSeconds": 15, "type": "Percent", "value": 100}],
                                              "selectPolicy": "Max", "stabilizationWindowSeconds": 0}},
                     "maxReplicas": mx, "metrics": [{"resource": {"name": "cpu", "target": {"averageUtilization": tgt,
                                                                                            "type": "Utilization"}}, "type": "Resource"}],
                     "minReplicas": mn, "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name}},
            "status": {"conditions": cond, "currentMetrics": [{"resource": {"current": {"averageUtilization": util,
                       "averageValue": f"{rnd.randint(200, 900)}m"}, "name": "cpu"}, "type": "Resource"}] if util is not None else [{"type": ""}],
                       "currentReplicas": cur, "desiredReplicas": cur, "lastScaleTime": "2026-11-27T09:44:25Z"}})
    return json.dumps({"apiVersion": "v1", "items": items, "kind": "List", "metadata": {"resourceVersion": ""}}, indent=4) + "\n"


def top_pods():
    rows = [["NAME", "CPU(cores)", "MEMORY(bytes)"]]
    data = []
    for p in CHECKOUT:
        if p[2] != "Running":
            continue  # no metrics for pods that are not running
        mem = rnd.randint(90, 1500) if "worker" in p[0] or "payments" in p[0] else rnd.randint(40, 900)
        data.append((p[0], f"{rnd.randint(1, 900)}m", f"{mem}Mi"))
    data.sort(key=lambda r: -int(r[2][:-2]))
    return kubectl_table(rows + [list(r) for r in data])


def answers():
    return [
        {"args": ["get", "pods", "-n", "checkout", "-o", "wide"], "stdout": get_pods_wide()},
        {"args": ["describe", "pod", CRASH_POD, "-n", "checkout"], "stdout": describe_crash_pod()},
        {"args": ["get", "events", "-n", "checkout", "--sort-by=.lastTimestamp"], "stdout": events()},
        {"args": ["logs", CRASH_POD, "-n", "checkout", "--previous", "--tail=200"], "stdout": crash_logs()},
        {"args": ["get", "deployment", "payments-api", "-n", "checkout", "-o", "yaml"], "stdout": deployment_yaml()},
        {"args": ["get", "pods", "-A", "-o", "wide"], "stdout": get_pods_all_wide()},
        {"args": ["get", "hpa", "-n", "checkout", "-o", "json"], "stdout": hpa_json()},
        {"args": ["top", "pods", "-n", "checkout", "--sort-by=memory"], "stdout": top_pods()},
    ]
