"""HELD-OUT DATA. Do not read this file while tuning the engine: it generates the tool outputs of the second
round of held-out sessions (see corpus/recorded/split.json). Projects of the scratch HOME and stand-in answers,
each with its own seed, made after everything else so no earlier output changes:

  shipment-tracker/   Spring Boot app (pom.xml; mvn dependency:tree stand-in answers for this dir)
  kubectl answers for the "search" namespace of another cluster (pods, events, a node, a pod)
  ops-console/        GraphQL and REST order API of the fulfilment service (served on 127.0.0.1:18474)
  admin-ui/           Node project with an .npmrc that makes npm warn (npm view against the registry)
  returns-worker/     Python service: a worker log with a traceback, a logfmt API log, code to search
"""
import json
import os
import random
import sys
import textwrap

from scratch_projects import commit, git, init, write

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "standins"))
from fmt import kubectl_table, tabwriter  # noqa: E402

GRAPHQL_PORT = 18474

# ---- shipment-tracker: mvn dependency:tree -------------------------------------------------------------------

BOOT = "3.3.5"
SPRING = "6.1.14"
GRPC = "1.67.1"
PB = "3.25.5"


def _n(coord, *children):
    return (coord, list(children))


def _boot(a, scope="compile", *children):
    return _n(f"org.springframework.boot:{a}:jar:{BOOT}:{scope}", *children)


def _spring(a, *children):
    return _n(f"org.springframework:{a}:jar:{SPRING}:compile", *children)


def _grpc(a, scope="compile", *children):
    return _n(f"io.grpc:{a}:jar:{GRPC}:{scope}", *children)


def tracker_tree():
    return _n("com.acme:shipment-tracker:jar:1.8.0-SNAPSHOT",
        _boot("spring-boot-starter-web", "compile",
              _boot("spring-boot-starter", "compile",
                    _boot("spring-boot"), _boot("spring-boot-autoconfigure"),
                    _boot("spring-boot-starter-logging", "compile",
                          _n("ch.qos.logback:logback-classic:jar:1.5.11:compile", _n("ch.qos.logback:logback-core:jar:1.5.11:compile")),
                          _n("org.apache.logging.log4j:log4j-to-slf4j:jar:2.23.1:compile", _n("org.apache.logging.log4j:log4j-api:jar:2.23.1:compile")),
                          _n("org.slf4j:jul-to-slf4j:jar:2.0.16:compile")),
                    _n("jakarta.annotation:jakarta.annotation-api:jar:2.1.1:compile"),
                    _spring("spring-core", _spring("spring-jcl")),
                    _n("org.yaml:snakeyaml:jar:2.2:compile")),
              _boot("spring-boot-starter-json", "compile",
                    _n("com.fasterxml.jackson.core:jackson-databind:jar:2.17.2:compile",
                       _n("com.fasterxml.jackson.core:jackson-annotations:jar:2.17.2:compile"),
                       _n("com.fasterxml.jackson.core:jackson-core:jar:2.17.2:compile")),
                    _n("com.fasterxml.jackson.datatype:jackson-datatype-jdk8:jar:2.17.2:compile"),
                    _n("com.fasterxml.jackson.datatype:jackson-datatype-jsr310:jar:2.17.2:compile"),
                    _n("com.fasterxml.jackson.module:jackson-module-parameter-names:jar:2.17.2:compile")),
              _boot("spring-boot-starter-tomcat", "compile",
                    _n("org.apache.tomcat.embed:tomcat-embed-core:jar:10.1.31:compile"),
                    _n("org.apache.tomcat.embed:tomcat-embed-el:jar:10.1.31:compile"),
                    _n("org.apache.tomcat.embed:tomcat-embed-websocket:jar:10.1.31:compile")),
              _spring("spring-web", _spring("spring-beans"),
                      _n("io.micrometer:micrometer-observation:jar:1.13.6:compile", _n("io.micrometer:micrometer-commons:jar:1.13.6:compile"))),
              _spring("spring-webmvc", _spring("spring-aop"), _spring("spring-context"), _spring("spring-expression"))),
        _boot("spring-boot-starter-actuator", "compile",
              _boot("spring-boot-actuator-autoconfigure", "compile", _boot("spring-boot-actuator")),
              _n("io.micrometer:micrometer-jakarta9:jar:1.13.6:compile", _n("io.micrometer:micrometer-core:jar:1.13.6:compile",
                 _n("org.hdrhistogram:HdrHistogram:jar:2.2.2:runtime"), _n("org.latencyutils:LatencyUtils:jar:2.0.3:runtime")))),
        _n("io.micrometer:micrometer-registry-prometheus:jar:1.13.6:runtime",
           _n("io.prometheus:prometheus-metrics-core:jar:1.2.1:runtime",
              _n("io.prometheus:prometheus-metrics-model:jar:1.2.1:runtime"),
              _n("io.prometheus:prometheus-metrics-config:jar:1.2.1:runtime")),
           _n("io.prometheus:prometheus-metrics-tracer-common:jar:1.2.1:runtime"),
           _n("io.prometheus:prometheus-metrics-exposition-formats:jar:1.2.1:runtime",
              _n("io.prometheus:prometheus-metrics-shaded-protobuf:jar:1.2.1:runtime"))),
        _n("org.springframework.kafka:spring-kafka:jar:3.2.4:compile",
           _spring("spring-messaging"), _spring("spring-tx"),
           _n("org.springframework.retry:spring-retry:jar:2.0.9:compile"),
           _n("org.apache.kafka:kafka-clients:jar:3.7.1:compile",
              _n("com.github.luben:zstd-jni:jar:1.5.6-3:runtime"), _n("org.lz4:lz4-java:jar:1.8.0:runtime"),
              _n("org.xerial.snappy:snappy-java:jar:1.1.10.5:runtime"))),
        _n("com.google.cloud:google-cloud-pubsub:jar:1.133.0:compile",
           _grpc("grpc-api"), _grpc("grpc-stub"),
           _grpc("grpc-protobuf", "compile", _grpc("grpc-protobuf-lite", "runtime")),
           _n("com.google.api:api-common:jar:2.38.0:compile", _n("javax.annotation:javax.annotation-api:jar:1.3.2:compile")),
           _n("com.google.auto.value:auto-value-annotations:jar:1.11.0:compile"),
           _n(f"com.google.protobuf:protobuf-java:jar:{PB}:compile"),
           _n(f"com.google.protobuf:protobuf-java-util:jar:{PB}:compile"),
           _n("com.google.api.grpc:proto-google-common-protos:jar:2.46.0:compile"),
           _n("com.google.api.grpc:proto-google-cloud-pubsub-v1:jar:1.115.0:compile"),
           _n("com.google.api.grpc:proto-google-iam-v1:jar:1.41.0:compile"),
           _n("com.google.guava:guava:jar:33.3.1-jre:compile",
              _n("com.google.guava:failureaccess:jar:1.0.2:compile"),
              _n("com.google.guava:listenablefuture:jar:9999.0-empty-to-avoid-conflict-with-guava:compile"),
              _n("com.google.code.findbugs:jsr305:jar:3.0.2:compile"),
              _n("org.checkerframework:checker-qual:jar:3.47.0:compile"),
              _n("com.google.errorprone:error_prone_annotations:jar:2.32.0:compile"),
              _n("com.google.j2objc:j2objc-annotations:jar:3.0.0:compile")),
           _n("com.google.api:gax:jar:2.55.0:compile", _n("io.opencensus:opencensus-api:jar:0.31.1:compile")),
           _n("com.google.api:gax-grpc:jar:2.55.0:compile",
              _grpc("grpc-inprocess"), _grpc("grpc-alts"), _grpc("grpc-grpclb"),
              _n("org.conscrypt:conscrypt-openjdk-uber:jar:2.5.2:compile"), _grpc("grpc-auth"),
              _grpc("grpc-googleapis", "runtime"), _grpc("grpc-xds", "runtime",
                  _n("io.opencensus:opencensus-proto:jar:0.2.0:runtime"),
                  _n("com.google.re2j:re2j:jar:1.7:runtime"))),
           _n("com.google.auth:google-auth-library-credentials:jar:1.28.0:compile"),
           _n("com.google.auth:google-auth-library-oauth2-http:jar:1.28.0:compile",
              _n("com.google.http-client:google-http-client-gson:jar:1.45.0:compile")),
           _n("org.threeten:threetenbp:jar:1.7.0:compile"),
           _grpc("grpc-netty-shaded", "runtime"), _grpc("grpc-core"),
           _n("com.google.code.gson:gson:jar:2.10.1:compile"),
           _n("io.perfmark:perfmark-api:jar:0.27.0:runtime"), _grpc("grpc-context"),
           _n("com.google.android:annotations:jar:4.1.1.4:runtime"),
           _n("org.codehaus.mojo:animal-sniffer-annotations:jar:1.24:runtime"),
           _n("com.google.http-client:google-http-client:jar:1.45.0:compile",
              _n("org.apache.httpcomponents:httpclient:jar:4.5.14:compile", _n("commons-codec:commons-codec:jar:1.16.1:compile")),
              _n("org.apache.httpcomponents:httpcore:jar:4.4.16:compile")),
           _n("io.opentelemetry:opentelemetry-api:jar:1.37.0:compile", _n("io.opentelemetry:opentelemetry-context:jar:1.37.0:compile")),
           _grpc("grpc-util", "runtime")),
        _n("com.acme.carrier:carrier-events-proto:jar:2.0.0:compile"),
        _n("com.acme.carrier:dhl-client:jar:4.3.1:compile",
           _n("com.squareup.okhttp3:okhttp:jar:4.12.0:compile",
              _n("com.squareup.okio:okio:jar:3.6.0:compile", _n("com.squareup.okio:okio-jvm:jar:3.6.0:compile")),
              _n("org.jetbrains.kotlin:kotlin-stdlib-jdk8:jar:1.9.25:compile",
                 _n("org.jetbrains.kotlin:kotlin-stdlib:jar:1.9.25:compile", _n("org.jetbrains:annotations:jar:13.0:compile")),
                 _n("org.jetbrains.kotlin:kotlin-stdlib-jdk7:jar:1.9.25:compile"))),
           _n("io.github.resilience4j:resilience4j-retry:jar:2.2.0:compile", _n("io.github.resilience4j:resilience4j-core:jar:2.2.0:compile"))),
        _boot("spring-boot-starter-data-jpa", "compile",
              _boot("spring-boot-starter-jdbc", "compile", _n("com.zaxxer:HikariCP:jar:5.1.0:compile"), _spring("spring-jdbc")),
              _n("org.hibernate.orm:hibernate-core:jar:6.5.3.Final:compile",
                 _n("jakarta.persistence:jakarta.persistence-api:jar:3.1.0:compile"),
                 _n("jakarta.transaction:jakarta.transaction-api:jar:2.0.1:compile"),
                 _n("org.jboss.logging:jboss-logging:jar:3.5.3.Final:runtime"),
                 _n("org.hibernate.common:hibernate-commons-annotations:jar:6.0.6.Final:runtime"),
                 _n("io.smallrye:jandex:jar:3.1.2:runtime"), _n("com.fasterxml:classmate:jar:1.7.0:runtime"),
                 _n("net.bytebuddy:byte-buddy:jar:1.14.19:runtime"),
                 _n("org.glassfish.jaxb:jaxb-runtime:jar:4.0.5:runtime",
                    _n("org.glassfish.jaxb:jaxb-core:jar:4.0.5:runtime",
                       _n("org.eclipse.angus:angus-activation:jar:2.0.2:runtime"),
                       _n("org.glassfish.jaxb:txw2:jar:4.0.5:runtime"),
                       _n("com.sun.istack:istack-commons-runtime:jar:4.1.2:runtime"))),
                 _n("jakarta.inject:jakarta.inject-api:jar:2.0.1:runtime"),
                 _n("org.antlr:antlr4-runtime:jar:4.13.0:compile")),
              _n("org.springframework.data:spring-data-jpa:jar:3.3.5:compile",
                 _n("org.springframework.data:spring-data-commons:jar:3.3.5:compile"), _spring("spring-orm"),
                 _n("org.slf4j:slf4j-api:jar:2.0.16:compile")),
              _spring("spring-aspects", _n("org.aspectj:aspectjweaver:jar:1.9.22.1:compile"))),
        _n("org.flywaydb:flyway-core:jar:10.10.0:compile",
           _n("com.fasterxml.jackson.dataformat:jackson-dataformat-toml:jar:2.17.2:compile")),
        _n("org.flywaydb:flyway-database-postgresql:jar:10.10.0:runtime"),
        _n("org.postgresql:postgresql:jar:42.7.4:runtime"),
        _boot("spring-boot-starter-test", "test",
              _boot("spring-boot-test", "test"), _boot("spring-boot-test-autoconfigure", "test"),
              _n("com.jayway.jsonpath:json-path:jar:2.9.0:test"),
              _n("jakarta.xml.bind:jakarta.xml.bind-api:jar:4.0.2:test", _n("jakarta.activation:jakarta.activation-api:jar:2.1.3:test")),
              _n("net.minidev:json-smart:jar:2.5.1:test", _n("net.minidev:accessors-smart:jar:2.5.1:test", _n("org.ow2.asm:asm:jar:9.6:test"))),
              _n("org.assertj:assertj-core:jar:3.25.3:test"),
              _n("org.awaitility:awaitility:jar:4.2.2:test"),
              _n("org.hamcrest:hamcrest:jar:2.2:test"),
              _n("org.junit.jupiter:junit-jupiter:jar:5.10.5:test",
                 _n("org.junit.jupiter:junit-jupiter-api:jar:5.10.5:test",
                    _n("org.opentest4j:opentest4j:jar:1.3.0:test"), _n("org.junit.platform:junit-platform-commons:jar:1.10.5:test"),
                    _n("org.apiguardian:apiguardian-api:jar:1.1.2:test")),
                 _n("org.junit.jupiter:junit-jupiter-params:jar:5.10.5:test"),
                 _n("org.junit.jupiter:junit-jupiter-engine:jar:5.10.5:test", _n("org.junit.platform:junit-platform-engine:jar:1.10.5:test"))),
              _n("org.mockito:mockito-core:jar:5.11.0:test", _n("net.bytebuddy:byte-buddy-agent:jar:1.14.19:test"),
                 _n("org.objenesis:objenesis:jar:3.3:test")),
              _n("org.mockito:mockito-junit-jupiter:jar:5.11.0:test"),
              _n("org.skyscreamer:jsonassert:jar:1.5.3:test", _n("com.vaadin.external.google:android-json:jar:0.0.20131108.vaadin1:test")),
              _n(f"org.springframework:spring-test:jar:{SPRING}:test"),
              _n("org.xmlunit:xmlunit-core:jar:2.9.1:test")),
        _n("org.springframework.kafka:spring-kafka-test:jar:3.2.4:test",
           _n("org.apache.zookeeper:zookeeper:jar:3.8.4:test", _n("org.apache.zookeeper:zookeeper-jute:jar:3.8.4:test"),
              _n("org.apache.yetus:audience-annotations:jar:0.12.0:test")),
           _n("org.apache.kafka:kafka-clients:jar:test:3.7.1:test"),
           _n("org.apache.kafka:kafka-server-common:jar:3.7.1:test"),
           _n("org.apache.kafka:kafka_2.13:jar:3.7.1:test",
              _n("org.scala-lang:scala-library:jar:2.13.12:test"),
              _n("com.typesafe.scala-logging:scala-logging_2.13:jar:3.9.4:test"),
              _n("io.dropwizard.metrics:metrics-core:jar:4.2.28:test"))),
        _n("org.testcontainers:kafka:jar:1.19.8:test",
           _n("org.testcontainers:testcontainers:jar:1.19.8:test",
              _n("org.apache.commons:commons-compress:jar:1.24.0:test"), _n("org.rnorth.duct-tape:duct-tape:jar:1.0.8:test"),
              _n("com.github.docker-java:docker-java-api:jar:3.3.6:test"),
              _n("com.github.docker-java:docker-java-transport-zerodep:jar:3.3.6:test",
                 _n("com.github.docker-java:docker-java-transport:jar:3.3.6:test"), _n("net.java.dev.jna:jna:jar:5.13.0:test")))),
        _n("org.testcontainers:postgresql:jar:1.19.8:test", _n("org.testcontainers:jdbc:jar:1.19.8:test",
           _n("org.testcontainers:database-commons:jar:1.19.8:test"))))


def _render(node, lines, prefix="", last=True, root=True):
    coord, children = node
    if root:
        lines.append(coord)
    else:
        lines.append(prefix + ("\\- " if last else "+- ") + coord)
    child_prefix = "" if root else prefix + ("   " if last else "|  ")
    for i, c in enumerate(children):
        _render(c, lines, child_prefix, i == len(children) - 1, False)


def _mvn(lines, took, at):
    head = ["Scanning for projects...", "",
            "------------------< com.acme:shipment-tracker >-------------------",
            "Building shipment-tracker 1.8.0-SNAPSHOT", "  from pom.xml",
            "--------------------------------[ jar ]---------------------------------", "",
            "--- dependency:3.8.1:tree (default-cli) @ shipment-tracker ---"]
    tail = ["------------------------------------------------------------------------", "BUILD SUCCESS",
            "------------------------------------------------------------------------",
            f"Total time:  {took} s", f"Finished at: {at}",
            "------------------------------------------------------------------------"]
    return "".join(f"[INFO] {line}\n" for line in head + lines + tail)


def mvn_tree_tracker():
    lines = []
    _render(tracker_tree(), lines)
    return _mvn(lines, "2.617", "2026-12-05T09:12:44Z")


def mvn_tree_verbose_protobuf():
    lines = [
        "com.acme:shipment-tracker:jar:1.8.0-SNAPSHOT",
        "+- com.google.cloud:google-cloud-pubsub:jar:1.133.0:compile",
        f"|  +- io.grpc:grpc-protobuf:jar:{GRPC}:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - version managed from 3.25.3; omitted for duplicate)",
        f"|  +- com.google.protobuf:protobuf-java:jar:{PB}:compile",
        f"|  +- com.google.protobuf:protobuf-java-util:jar:{PB}:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - omitted for duplicate)",
        "|  +- com.google.api.grpc:proto-google-common-protos:jar:2.46.0:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - omitted for duplicate)",
        "|  +- com.google.api.grpc:proto-google-cloud-pubsub-v1:jar:1.115.0:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - omitted for duplicate)",
        "|  +- com.google.api.grpc:proto-google-iam-v1:jar:1.41.0:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - omitted for duplicate)",
        "|  +- com.google.api:gax:jar:2.55.0:compile",
        f"|  |  \\- (com.google.protobuf:protobuf-java:jar:{PB}:compile - omitted for duplicate)",
        "|  \\- com.google.api:gax-grpc:jar:2.55.0:compile",
        f"|     \\- io.grpc:grpc-xds:jar:{GRPC}:runtime",
        f"|        \\- (com.google.protobuf:protobuf-java-util:jar:{PB}:runtime - version managed from 3.25.3; omitted for duplicate)",
        "\\- com.acme.carrier:carrier-events-proto:jar:2.0.0:compile",
        f"   +- (com.google.protobuf:protobuf-java:jar:{PB}:compile - version managed from 4.28.2; omitted for duplicate)",
        f"   \\- (com.google.protobuf:protobuf-java-util:jar:{PB}:compile - version managed from 4.28.2; omitted for duplicate)",
    ]
    return _mvn(lines, "1.982", "2026-12-05T09:14:03Z")


TRACKER_POM = """\
<?xml version="1.0" encoding="UTF-8"?>
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
    <artifactId>shipment-tracker</artifactId>
    <version>1.8.0-SNAPSHOT</version>
    <name>shipment-tracker</name>
    <description>Tracks parcels across carriers and publishes shipment events</description>

    <properties>
        <java.version>21</java.version>
        <libraries-bom.version>26.49.0</libraries-bom.version>
        <carrier-events.version>2.0.0</carrier-events.version>
        <!-- SHIP-988: carrier-events-proto 2.x is generated with protoc 28 -->
        <protobuf.version>4.28.2</protobuf.version>
    </properties>

    <dependencyManagement>
        <dependencies>
            <!-- Google Cloud client libraries: keeps grpc, gax and protobuf aligned -->
            <dependency>
                <groupId>com.google.cloud</groupId>
                <artifactId>libraries-bom</artifactId>
                <version>${libraries-bom.version}</version>
                <type>pom</type>
                <scope>import</scope>
            </dependency>
        </dependencies>
    </dependencyManagement>

    <dependencies>
        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-web</artifactId>
        </dependency>
        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-actuator</artifactId>
        </dependency>
        <dependency>
            <groupId>io.micrometer</groupId>
            <artifactId>micrometer-registry-prometheus</artifactId>
            <scope>runtime</scope>
        </dependency>
        <dependency>
            <groupId>org.springframework.kafka</groupId>
            <artifactId>spring-kafka</artifactId>
        </dependency>
        <dependency>
            <groupId>com.google.cloud</groupId>
            <artifactId>google-cloud-pubsub</artifactId>
        </dependency>
        <dependency>
            <groupId>com.acme.carrier</groupId>
            <artifactId>carrier-events-proto</artifactId>
            <version>${carrier-events.version}</version>
        </dependency>
        <dependency>
            <groupId>com.acme.carrier</groupId>
            <artifactId>dhl-client</artifactId>
            <version>4.3.1</version>
        </dependency>
        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-data-jpa</artifactId>
        </dependency>
        <dependency>
            <groupId>org.flywaydb</groupId>
            <artifactId>flyway-core</artifactId>
            <version>10.10.0</version>
        </dependency>
        <dependency>
            <groupId>org.flywaydb</groupId>
            <artifactId>flyway-database-postgresql</artifactId>
            <version>10.10.0</version>
            <scope>runtime</scope>
        </dependency>
        <dependency>
            <groupId>org.postgresql</groupId>
            <artifactId>postgresql</artifactId>
            <scope>runtime</scope>
        </dependency>

        <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-test</artifactId>
            <scope>test</scope>
        </dependency>
        <dependency>
            <groupId>org.springframework.kafka</groupId>
            <artifactId>spring-kafka-test</artifactId>
            <scope>test</scope>
        </dependency>
        <dependency>
            <groupId>org.testcontainers</groupId>
            <artifactId>kafka</artifactId>
            <scope>test</scope>
        </dependency>
        <dependency>
            <groupId>org.testcontainers</groupId>
            <artifactId>postgresql</artifactId>
            <scope>test</scope>
        </dependency>
    </dependencies>

    <build>
        <plugins>
            <plugin>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-maven-plugin</artifactId>
                <configuration>
                    <layers><enabled>true</enabled></layers>
                </configuration>
            </plugin>
            <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-enforcer-plugin</artifactId>
                <executions>
                    <execution>
                        <id>enforce</id>
                        <goals><goal>enforce</goal></goals>
                        <configuration>
                            <rules>
                                <requireJavaVersion><version>[21,)</version></requireJavaVersion>
                                <!-- TODO SHIP-991: turn on once the protobuf split is sorted out -->
                                <!-- <dependencyConvergence/> -->
                            </rules>
                        </configuration>
                    </execution>
                </executions>
            </plugin>
        </plugins>
    </build>
</project>
"""


def shipment_tracker(root):
    p = f"{root}/shipment-tracker"
    init(p)
    write(f"{p}/pom.xml", TRACKER_POM)
    write(f"{p}/.gitignore", "target/\n")
    write(f"{p}/src/main/java/com/acme/shipping/ShipmentTrackerApplication.java", textwrap.dedent("""\
        package com.acme.shipping;

        import org.springframework.boot.SpringApplication;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class ShipmentTrackerApplication {
            public static void main(String[] args) {
                SpringApplication.run(ShipmentTrackerApplication.class, args);
            }
        }
        """))
    commit(p, "shipment-tracker: carrier-events-proto 2.0.0 (SHIP-988)", "jonas", "2026-12-04T16:10:00Z")


# ---- kubectl: namespace "search" of prod-us-east-1, a node under disk pressure ---------------------------------

krnd = random.Random(90210)
KALNUM = "bcdfghjklmnpqrstvwxz2456789"
KNODES = [f"ip-10-31-{a}-{b}.ec2.internal" for a, b in
          [(12, 40), (12, 191), (28, 7), (28, 166), (44, 120), (44, 233), (61, 18), (61, 94), (77, 210)]]
DISK_NODE = KNODES[4]
PENDING_DATA = "opensearch-data-4"
KREG = "123456789012.dkr.ecr.us-east-1.amazonaws.com"


def _ksuffix(n=5):
    return "".join(krnd.choice(KALNUM) for _ in range(n))


def _khash():
    return "".join(krnd.choice(KALNUM) for _ in range(krnd.choice([9, 10])))


def _kage(minutes):
    if minutes < 180:
        return f"{minutes}m"
    h = minutes // 60
    if h < 8:
        return f"{h}h{minutes % 60}m" if minutes % 60 else f"{h}h"
    if h < 48:
        return f"{h}h"
    return f"{h // 24}d{h % 24}h" if h % 24 and h < 24 * 8 else f"{h // 24}d"


def _kip(node):
    a = node.split("-")[3]
    return f"10.31.{a}.{krnd.randint(10, 250)}"


def search_pods():
    pods = []
    for k in range(3):
        node = KNODES[[0, 2, 6][k]]
        pods.append((f"opensearch-master-{k}", "1/1", "Running", "0", "41d", _kip(node), node))
    for k in range(6):
        node = KNODES[[1, 3, 5, 7, 4, 8][k]]
        if k == 4:
            pods.append((PENDING_DATA, "0/1", "Pending", "0", "38m", "<none>", "<none>"))
        else:
            rs = "2 (9d ago)" if k == 1 else "0"
            pods.append((f"opensearch-data-{k}", "1/1", "Running", rs, "41d", _kip(node), node))
    h = "7f9c6d5b8d"
    for k in range(6):
        node = krnd.choice(KNODES)
        name = f"search-api-{h}-{_ksuffix()}"
        if k == 2:
            pods.append((name, "0/1", "Running", "0", "31m", _kip(node), node))
        else:
            pods.append((name, "1/1", "Running", "0", _kage(krnd.randint(2000, 9000)), _kip(node), node))
    h = _khash()
    for k in range(3):
        node = krnd.choice(KNODES)
        pods.append((f"suggest-api-{h}-{_ksuffix()}", "1/1", "Running", "0", _kage(krnd.randint(2000, 9000)), _kip(node), node))
    # query-logger filled the node's disk: evicted pods of the old ReplicaSet and their replacements
    qh = "5c8b7d9f4"
    for k in range(7):
        pods.append((f"query-logger-{qh}-{_ksuffix()}", "0/2", "Error" if k == 6 else ("ContainerStatusUnknown" if k == 5 else "Evicted"),
                     "0" if k < 5 else "1", _kage(38 + k * 4), "<none>" if k < 5 else _kip(DISK_NODE), DISK_NODE))
    for k in range(2):
        node = KNODES[[3, 7][k]]
        pods.append((f"query-logger-{qh}-{_ksuffix()}", "2/2", "Running", "0", "34m", _kip(node), node))
    for j, st in enumerate(["Completed", "Completed", "Error", "Error"]):
        node = krnd.choice(KNODES)
        pods.append((f"catalog-reindex-29418{300 + j * 60}-{_ksuffix()}", "0/1", st, "0", _kage(250 - j * 60), _kip(node), node))
    for node in KNODES:
        pods.append((f"fluent-bit-{_ksuffix()}", "1/1", "Running", "0", "41d", _kip(node), node))
    node = krnd.choice(KNODES)
    pods.append((f"opensearch-dashboards-{_khash()}-{_ksuffix()}", "1/1", "Running", "0", "12d", _kip(node), node))
    node = krnd.choice(KNODES)
    pods.append((f"synonyms-sync-{_khash()}-{_ksuffix()}", "1/1", "Running", "4 (2d3h ago)", "16d", _kip(node), node))
    pods.sort(key=lambda p: p[0])
    rows = [["NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES"]]
    rows += [list(p) + ["<none>", "<none>"] for p in pods]
    return pods, kubectl_table(rows)


SEARCH_PODS, SEARCH_PODS_TEXT = search_pods()


def search_events():
    ev = []
    evicted = [p[0] for p in SEARCH_PODS if p[2] == "Evicted"]
    for k, name in enumerate(evicted):
        t = 38 + k * 4
        ev.append((t, "Warning", "Evicted", f"pod/{name}",
                   f"The node was low on resource: ephemeral-storage. Threshold quantity: 10%, available: {krnd.randint(7_100_000, 9_900_000)}Ki. "
                   f"Container query-logger was using {krnd.randint(38, 46)}Gi, request is 0, has larger consumption of ephemeral storage. "
                   f"Container fluent-bit-sidecar was using {krnd.randint(80, 400)}Mi, request is 0, has larger consumption of ephemeral storage."))
        ev.append((t, "Normal", "Killing", f"pod/{name}", "Stopping container query-logger"))
        ev.append((t, "Normal", "Killing", f"pod/{name}", "Stopping container fluent-bit-sidecar"))
        ev.append((t + 1, "Normal", "SuccessfulCreate", "replicaset/query-logger-5c8b7d9f4", f"Created pod: {name}"))
    ev.append((44, "Warning", "EvictionThresholdMet", f"node/{DISK_NODE}", "Attempting to reclaim ephemeral-storage"))
    ev.append((43, "Normal", "NodeHasDiskPressure", f"node/{DISK_NODE}", f"Node {DISK_NODE} status is now: NodeHasDiskPressure"))
    ev.append((42, "Warning", "FreeDiskSpaceFailed", f"node/{DISK_NODE}",
               "Failed to garbage collect required amount of images. Attempted to free 21474836480 bytes, but only found 3127140352 bytes eligible to free."))
    ev.append((41, "Warning", "ImageGCFailed", f"node/{DISK_NODE}",
               "Failed to garbage collect required amount of images. Attempted to free 21474836480 bytes, but only found 3127140352 bytes eligible to free."))
    ev.append((38, "Normal", "Killing", f"pod/{PENDING_DATA}", "Stopping container opensearch"))
    ev.append((38, "Warning", "Evicted", f"pod/{PENDING_DATA}",
               "The node had condition: [DiskPressure]. "))
    ev.append((37, "Normal", "SuccessfulDelete", "statefulset/opensearch-data", f"delete Pod {PENDING_DATA} in StatefulSet opensearch-data successful"))
    ev.append((37, "Normal", "SuccessfulCreate", "statefulset/opensearch-data",
               f"create Pod {PENDING_DATA} in StatefulSet opensearch-data successful"))
    ev.append((2, "Warning", "FailedScheduling", f"pod/{PENDING_DATA}",
               "0/9 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, "
               "8 node(s) had volume node affinity conflict. preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling."))
    ev.append((36, "Normal", "NotTriggerScaleUp", f"pod/{PENDING_DATA}",
               "pod didn't trigger scale-up: 3 node(s) had volume node affinity conflict, 1 max node group size reached"))
    sick = [p for p in SEARCH_PODS if p[0].startswith("search-api") and p[1] == "0/1"][0]
    ev.append((1, "Warning", "Unhealthy", f"pod/{sick[0]}",
               "Readiness probe failed: HTTP probe failed with statuscode: 503"))
    ev.append((29, "Warning", "Unhealthy", f"pod/{sick[0]}",
               f"Readiness probe failed: Get \"http://{sick[5]}:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"))
    for p in SEARCH_PODS:
        if p[0].startswith(("search-api", "suggest-api")) and p[1] == "1/1" and krnd.random() < 0.5:
            ev.append((krnd.randint(3, 35), "Warning", "Unhealthy", f"pod/{p[0]}",
                       f"Readiness probe failed: Get \"http://{p[5]}:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"))
    ev.append((30, "Warning", "BackOff", f"pod/{[p[0] for p in SEARCH_PODS if p[0].startswith('catalog-reindex')][2]}",
               "Back-off restarting failed container reindex in pod"))
    ev.append((28, "Warning", "BackoffLimitExceeded", "job/catalog-reindex-29418420", "Job has reached the specified backoff limit"))
    ev.append((27, "Warning", "ClusterHealthRed", "opensearchcluster/search-prod",
               "cluster health is RED: 3 primary shards unassigned (index products-v212, reason NODE_LEFT, node opensearch-data-4)"))
    ev.append((12, "Normal", "SuccessfulRescale", "horizontalpodautoscaler/search-api",
               "New size: 6; reason: cpu resource utilization (percentage of request) above target"))
    ev.append((33, "Normal", "ScalingReplicaSet", "deployment/query-logger", "Scaled up replica set query-logger-5c8b7d9f4 to 2 from 1"))
    ev.sort(key=lambda e: -e[0])
    rows = [["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]]
    for t, typ, reason, obj, msg in ev:
        rows.append([f"{t}m" if t > 0 else "45s", typ, reason, obj, msg])
    return kubectl_table(rows)


UNSCHEDULABLE = ("0/9 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, "
                 "8 node(s) had volume node affinity conflict. preemption: 0/9 nodes are available: 9 Preemption is not helpful for scheduling.")


def _events(rows):
    """The Events table of kubectl describe (tabwriter, padding 2, indented by 2)."""
    table = [["Type", "Reason", "Age", "From", "Message"], ["----", "------", "----", "----", "-------"]] + [list(r) for r in rows]
    return "".join("  " + line + "\n" for line in tabwriter(table, 0, 2).splitlines()).rstrip("\n")


def describe_disk_node():
    pods_here = [p for p in SEARCH_PODS if p[6] == DISK_NODE and p[2] == "Running"]
    req = {"fluent-bit": (100, 0, 128, 256), "query-logger": (250, 0, 256, 512), "search-api": (1000, 0, 2048, 2048),
           "suggest-api": (500, 0, 1024, 1024), "opensearch-master": (1000, 0, 4096, 4096), "synonyms-sync": (50, 0, 64, 128),
           "opensearch-dashboards": (200, 0, 512, 1024)}
    cpu_all, mem_all = 7910, 63436020 // 1024

    def pct(v, of):
        return f"{v * 100 // of}%"

    rows = []
    totals = [0, 0, 0, 0]
    for p in pods_here:
        r = next(v for k, v in req.items() if p[0].startswith(k))
        rows.append(("search", p[0], r, p[4]))
    rows += [("kube-system", f"aws-node-{_ksuffix()}", (50, 0, 0, 0), "41d"),
             ("kube-system", f"ebs-csi-node-{_ksuffix()}", (30, 0, 120, 768), "41d"),
             ("kube-system", f"kube-proxy-{_ksuffix()}", (100, 0, 0, 0), "41d"),
             ("monitoring", f"node-exporter-{_ksuffix()}", (102, 250, 180, 180), "41d")]
    table = [["Namespace", "Name", "CPU Requests", "CPU Limits", "Memory Requests", "Memory Limits", "Age"],
             ["---------", "----", "------------", "----------", "---------------", "-------------", "---"]]
    for ns, name, (cr, cl, mr, ml), age in rows:
        totals = [totals[0] + cr, totals[1] + cl, totals[2] + mr, totals[3] + ml]
        cpu = lambda v: f"{v // 1000}" if v and v % 1000 == 0 else (f"{v}m" if v else "0")
        mem = lambda v: f"{v // 1024}Gi" if v and v % 1024 == 0 else (f"{v}Mi" if v else "0")
        table.append([ns, name, f"{cpu(cr)} ({pct(cr, cpu_all)})", f"{cpu(cl)} ({pct(cl, cpu_all)})",
                      f"{mem(mr)} ({pct(mr, mem_all)})", f"{mem(ml)} ({pct(ml, mem_all)})", age])
    pod_lines = "".join("  " + line + "\n" for line in tabwriter(table, 0, 2).splitlines()).rstrip("\n")
    alloc = tabwriter([["Resource", "Requests", "Limits"], ["--------", "--------", "------"],
                       ["cpu", f"{totals[0]}m ({pct(totals[0], cpu_all)})", f"{totals[1]}m ({pct(totals[1], cpu_all)})"],
                       ["memory", f"{totals[2]}Mi ({pct(totals[2], mem_all)})", f"{totals[3]}Mi ({pct(totals[3], mem_all)})"],
                       ["ephemeral-storage", "0 (0%)", "0 (0%)"], ["hugepages-1Gi", "0 (0%)", "0 (0%)"],
                       ["hugepages-2Mi", "0 (0%)", "0 (0%)"]], 0, 2)
    alloc = "".join("  " + line + "\n" for line in alloc.splitlines()).rstrip("\n")
    return f"""Name:               {DISK_NODE}
Roles:              <none>
Labels:             beta.kubernetes.io/arch=amd64
                    beta.kubernetes.io/instance-type=r6i.2xlarge
                    beta.kubernetes.io/os=linux
                    eks.amazonaws.com/capacityType=ON_DEMAND
                    eks.amazonaws.com/nodegroup=search-data-r6i
                    eks.amazonaws.com/nodegroup-image=ami-0b8d2e61f4a7c9e03
                    failure-domain.beta.kubernetes.io/region=us-east-1
                    failure-domain.beta.kubernetes.io/zone=us-east-1c
                    k8s.io/cloud-provider-aws=6f1c3e2a9b7d4c5e8f0a1b2c3d4e5f60
                    kubernetes.io/arch=amd64
                    kubernetes.io/hostname={DISK_NODE}
                    kubernetes.io/os=linux
                    node.acme-shop.example/pool=search-data
                    node.kubernetes.io/instance-type=r6i.2xlarge
                    topology.ebs.csi.aws.com/zone=us-east-1c
                    topology.kubernetes.io/region=us-east-1
                    topology.kubernetes.io/zone=us-east-1c
Annotations:        alpha.kubernetes.io/provided-node-ip: 10.31.44.120
                    csi.volume.kubernetes.io/nodeid: {{"ebs.csi.aws.com":"i-0a7c3e9d51f28b644"}}
                    node.alpha.kubernetes.io/ttl: 0
                    volumes.kubernetes.io/controller-managed-attach-detach: true
CreationTimestamp:  Thu, 22 Oct 2026 03:11:52 +0000
Taints:             node.kubernetes.io/disk-pressure:NoSchedule
                    dedicated=search-data:NoSchedule
Unschedulable:      false
Lease:
  HolderIdentity:  {DISK_NODE}
  AcquireTime:     <unset>
  RenewTime:       Sat, 05 Dec 2026 11:48:02 +0000
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   False   Sat, 05 Dec 2026 11:47:41 +0000   Thu, 22 Oct 2026 03:11:52 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available
  DiskPressure     True    Sat, 05 Dec 2026 11:47:41 +0000   Sat, 05 Dec 2026 11:05:13 +0000   KubeletHasDiskPressure       kubelet has disk pressure
  PIDPressure      False   Sat, 05 Dec 2026 11:47:41 +0000   Thu, 22 Oct 2026 03:11:52 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available
  Ready            True    Sat, 05 Dec 2026 11:47:41 +0000   Thu, 22 Oct 2026 03:12:14 +0000   KubeletReady                 kubelet is posting ready status
Addresses:
  InternalIP:   10.31.44.120
  InternalDNS:  {DISK_NODE}
  Hostname:     {DISK_NODE}
Capacity:
  cpu:                8
  ephemeral-storage:  104845292Ki
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             64453876Ki
  pods:               58
Allocatable:
  cpu:                7910m
  ephemeral-storage:  95551679124
  hugepages-1Gi:      0
  hugepages-2Mi:      0
  memory:             63436020Ki
  pods:               58
System Info:
  Machine ID:                 ec2b7d1e4f0a9c83d5e6f7a8b9c0d1e2
  System UUID:                ec2b7d1e-4f0a-9c83-d5e6-f7a8b9c0d1e2
  Boot ID:                    3f6a1c2e-9b8d-4e7f-a0c1-5d2e3f4a5b6c
  Kernel Version:             6.1.115-126.197.amzn2023.x86_64
  OS Image:                   Amazon Linux 2023.6.20241121
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://1.7.23
  Kubelet Version:            v1.31.2-eks-94953ac
  Kube-Proxy Version:         v1.31.2-eks-94953ac
ProviderID:                   aws:///us-east-1c/i-0a7c3e9d51f28b644
Non-terminated Pods:          ({len(rows)} in total)
{pod_lines}
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
{alloc}
Events:
{_events([
    ("Warning", "FreeDiskSpaceFailed", "42m", "kubelet", "Failed to garbage collect required amount of images. Attempted to free 21474836480 bytes, but only found 3127140352 bytes eligible to free."),
    ("Warning", "ImageGCFailed", "41m", "kubelet", "Failed to garbage collect required amount of images. Attempted to free 21474836480 bytes, but only found 3127140352 bytes eligible to free."),
    ("Normal", "NodeHasDiskPressure", "43m", "kubelet", f"Node {DISK_NODE} status is now: NodeHasDiskPressure"),
    ("Warning", "EvictionThresholdMet", "2m58s (x14 over 44m)", "kubelet", "Attempting to reclaim ephemeral-storage")])}
"""


def describe_pending_data():
    return f"""Name:             {PENDING_DATA}
Namespace:        search
Priority:         1000000
Priority Class Name:  search-critical
Service Account:  opensearch
Node:             <none>
Labels:           app.kubernetes.io/component=data
                  app.kubernetes.io/instance=search-prod
                  app.kubernetes.io/name=opensearch
                  apps.kubernetes.io/pod-index=4
                  controller-revision-hash=opensearch-data-6b9d8c7f5d
                  statefulset.kubernetes.io/pod-name={PENDING_DATA}
Annotations:      configchecksum: 9e1b7c0d4a2f6e8b3c5d7f9a1b3c5e7d9f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9
Status:           Pending
IP:               
IPs:              <none>
Controlled By:    StatefulSet/opensearch-data
Init Containers:
  fsgroup-volume:
    Image:      {KREG}/busybox:1.36.1
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
    Args:
      chown -R 1000:1000 /usr/share/opensearch/data
    Environment:  <none>
    Mounts:
      /usr/share/opensearch/data from data (rw)
Containers:
  opensearch:
    Image:       {KREG}/opensearch:2.17.1
    Ports:       9200/TCP, 9300/TCP, 9600/TCP
    Host Ports:  0/TCP, 0/TCP, 0/TCP
    Limits:
      memory:  28Gi
    Requests:
      cpu:      3
      memory:   28Gi
    Readiness:  tcp-socket :9200 delay=0s timeout=3s period=5s #success=1 #failure=3
    Startup:    tcp-socket :9200 delay=5s timeout=3s period=10s #success=1 #failure=30
    Environment:
      node.name:                     {PENDING_DATA} (v1:metadata.name)
      cluster.initial_master_nodes:  opensearch-master-0,opensearch-master-1,opensearch-master-2
      discovery.seed_hosts:          opensearch-master-headless
      cluster.name:                  search-prod
      node.roles:                    data,ingest,
      OPENSEARCH_JAVA_OPTS:          -Xms14g -Xmx14g
      DISABLE_INSTALL_DEMO_CONFIG:   true
    Mounts:
      /usr/share/opensearch/config/opensearch.yml from config (rw,path="opensearch.yml")
      /usr/share/opensearch/data from data (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-r8k2p (ro)
Conditions:
  Type           Status
  PodScheduled   False 
Volumes:
  data:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  data-{PENDING_DATA}
    ReadOnly:   false
  config:
    Type:      ConfigMap (a volume populated by a ConfigMap)
    Name:      opensearch-data-config
    Optional:  false
  kube-api-access-r8k2p:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   Burstable
Node-Selectors:              node.acme-shop.example/pool=search-data
Tolerations:                 dedicated=search-data:NoSchedule
                             node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
{_events([
    ("Warning", "FailedScheduling", "37m", "default-scheduler", UNSCHEDULABLE),
    ("Normal", "NotTriggerScaleUp", "36m", "cluster-autoscaler", "pod didn't trigger scale-up: 3 node(s) had volume node affinity conflict, 1 max node group size reached"),
    ("Warning", "FailedScheduling", "2m (x8 over 32m)", "default-scheduler", UNSCHEDULABLE)])}
"""


def kubectl_answers():
    ctx = ["--context", "prod-us-east-1"]
    return [
        {"args": ctx + ["get", "pods", "-n", "search", "-o", "wide"], "stdout": SEARCH_PODS_TEXT},
        {"args": ctx + ["get", "events", "-n", "search", "--sort-by=.lastTimestamp"], "stdout": search_events()},
        {"args": ctx + ["describe", "node", DISK_NODE], "stdout": describe_disk_node()},
        {"args": ctx + ["describe", "pod", PENDING_DATA, "-n", "search"], "stdout": describe_pending_data()},
    ]


# ---- ops-console: the fulfilment service's GraphQL and REST API (127.0.0.1:18474) ------------------------------

FULFILMENT_API = r'''#!/usr/bin/env python3
"""The fulfilment service's admin API, as the ops console calls it: POST /graphql (HeldOrders, OrderDetail)
and GET /v1/fulfillment-holds. A local copy with this morning's data."""
import json
import random
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

rnd = random.Random(1205)
FIRST = ["Lena", "Jonas", "Mia", "Felix", "Sara", "Paul", "Emma", "Luca", "Hanna", "Noah", "Clara", "Ben", "Ida",
         "Elias", "Marie", "Finn", "Lotte", "Jan", "Nora", "Tim"]
LAST = ["Schneider", "Hofer", "Bauer", "Gruber", "Wagner", "Huber", "Pichler", "Moser", "Steiner", "Mayer", "Brunner",
        "Wolf", "Fuchs", "Berger", "Eder", "Lang", "Winkler", "Weiss", "Koller", "Lehner"]
CITIES = [("Wien", "1070", "AT"), ("Graz", "8010", "AT"), ("Linz", "4020", "AT"), ("Salzburg", "5020", "AT"),
          ("Innsbruck", "6020", "AT"), ("Klagenfurt", "9020", "AT"), ("München", "80331", "DE"), ("Passau", "94032", "DE"),
          ("Dornbirn", "6850", "AT"), ("Bregenz", "6900", "AT")]
STREETS = ["Neubaugasse", "Mariahilfer Straße", "Herrengasse", "Landstraße", "Getreidegasse", "Maria-Theresien-Straße",
           "Alter Platz", "Kaufingerstraße", "Marktstraße", "Kornmarktstraße"]
PRODUCTS = [("SKU-71204", "Trail runner GTX, 43", "149.90"), ("SKU-71288", "Merino base layer, M", "79.00"),
            ("SKU-40218", "Down jacket Alpine, L", "289.00"), ("SKU-55120", "Headlamp 900 lm", "59.90"),
            ("SKU-33019", "Trekking poles carbon", "119.00"), ("SKU-66402", "Sleeping bag -7 C", "219.00"),
            ("SKU-12877", "Water filter 1 l", "39.95"), ("SKU-90113", "Approach shoe, 41", "139.00"),
            ("SKU-28810", "Softshell pants, 32", "109.00"), ("SKU-77031", "Climbing harness", "74.90")]
VALIDATOR = "address-validator 2.4.0"
IDS = []
for _k in range(50):
    IDS.append((IDS[-1] if IDS else 5519140) - rnd.randint(1, 4))
FRAUD_ORDER = IDS[23]
DETAIL_ORDER = IDS[12]


def money(v):
    return {"shopMoney": {"amount": v, "currencyCode": "EUR"}}


def make_orders():
    out = []
    for k in range(50):
        oid = IDS[k]
        f, l = FIRST[k % len(FIRST)], LAST[(k * 7) % len(LAST)]
        city, zip_, cc = CITIES[k % len(CITIES)]
        wrong_zip = zip_[:-2] + "%02d" % ((int(zip_[-2:]) + 30) % 100) if k % 3 != 2 else zip_
        items = []
        total = 0.0
        for j in range(1 + k % 3):
            sku, title, price = PRODUCTS[(k * 3 + j) % len(PRODUCTS)]
            q = 1 + (k + j) % 2
            total += q * float(price)
            items.append({"sku": sku, "title": title, "quantity": q, "originalUnitPriceSet": money(price)})
        minute = 9 * 60 + 12 - k * 5 - (k * 7) % 4
        created = "2026-12-05T%02d:%02d:%02dZ" % (minute // 60, minute % 60, (k * 13) % 60)
        hold = {"reason": "ADDRESS_VALIDATION", "heldBy": VALIDATOR,
                "reasonNotes": "postal code %s does not match city %s (strict mode)" % (wrong_zip, city) if k % 3 != 2
                else "street %s not found in %s %s (strict mode)" % (STREETS[k % len(STREETS)], zip_, city)}
        risk = {"recommendation": "ACCEPT", "assessments": [{"riskLevel": "LOW", "facts": [
            {"description": "Billing address matches shipping address", "sentiment": "POSITIVE"},
            {"description": "Card verification (CVV) passed", "sentiment": "POSITIVE"}]}]}
        if oid == FRAUD_ORDER:
            hold = {"reason": "HIGH_RISK_OF_FRAUD", "heldBy": "risk-engine 7.1",
                    "reasonNotes": "3 cards declined before approval; IP country NG, billing country AT"}
            risk = {"recommendation": "CANCEL", "assessments": [{"riskLevel": "HIGH", "facts": [
                {"description": "3 payment attempts with different cards in 4 minutes", "sentiment": "NEGATIVE"},
                {"description": "IP address 102.89.34.117 is in Nigeria, billing address in Austria", "sentiment": "NEGATIVE"},
                {"description": "Email created 2 days ago", "sentiment": "NEGATIVE"}]}]}
        if k in (11, 40):
            hold = {"reason": "INVENTORY_ALLOCATION", "heldBy": "allocator 3.9.2",
                    "reasonNotes": "SKU-40218 short by 2 in FRA-2; waiting for transfer TR-88120"}
        out.append({"id": "gid://fulfil/Order/%d" % oid, "name": "#EU-%d" % (1042000 + oid % 1000),
                    "createdAt": created, "displayFinancialStatus": "AUTHORIZED", "displayFulfillmentStatus": "ON_HOLD",
                    "totalPriceSet": money("%.2f" % total),
                    "customer": {"id": "gid://fulfil/Customer/%d" % (88000 + k * 17), "email": "%s.%s@example.at" % (f.lower(), l.lower()),
                                 "numberOfOrders": 1 + (k * 5) % 9, "tags": ["vip"] if k % 9 == 0 else []},
                    "shippingAddress": {"name": "%s %s" % (f, l), "address1": "%s %d" % (STREETS[k % len(STREETS)], 3 + k),
                                        "address2": None, "city": city, "zip": wrong_zip, "countryCode": cc, "phone": None},
                    "lineItems": {"nodes": items},
                    "fulfillmentOrders": {"nodes": [{"id": "gid://fulfil/FulfillmentOrder/%d" % (oid * 10 + 1), "status": "ON_HOLD",
                                                      "assignedLocation": {"name": "Warehouse FRA-2" if k % 4 else "Warehouse VIE-1"},
                                                      "fulfillmentHolds": [hold]}]},
                    "risk": risk})
    return out


ORDERS = make_orders()


def held_orders(first):
    edges = [{"cursor": "eyJsYXN0X2lkIjo%d" % int(o["id"].rsplit("/", 1)[1]), "node": o} for o in ORDERS[:first]]
    return {"data": {"orders": {"totalCount": 412, "pageInfo": {"hasNextPage": True, "endCursor": edges[-1]["cursor"]},
                                "edges": edges}},
            "extensions": {"cost": {"requestedQueryCost": 752, "actualQueryCost": 412,
                                    "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1588, "restoreRate": 100.0}}}}


def order_detail(gid):
    o = next((o for o in ORDERS if o["id"] == gid), None)
    if o is None:
        return {"data": {"order": None}}
    a = o["shippingAddress"]
    real_zip = next(z for c, z, _ in CITIES if c == a["city"])
    h, m, s = (int(x) for x in o["createdAt"][11:19].split(":"))
    t0 = h * 3600 + m * 60 + s

    def at(sec):
        t = t0 + sec
        return "2026-12-05T%02d:%02d:%02dZ" % (t // 3600, t // 60 % 60, t % 60)

    check = "Address check by %s: FAILED (postal code %s does not match city %s, strict mode)" % (VALIDATOR, a["zip"], a["city"])
    events = [(at(0), "Order placed by %s via web (storefront 12.4.1)" % a["name"]),
              (at(1), "Payment of EUR %s authorized (Visa ending 4417, auth code 0J2K7Q)" % o["totalPriceSet"]["shopMoney"]["amount"]),
              (at(2), "Risk analysis: ACCEPT (score 0.08)"),
              (at(4), check),
              (at(4), "Fulfillment order %s put on hold: ADDRESS_VALIDATION" % o["fulfillmentOrders"]["nodes"][0]["id"]),
              (at(825), "Customer notified: 'We need to confirm your address' (template address_confirm_v3)"),
              (at(2963), "Address confirmed by customer without changes"),
              (at(2964), check),
              (at(2964), "Hold kept: ADDRESS_VALIDATION (2nd failure, escalated to ops queue OPS-HOLD)"),
              (at(3712), "Note by ops (j.hofer): the customer's postal code is %s, the validator turned it into %s; "
                         "the 2.4.0 data set rewrites the last two digits?" % (real_zip, a["zip"]))]
    for k in range(14):
        events.append((at(3900 + k * 97), "Payment authorization checked: still valid until 2026-12-12"))
    detail = dict(o)
    detail["events"] = {"nodes": [{"createdAt": t, "message": m, "appId": "fulfil-core"} for t, m in events]}
    detail["billingAddress"] = o["shippingAddress"]
    detail["tags"] = ["address-hold", "strict-validation"]
    detail["note"] = None
    return {"data": {"order": detail}, "extensions": {"cost": {"requestedQueryCost": 64, "actualQueryCost": 31,
            "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1969, "restoreRate": 100.0}}}}


def holds(limit):
    out = []
    hid = 7712000
    for k in range(limit):
        o = ORDERS[k % len(ORDERS)]
        h = o["fulfillmentOrders"]["nodes"][0]["fulfillmentHolds"][0]
        hid += 1 + k % 3
        out.append({"id": hid, "order_id": int(o["id"].rsplit("/", 1)[1]) - (k // len(ORDERS)) * 140,
                    "fulfillment_order_id": int(o["fulfillmentOrders"]["nodes"][0]["id"].rsplit("/", 1)[1]) - (k // len(ORDERS)) * 1400,
                    "reason": h["reason"], "reason_notes": h["reasonNotes"], "held_by": h["heldBy"],
                    "created_at": "2026-12-05T0%d:%02d:%02dZ" % (4 + k // 60, k % 60, (k * 7) % 60), "status": "open",
                    "location": o["fulfillmentOrders"]["nodes"][0]["assignedLocation"]["name"], "release_after": None})
    return out


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fulfil-core/5.8.0"
    sys_version = ""

    def log_message(self, *args):
        pass

    def send(self, code, obj):
        data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            req = json.loads(body)
        except ValueError:
            return self.send(400, {"errors": [{"message": "body is not valid JSON"}]})
        op, variables = req.get("operationName"), req.get("variables") or {}
        if op == "HeldOrders":
            self.send(200, held_orders(int(variables.get("first", 50))))
        elif op == "OrderDetail":
            self.send(200, order_detail(variables.get("id", "")))
        else:
            self.send(200, {"errors": [{"message": "Unknown operation %s" % op, "extensions": {"code": "OPERATION_NOT_FOUND"}}]})

    def do_GET(self):
        u = urlparse(self.path)
        q = parse_qs(u.query)
        if u.path == "/v1/fulfillment-holds":
            self.send(200, {"holds": holds(int(q.get("limit", ["100"])[0])), "has_more": True})
        else:
            self.send(404, {"error": "not_found", "path": u.path})


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
'''

HELD_QUERY = {
    "operationName": "HeldOrders",
    "variables": {"first": 30, "query": "fulfillment_status:on_hold"},
    "query": "query HeldOrders($first: Int!, $query: String) { orders(first: $first, query: $query, sortKey: CREATED_AT, reverse: true) "
             "{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name createdAt displayFinancialStatus "
             "displayFulfillmentStatus totalPriceSet { shopMoney { amount currencyCode } } customer { id email numberOfOrders tags } "
             "shippingAddress { name address1 address2 city zip countryCode phone } lineItems(first: 10) { nodes { sku title quantity "
             "originalUnitPriceSet { shopMoney { amount currencyCode } } } } fulfillmentOrders(first: 5) { nodes { id status "
             "assignedLocation { name } fulfillmentHolds { reason reasonNotes heldBy } } } risk { recommendation assessments "
             "{ riskLevel facts { description sentiment } } } } } } }"}


def ops_console(root):
    p = f"{root}/ops-console"
    init(p)
    write(f"{p}/queries/held-orders.json", json.dumps(HELD_QUERY, indent=2) + "\n")
    write(f"{p}/README.md", "Queries the ops team runs against fulfil-core (admin API on 127.0.0.1:18474 in the support VM).\n")
    commit(p, "ops-console: held orders query", "sofia", "2026-12-01T09:00:00Z")
    write(f"{root}/.local/share/api-server/fulfilment_api.py", FULFILMENT_API, 0o755)


# ---- admin-ui: npm view against the registry (an .npmrc with keys npm no longer knows) --------------------------

def admin_ui(root):
    p = f"{root}/admin-ui"
    init(p)
    write(f"{p}/package.json", json.dumps({
        "name": "admin-ui", "version": "3.14.0", "private": True,
        "scripts": {"build": "webpack --mode production", "start": "webpack serve", "test": "jest"},
        "dependencies": {"axios": "^1.6.8", "moment": "^2.29.4", "node-sass": "^9.0.0", "react": "^18.3.1",
                         "react-dom": "^18.3.1"},
        "devDependencies": {"jest": "^29.7.0", "webpack": "^5.91.0", "webpack-cli": "^5.1.4"}}, indent=2) + "\n")
    write(f"{p}/.npmrc", "python=/usr/bin/python3\nsass_binary_site=https://npm.taobao.org/mirrors/node-sass/\nengine-strict=true\n")
    write(f"{p}/.gitignore", "node_modules/\ndist/\n")
    commit(p, "admin-ui: back-office SPA", "aiko", "2026-09-14T10:00:00Z")


# ---- returns-worker: Python worker log with a traceback, logfmt API log, code to search -------------------------

RW = "/srv/returns-worker"


def returns_worker(root):
    rnd = random.Random(3141)
    p = f"{root}/returns-worker"
    init(p)
    write(f"{p}/pyproject.toml", '[project]\nname = "returns-worker"\nversion = "1.22.0"\nrequires-python = ">=3.11"\n')
    write(f"{p}/.gitignore", "__pycache__/\nlogs/\n")
    write(f"{p}/returns_worker/__init__.py", '__version__ = "1.22.0"\n')
    write(f"{p}/returns_worker/settings.py", textwrap.dedent("""\
        \"\"\"Settings of the returns worker (env: RETURNS_<NAME>).\"\"\"
        import os

        BROKER_URL = os.environ.get("RETURNS_BROKER_URL", "amqp://returns@rabbitmq.internal:5672/returns")
        # Days after delivery a customer may return an order; some markets by law or policy differ (RET-301)
        RETURN_WINDOW_DAYS = int(os.environ.get("RETURNS_RETURN_WINDOW_DAYS", "30"))
        RETURN_WINDOW_DAYS_BY_MARKET = {"CH": 14, "UK": 28, "NO": 14}
        MAX_ATTEMPTS = 3
        REFUND_PROVIDER = "adyen"
        """))
    write(f"{p}/returns_worker/windows.py", textwrap.dedent("""\
        \"\"\"Return windows: may a customer still return an order?\"\"\"
        from datetime import datetime, timedelta

        from returns_worker.settings import RETURN_WINDOW_DAYS, RETURN_WINDOW_DAYS_BY_MARKET


        def window_days(market: str) -> int:
            return RETURN_WINDOW_DAYS_BY_MARKET.get(market, RETURN_WINDOW_DAYS)


        def window_ends(order) -> datetime:
            \"\"\"Last moment a return may be requested (delivery plus the market's window).\"\"\"
            return order.delivered_at + timedelta(days=window_days(order.market))


        def is_within_return_window(order, requested_at: datetime | None = None) -> bool:
            \"\"\"True when the return was requested within the window; orders without delivery date count as
            returnable (parcels lost in transit are refunded by the carrier claim flow).\"\"\"
            if order.delivered_at is None:
                return True
            requested_at = requested_at or datetime.utcnow()
            # requested_at comes from the API as naive UTC
            return requested_at - order.delivered_at <= timedelta(days=window_days(order.market))
        """))
    write(f"{p}/returns_worker/refunds.py", textwrap.dedent("""\
        \"\"\"Refund decisions for returns.\"\"\"
        from dataclasses import dataclass
        from decimal import Decimal

        from returns_worker.windows import is_within_return_window


        @dataclass
        class Decision:
            approve: bool
            amount: Decimal
            reason: str


        def restocking_fee(ret, order) -> Decimal:
            if order.market in ("CH", "NO") and ret.reason == "changed_mind":
                return Decimal("4.90")
            return Decimal("0.00")


        def decide_refund(ret, order) -> Decision:
            \"\"\"Full refund inside the window minus a restocking fee in some markets; outside it ops decides.\"\"\"
            total = sum((line.amount for line in ret.lines), Decimal("0.00"))
            if ret.reason in ("damaged", "wrong_item"):
                return Decision(True, total, "carrier_or_warehouse_fault")
            if not is_within_return_window(order, ret.requested_at):
                return Decision(False, Decimal("0.00"), "outside_return_window")
            return Decision(True, total - restocking_fee(ret, order), "within_window")
        """))
    write(f"{p}/returns_worker/carriers/webhooks.py", textwrap.dedent("""\
        \"\"\"Carrier tracking webhooks: delivery events set the order's delivered_at.\"\"\"
        from datetime import datetime


        def parse_delivered_at(event: dict) -> datetime:
            # RET-412: carriers send ISO 8601 with an offset; keep it (was: naive UTC via utcfromtimestamp)
            return datetime.fromisoformat(event["delivered_at"])


        def on_delivery(event: dict, orders) -> None:
            order = orders.get(event["order_id"])
            order.delivered_at = parse_delivered_at(event)
            orders.save(order)
        """))
    # the rest of the package: modules that use utcnow() and delivered_at here and there
    mods = ["tasks", "api/returns", "api/labels", "api/health", "carriers/dhl", "carriers/post_at", "carriers/post_ch",
            "carriers/dpd", "carriers/gls", "labels/pdf", "labels/qr", "notifications/email", "notifications/sms",
            "reports/daily", "reports/finance", "storage/orders", "storage/returns", "inspection/grading",
            "inspection/photos", "restock/wms", "restock/rules", "fraud/serial_returners", "audit/log", "sync/erp"]
    for m in mods:
        name = m.split("/")[-1]
        lines = [f'"""{name.replace("_", " ").title()} of the returns worker."""',
                 "from datetime import datetime, timedelta, timezone", "import logging", "",
                 "log = logging.getLogger(__name__)", ""]
        for k in range(rnd.randint(3, 7)):
            fn = rnd.choice(["handle", "build", "load", "sync", "check", "render", "score", "export"]) + f"_{name}_{k}"
            body = []
            style = rnd.random()
            if style < 0.35:
                body.append(f"    now = datetime.utcnow()")
                body.append(f"    log.debug(\"{fn} at %s\", now.isoformat())")
            elif style < 0.6:
                body.append(f"    now = datetime.now(timezone.utc)")
                body.append(f"    log.debug(\"{fn} at %s\", now.isoformat())")
            if rnd.random() < 0.4:
                body.append(f"    if getattr(item, \"delivered_at\", None) is not None:")
                body.append(f"        log.info(\"{name}: item %s delivered %s\", item.id, item.delivered_at)")
            if rnd.random() < 0.15:
                body.append(f"    since = datetime.utcnow() - timedelta(days={rnd.choice([1, 7, 30])})")
                body.append(f"    return [i for i in getattr(item, 'history', []) if i.created_at > since]")
            body.append("    return item")
            lines += [f"def {fn}(item):", f'    """{fn.replace("_", " ")}."""'] + body + ["", ""]
        write(f"{p}/returns_worker/{m}.py", "\n".join(lines).rstrip() + "\n")
    write(f"{p}/returns_worker/tasks.py", textwrap.dedent("""\
        \"\"\"Celery tasks of the returns worker.\"\"\"
        import logging
        from datetime import datetime

        from returns_worker.refunds import decide_refund
        from returns_worker.settings import MAX_ATTEMPTS

        log = logging.getLogger(__name__)


        def process_return(ret, orders, refunds, attempt=1):
            order = orders.get(ret.order_id)
            log.info("task=process_return return_id=%s order=%s attempt=%d/%d", ret.id, order.id, attempt, MAX_ATTEMPTS)
            decision = decide_refund(ret, order)
            if decision.approve:
                refunds.issue(order, decision.amount, reference=ret.id)
            ret.decided_at = datetime.utcnow()
            return decision
        """))
    write(f"{p}/tests/test_windows.py", textwrap.dedent("""\
        from datetime import datetime
        from types import SimpleNamespace

        from returns_worker.settings import RETURN_WINDOW_DAYS
        from returns_worker.windows import is_within_return_window


        def test_inside_window():
            order = SimpleNamespace(delivered_at=datetime(2026, 11, 20), market="DE")
            assert is_within_return_window(order, datetime(2026, 12, 1))


        def test_default_window_is_30_days():
            assert RETURN_WINDOW_DAYS == 30
        """))
    webhooks = f"{p}/returns_worker/carriers/webhooks.py"
    current = open(webhooks).read()
    write(webhooks, current.replace(
        "    # RET-412: carriers send ISO 8601 with an offset; keep it (was: naive UTC via utcfromtimestamp)\n"
        "    return datetime.fromisoformat(event[\"delivered_at\"])",
        "    return datetime.utcfromtimestamp(event[\"delivered_ts\"])"))
    commit(p, "returns-worker: refund decisions and return windows", "omar", "2026-11-02T10:00:00Z")
    write(webhooks, current)
    commit(p, "Carrier webhooks: keep the offset of delivered_at (RET-412)\n\nPost CH and DPD send local times with an "
              "offset; converting them to naive UTC\nlost a day for deliveries just after midnight.", "liam", "2026-12-04T17:40:00Z")
    # logs of this morning (not in git)
    logs = []
    t = 9 * 3600 + 50 * 60
    rma = 771180
    markets = ["DE", "AT", "CH", "NL", "DE", "DE", "AT", "CH", "NO", "UK"]
    failed = []
    while t < 10 * 3600 + 22 * 60:
        t += rnd.randint(1, 9)
        ms = rnd.randint(0, 999)
        ts = "2026-12-05 %02d:%02d:%02d,%03d" % (t // 3600, t // 60 % 60, t % 60, ms)
        rma += 1
        market = rnd.choice(markets)
        order = "ORD-%d" % rnd.randint(880000, 889999)
        r = rnd.random()
        if r < 0.15:
            logs.append(f"{ts} INFO [returns_worker.carriers.webhooks] delivery event order={order} carrier={rnd.choice(['dhl', 'post-at', 'post-ch', 'dpd', 'gls'])} "
                        f"delivered_at=2026-1{rnd.choice(['1-2', '1-1', '2-0'])}{rnd.randint(1, 9)}T{rnd.randint(8, 19):02d}:{rnd.randint(0, 59):02d}:00+0{rnd.choice([0, 1])}:00")
            continue
        if r < 0.25:
            logs.append(f"{ts} DEBUG [returns_worker.labels.pdf] rendered label for RMA-{rma} ({rnd.randint(18, 60)} KB)")
            continue
        logs.append(f"{ts} INFO [returns_worker.tasks] task=process_return return_id=RMA-{rma} order={order} attempt=1/3")
        delivered_after_fix = t > 9 * 3600 + 58 * 60 and rnd.random() < 0.55
        if delivered_after_fix and r > 0.4:
            failed.append((rma, order, market))
            logs.append(f"{ts} ERROR [returns_worker.tasks] task process_return failed for RMA-{rma} (order {order}, market {market}); retrying in 60 s")
            logs += ["Traceback (most recent call last):",
                     f'  File "{RW}/returns_worker/tasks.py", line 14, in process_return',
                     "    decision = decide_refund(ret, order)",
                     "               ^^^^^^^^^^^^^^^^^^^^^^^^^^",
                     f'  File "{RW}/returns_worker/refunds.py", line 26, in decide_refund',
                     "    if not is_within_return_window(order, ret.requested_at):",
                     "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
                     f'  File "{RW}/returns_worker/windows.py", line 23, in is_within_return_window',
                     "    return requested_at - order.delivered_at <= timedelta(days=window_days(order.market))",
                     "           ~~~~~~~~~~~~~^~~~~~~~~~~~~~~~~~~",
                     "TypeError: can't subtract offset-naive and offset-aware datetimes"]
        else:
            amount = "%d.%02d" % (rnd.randint(9, 320), rnd.randint(0, 99))
            if rnd.random() < 0.12:
                logs.append(f"{ts} INFO [returns_worker.refunds] RMA-{rma} rejected: outside_return_window (market {market})")
            else:
                logs.append(f"{ts} INFO [returns_worker.refunds] RMA-{rma} approved: refund EUR {amount} via adyen (psp ref {rnd.randint(10**15, 10**16 - 1)})")
        if rnd.random() < 0.03:
            logs.append(f"{ts} WARNING [returns_worker.carriers.post_ch] tracking API slow: {rnd.randint(3000, 9000)} ms")
    # the worker gives up on one return after three attempts: the one the customer complained about
    ts = "2026-12-05 10:21:58,204"
    logs += [f"{ts} ERROR [returns_worker.tasks] task process_return gave up on RMA-771342 after 3 attempts (order ORD-884417, market CH)",
             "Traceback (most recent call last):",
             f'  File "{RW}/returns_worker/tasks.py", line 14, in process_return',
             "    decision = decide_refund(ret, order)",
             "               ^^^^^^^^^^^^^^^^^^^^^^^^^^",
             f'  File "{RW}/returns_worker/refunds.py", line 26, in decide_refund',
             "    if not is_within_return_window(order, ret.requested_at):",
             "           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
             f'  File "{RW}/returns_worker/windows.py", line 23, in is_within_return_window',
             "    return requested_at - order.delivered_at <= timedelta(days=window_days(order.market))",
             "           ~~~~~~~~~~~~~^~~~~~~~~~~~~~~~~~~",
             "TypeError: can't subtract offset-naive and offset-aware datetimes",
             "2026-12-05 10:21:58,206 WARNING [returns_worker.tasks] RMA-771342 moved to dead-letter queue returns.dlq",
             "2026-12-05 10:22:03,911 INFO [celery.worker.consumer] heartbeat from returns-worker-3@returns-worker-6d9f8b7c4-xk2pq"]
    write(f"{p}/logs/worker.log", "\n".join(logs) + "\n")
    api = []
    t = 9 * 3600 + 50 * 60
    k = 0
    while t < 10 * 3600 + 22 * 60:
        t += rnd.randint(1, 6)
        k += 1
        ts = "2026-12-05T%02d:%02d:%02d.%03dZ" % (t // 3600, t // 60 % 60, t % 60, rnd.randint(0, 999))
        rid = "%016x" % rnd.getrandbits(64)
        r = rnd.random()
        if r < 0.6:
            st = rnd.choice([200, 200, 201, 202, 304])
            api.append(f'ts={ts} level=info msg="request completed" method={rnd.choice(["GET", "POST", "GET"])} '
                       f'path={rnd.choice(["/v1/returns", "/v1/returns/RMA-%d" % (771000 + k), "/v1/labels", "/healthz"])} '
                       f'status={st} duration_ms={rnd.randint(2, 300)} request_id={rid}')
        elif r < 0.7 and failed:
            rma, order, market = failed[k % len(failed)]
            api.append(f'ts={ts} level=error msg="refund decision failed" return_id=RMA-{rma} order={order} market={market} '
                       f'error="TypeError: can\'t subtract offset-naive and offset-aware datetimes" request_id={rid}')
        elif r < 0.74:
            api.append(f'ts={ts} level=error msg="carrier webhook rejected" carrier=post-ch reason="signature mismatch" '
                       f'key_id=whk_2026_11 request_id={rid}')
        elif r < 0.8:
            api.append(f'ts={ts} level=warn msg="slow query" table=returns duration_ms={rnd.randint(800, 4000)} request_id={rid}')
        else:
            api.append(f'ts={ts} level=debug msg="cache hit" key=order:{rnd.randint(880000, 889999)} request_id={rid}')
    api.append('ts=2026-12-05T10:21:59.004Z level=error msg="return moved to dead-letter queue" return_id=RMA-771342 '
               'order=ORD-884417 market=CH attempts=3 queue=returns.dlq request_id=9c4e1a7b2d3f5e60')
    write(f"{p}/logs/api.log", "\n".join(api) + "\n")


def build_all(root):
    shipment_tracker(root)
    ops_console(root)
    admin_ui(root)
    returns_worker(root)


def answers(root):
    return {
        "mvn": [{"args": ["-B", "dependency:tree"], "stdout": mvn_tree_tracker(), "cwd": "shipment-tracker"},
                {"args": ["-B", "dependency:tree", "-Dverbose", "-Dincludes=com.google.protobuf"],
                 "stdout": mvn_tree_verbose_protobuf(), "cwd": "shipment-tracker"}],
        "kubectl": kubectl_answers(),
    }
