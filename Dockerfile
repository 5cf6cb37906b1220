# Chatalot server image: docker compose up -d (docker-compose.yml), or docker build -t chatalot .
# Built from source in a first stage, so a clone is enough; the image holds only a Java runtime and the release.
# It runs as an unprivileged user, on a read-only root filesystem (see docker-compose.yml), with everything it
# keeps in the /var/lib/chatalot volume, and reports its health from /api/health.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -pl distribution -am package -DskipTests \
    && mkdir /release \
    && tar -xzf distribution/target/chatalot-*.tar.gz -C /release --strip-components=1

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 chatalot \
    && useradd --system --uid 10001 --gid chatalot --home-dir /var/lib/chatalot --no-create-home \
        --shell /usr/sbin/nologin chatalot \
    && mkdir -p /var/lib/chatalot \
    && chown chatalot:chatalot /var/lib/chatalot \
    && chmod 700 /var/lib/chatalot
COPY --from=build /release /opt/chatalot
COPY docker/entrypoint docker/healthcheck /opt/chatalot/docker/

ENV CHATALOT_HOME=/opt/chatalot \
    DATA_DIR=/var/lib/chatalot \
    LISTEN_ADDR=0.0.0.0:8080 \
    LOCAL_ADMIN_ADDR=127.0.0.1:9090
VOLUME ["/var/lib/chatalot"]
EXPOSE 8080
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["/opt/chatalot/docker/healthcheck"]
ENTRYPOINT ["/opt/chatalot/docker/entrypoint"]
