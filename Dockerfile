# LowMag in a container: a JRE 17, OpenSlide (libopenslide0, for the formats LowMag does not read in
# pure Java) and LowMag built from this checkout; the default command is the demo.
#
#   docker build -t lowmag .
#   docker run --rm -v "$PWD:/work" lowmag                  # the demo, written to ./lowmag-demo
#   docker run --rm -v "$PWD:/work" lowmag info slide.svs   # any other command
#
# The build stage picks libtorch for the architecture it runs on (the pom's native-* profiles:
# linux-x86_64 or linux-aarch64). Not built or run by LowMag's tests (no Docker daemon there).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true -Dassembly.skipAssembly=true package \
 && mkdir -p /opt/lowmag \
 && cp -r target/lowmag.jar target/lib lowmag bin README.md LICENSE CITATION.cff /opt/lowmag/

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends libopenslide0 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/lowmag /opt/lowmag
WORKDIR /work
ENTRYPOINT ["/opt/lowmag/lowmag"]
CMD ["demo"]
