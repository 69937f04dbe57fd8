package dev.headroom.engine.transform.table;

/**
 * {@code mvn -B dependency:tree -Dverbose} of a Spring Boot service, inside Maven's usual log lines: the
 * tree's root, its branches drawn with {@code +- | \-}, one conflict ({@code omitted for conflict with}),
 * duplicates and managed versions.
 */
final class BuildSamples {

    private BuildSamples() {
    }

    static String dependencyTree() {
        String[] tree = {
            "com.acme:orders-service:jar:1.4.0-SNAPSHOT",
            "+- org.springframework.boot:spring-boot-starter-web:jar:3.3.0:compile",
            "|  +- org.springframework.boot:spring-boot-starter:jar:3.3.0:compile",
            "|  |  +- org.springframework.boot:spring-boot:jar:3.3.0:compile",
            "|  |  +- org.springframework.boot:spring-boot-autoconfigure:jar:3.3.0:compile",
            "|  |  +- org.springframework.boot:spring-boot-starter-logging:jar:3.3.0:compile",
            "|  |  |  +- ch.qos.logback:logback-classic:jar:1.5.6:compile",
            "|  |  |  |  +- ch.qos.logback:logback-core:jar:1.5.6:compile",
            "|  |  |  |  \\- (org.slf4j:slf4j-api:jar:2.0.13:compile - omitted for duplicate)",
            "|  |  |  +- org.apache.logging.log4j:log4j-to-slf4j:jar:2.23.1:compile",
            "|  |  |  |  +- org.apache.logging.log4j:log4j-api:jar:2.23.1:compile",
            "|  |  |  |  \\- (org.slf4j:slf4j-api:jar:2.0.13:compile - omitted for duplicate)",
            "|  |  |  \\- org.slf4j:jul-to-slf4j:jar:2.0.13:compile",
            "|  |  |     \\- (org.slf4j:slf4j-api:jar:2.0.13:compile - omitted for duplicate)",
            "|  |  +- jakarta.annotation:jakarta.annotation-api:jar:2.1.1:compile",
            "|  |  +- org.springframework:spring-core:jar:6.1.8:compile",
            "|  |  |  \\- org.springframework:spring-jcl:jar:6.1.8:compile",
            "|  |  \\- org.yaml:snakeyaml:jar:2.2:compile",
            "|  +- org.springframework.boot:spring-boot-starter-json:jar:3.3.0:compile",
            "|  |  +- com.fasterxml.jackson.core:jackson-databind:jar:2.17.1:compile",
            "|  |  |  +- com.fasterxml.jackson.core:jackson-annotations:jar:2.17.1:compile",
            "|  |  |  \\- com.fasterxml.jackson.core:jackson-core:jar:2.17.1:compile",
            "|  |  +- com.fasterxml.jackson.datatype:jackson-datatype-jdk8:jar:2.17.1:compile",
            "|  |  +- com.fasterxml.jackson.datatype:jackson-datatype-jsr310:jar:2.17.1:compile",
            "|  |  \\- com.fasterxml.jackson.module:jackson-module-parameter-names:jar:2.17.1:compile",
            "|  +- org.springframework.boot:spring-boot-starter-tomcat:jar:3.3.0:compile",
            "|  |  +- org.apache.tomcat.embed:tomcat-embed-core:jar:10.1.24:compile",
            "|  |  +- org.apache.tomcat.embed:tomcat-embed-el:jar:10.1.24:compile",
            "|  |  \\- org.apache.tomcat.embed:tomcat-embed-websocket:jar:10.1.24:compile",
            "|  +- org.springframework:spring-web:jar:6.1.8:compile",
            "|  |  +- org.springframework:spring-beans:jar:6.1.8:compile",
            "|  |  \\- io.micrometer:micrometer-observation:jar:1.13.0:compile",
            "|  |     \\- io.micrometer:micrometer-commons:jar:1.13.0:compile",
            "|  \\- org.springframework:spring-webmvc:jar:6.1.8:compile",
            "|     +- org.springframework:spring-aop:jar:6.1.8:compile",
            "|     +- org.springframework:spring-context:jar:6.1.8:compile",
            "|     \\- org.springframework:spring-expression:jar:6.1.8:compile",
            "+- org.springframework.boot:spring-boot-starter-data-jpa:jar:3.3.0:compile",
            "|  +- org.springframework.boot:spring-boot-starter-jdbc:jar:3.3.0:compile",
            "|  |  +- com.zaxxer:HikariCP:jar:5.1.0:compile",
            "|  |  |  \\- (org.slf4j:slf4j-api:jar:2.0.13:compile - omitted for duplicate)",
            "|  |  \\- org.springframework:spring-jdbc:jar:6.1.8:compile",
            "|  +- org.hibernate.orm:hibernate-core:jar:6.5.2.Final:compile",
            "|  |  +- jakarta.persistence:jakarta.persistence-api:jar:3.1.0:compile",
            "|  |  +- jakarta.transaction:jakarta.transaction-api:jar:2.0.1:compile",
            "|  |  +- org.jboss.logging:jboss-logging:jar:3.5.3.Final:runtime",
            "|  |  +- org.hibernate.common:hibernate-commons-annotations:jar:6.0.6.Final:runtime",
            "|  |  +- io.smallrye:jandex:jar:3.1.2:runtime",
            "|  |  +- com.fasterxml:classmate:jar:1.7.0:runtime",
            "|  |  +- net.bytebuddy:byte-buddy:jar:1.14.16:runtime",
            "|  |  +- org.glassfish.jaxb:jaxb-runtime:jar:4.0.5:runtime",
            "|  |  |  \\- org.glassfish.jaxb:jaxb-core:jar:4.0.5:runtime",
            "|  |  |     +- org.eclipse.angus:angus-activation:jar:2.0.2:runtime",
            "|  |  |     +- org.glassfish.jaxb:txw2:jar:4.0.5:runtime",
            "|  |  |     \\- com.sun.istack:istack-commons-runtime:jar:4.1.2:runtime",
            "|  |  +- jakarta.inject:jakarta.inject-api:jar:2.0.1:runtime",
            "|  |  \\- org.antlr:antlr4-runtime:jar:4.13.0:compile (version managed from 4.10.1)",
            "|  +- org.springframework.data:spring-data-jpa:jar:3.3.0:compile",
            "|  |  +- org.springframework.data:spring-data-commons:jar:3.3.0:compile",
            "|  |  +- org.springframework:spring-orm:jar:6.1.8:compile",
            "|  |  +- org.springframework:spring-tx:jar:6.1.8:compile",
            "|  |  \\- (org.slf4j:slf4j-api:jar:2.0.13:compile - omitted for duplicate)",
            "|  \\- org.springframework:spring-aspects:jar:6.1.8:compile",
            "|     \\- org.aspectj:aspectjweaver:jar:1.9.22:compile",
            "+- org.postgresql:postgresql:jar:42.7.3:runtime",
            "|  \\- org.checkerframework:checker-qual:jar:3.42.0:runtime",
            "+- com.acme:acme-payments-client:jar:2.3.1:compile",
            "|  +- com.squareup.okhttp3:okhttp:jar:4.12.0:compile",
            "|  |  +- com.squareup.okio:okio:jar:3.6.0:compile",
            "|  |  |  \\- com.squareup.okio:okio-jvm:jar:3.6.0:compile",
            "|  |  \\- org.jetbrains.kotlin:kotlin-stdlib-jdk8:jar:1.9.24:compile",
            "|  \\- (org.slf4j:slf4j-api:jar:1.7.36:compile - omitted for conflict with 2.0.13)",
            "+- io.micrometer:micrometer-registry-prometheus:jar:1.13.0:compile",
            "|  +- io.micrometer:micrometer-core:jar:1.13.0:compile",
            "|  |  +- org.hdrhistogram:HdrHistogram:jar:2.2.1:runtime",
            "|  |  \\- org.latencyutils:LatencyUtils:jar:2.0.3:runtime",
            "|  \\- io.prometheus:prometheus-metrics-core:jar:1.2.1:compile",
            "+- org.projectlombok:lombok:jar:1.18.32:provided",
            "+- org.springframework.boot:spring-boot-starter-test:jar:3.3.0:test",
            "|  +- org.springframework.boot:spring-boot-test:jar:3.3.0:test",
            "|  +- org.springframework.boot:spring-boot-test-autoconfigure:jar:3.3.0:test",
            "|  +- com.jayway.jsonpath:json-path:jar:2.9.0:test",
            "|  +- org.assertj:assertj-core:jar:3.25.3:test",
            "|  +- org.awaitility:awaitility:jar:4.2.1:test",
            "|  +- org.hamcrest:hamcrest:jar:2.2:test",
            "|  +- org.junit.jupiter:junit-jupiter:jar:5.10.2:test",
            "|  |  +- org.junit.jupiter:junit-jupiter-api:jar:5.10.2:test",
            "|  |  +- org.junit.jupiter:junit-jupiter-params:jar:5.10.2:test",
            "|  |  \\- org.junit.jupiter:junit-jupiter-engine:jar:5.10.2:test",
            "|  +- org.mockito:mockito-core:jar:5.11.0:test",
            "|  |  +- net.bytebuddy:byte-buddy-agent:jar:1.14.16:test",
            "|  |  \\- org.objenesis:objenesis:jar:3.3:test",
            "|  +- org.mockito:mockito-junit-jupiter:jar:5.11.0:test",
            "|  +- org.skyscreamer:jsonassert:jar:1.5.1:test",
            "|  +- org.springframework:spring-test:jar:6.1.8:test",
            "|  \\- org.xmlunit:xmlunit-core:jar:2.9.1:test",
            "\\- org.testcontainers:postgresql:jar:1.19.8:test",
            "   \\- org.testcontainers:jdbc:jar:1.19.8:test",
            "      \\- org.testcontainers:database-commons:jar:1.19.8:test",
        };
        StringBuilder sb = new StringBuilder()
                .append("[INFO] Scanning for projects...\n")
                .append("[INFO] \n")
                .append("[INFO] ------------------------< com.acme:orders-service >------------------------\n")
                .append("[INFO] Building orders-service 1.4.0-SNAPSHOT\n")
                .append("[INFO]   from pom.xml\n")
                .append("[INFO] --------------------------------[ jar ]---------------------------------\n")
                .append("[INFO] \n")
                .append("[INFO] --- dependency:3.7.0:tree (default-cli) @ orders-service ---\n");
        for (String line : tree) {
            sb.append("[INFO] ").append(line).append('\n');
        }
        return sb.append("[INFO] ------------------------------------------------------------------------\n")
                .append("[INFO] BUILD SUCCESS\n")
                .append("[INFO] ------------------------------------------------------------------------\n")
                .append("[INFO] Total time:  1.874 s\n")
                .append("[INFO] Finished at: 2024-12-03T11:40:12Z\n")
                .append("[INFO] ------------------------------------------------------------------------\n")
                .toString();
    }
}
