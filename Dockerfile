# Family Journey, built from this repository. The build stage has Maven and JDK 21, and Node.js with
# npm for the front-end bundles the build will make; the image that runs has only a JRE.
FROM maven:3.9-eclipse-temurin-21 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Dependencies first, so a change to the code alone reuses this layer.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -DskipTests package

FROM eclipse-temurin:21-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system familyjourney \
 && useradd --system --gid familyjourney --home-dir /app --shell /usr/sbin/nologin familyjourney
WORKDIR /app
COPY --from=build /src/target/family-journey-*.jar /app/family-journey.jar
USER familyjourney
EXPOSE 8080
# Exec form: java is PID 1 and gets SIGTERM itself, so graceful shutdown finishes the work in hand.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/family-journey.jar"]
