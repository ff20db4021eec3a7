# syntax=docker/dockerfile:1
#
# Parvaneh: one Dockerfile, two runnable images. Build with the repository root as context:
#
#   docker build --target command-side -t parvaneh/command-side .
#   docker build --target query-side   -t parvaneh/query-side   .
#
# (docker-compose.yml does exactly this.) The build stage needs a live PostgreSQL/PostGIS: during
# generate-sources Flyway migrates the build database parvaneh_codegen and jOOQ generates its code from
# the migrated schema (see the flyway-maven-plugin and jooq-codegen-maven executions in the module poms).
# So the build stage is the PostGIS image itself, with a JDK and Maven added, and the Maven build runs
# next to a throw-away database cluster that lives only for the duration of that one RUN.
#
# Not runnable on the development machine (no Docker engine there): kept correct by review.

ARG BUILD_IMAGE=postgis/postgis:15-3.4
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------------------------------------------
# Build: PostgreSQL 15 + PostGIS 3.4 (Debian bookworm) + OpenJDK 17 + Maven
# ---------------------------------------------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build

SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DEBIAN_FRONTEND=noninteractive

# The Debian slim base drops /usr/share/man; openjdk's postinst (update-alternatives) still wants
# /usr/share/man/man1 to exist, so create it first.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src

# Poms first: the dependency layer below is rebuilt only when a pom changes. All five poms are needed,
# because Maven reads the whole reactor (the root pom lists system-tests) even with -pl.
COPY pom.xml ./
COPY shared-kernel/pom.xml shared-kernel/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY system-tests/pom.xml system-tests/

# Pre-fetch dependencies and plugins (no database needed; reactor siblings are skipped by the
# dependency plugin's excludeReactor default). The package step below still goes online for anything
# this misses, so it is an optimisation only.
RUN mvn -B -ntp -q dependency:go-offline -pl command-side,query-side -am

COPY shared-kernel/src shared-kernel/src
COPY command-side/src command-side/src
COPY query-side/src query-side/src

# One RUN: a throw-away cluster (trust auth, loopback only, socket in /tmp), the codegen database with
# PostGIS, the Maven build against it (codegen.db.* keep their pom defaults: 127.0.0.1:5432, postgres,
# no password), then the cluster is stopped and deleted. The build's exit status is kept, so a failed
# build still stops the cluster and then fails the RUN.
RUN set -eux; \
    pg_bin=/usr/lib/postgresql/15/bin; \
    pg_data=/tmp/codegen-pgdata; \
    install -d -o postgres -g postgres -m 0700 "$pg_data"; \
    runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" --username=postgres --auth=trust \
        --encoding=UTF8 --locale=C >/dev/null; \
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l /tmp/codegen-pg.log -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p 5432 -k /tmp" start; \
    "$pg_bin/createdb" -h 127.0.0.1 -p 5432 -U postgres parvaneh_codegen; \
    "$pg_bin/psql" -h 127.0.0.1 -p 5432 -U postgres -d parvaneh_codegen -v ON_ERROR_STOP=1 -qc 'CREATE EXTENSION postgis'; \
    status=0; \
    mvn -B -ntp -DskipTests package -pl command-side,query-side -am || status=$?; \
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop; \
    rm -rf "$pg_data" /tmp/codegen-pg.log; \
    exit "$status"

# ---------------------------------------------------------------------------------------------------
# Runtime base: Temurin 17 JRE, curl for the health check, an unprivileged user
# ---------------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE} AS runtime

# curl serves the HEALTHCHECK. Older Temurin Ubuntu images ship curl and wget, newer multi-stage ones
# may not; installing it explicitly works either way (a no-op where it is already present).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 parvaneh \
 && useradd --system --uid 10001 --gid parvaneh --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin parvaneh

WORKDIR /app
# Log files go to a writable place for the unprivileged user (the console log is the container log).
ENV PARVANEH_LOG_DIR=/tmp/logs
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/app.jar"]

# ---------------------------------------------------------------------------------------------------
# Target: command-side (port 8081)
# ---------------------------------------------------------------------------------------------------
FROM runtime AS command-side
COPY --from=build /src/command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar /app/app.jar
# Application documents (PDFs) live here; docker-compose mounts a volume, which inherits this ownership.
RUN mkdir -p /var/lib/parvaneh/documents && chown -R parvaneh:parvaneh /var/lib/parvaneh
ENV PARVANEH_DOCUMENTS_DIR=/var/lib/parvaneh/documents
USER parvaneh:parvaneh
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8081/actuator/health/readiness || exit 1

# ---------------------------------------------------------------------------------------------------
# Target: query-side (port 8082)
# ---------------------------------------------------------------------------------------------------
FROM runtime AS query-side
COPY --from=build /src/query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar /app/app.jar
USER parvaneh:parvaneh
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8082/actuator/health/readiness || exit 1
