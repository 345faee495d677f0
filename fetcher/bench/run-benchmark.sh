#!/usr/bin/env bash
# Fetcher throughput vs Kafka's own ProducerPerformance, same JVM, same cluster, same producer settings and
# record sizes (the payloads are the fetcher's own values). Not a test: it prints figures, per run and the
# medians of --runs runs of each side, alternating (default 5: the machine is shared and noisy).
#
# Needs running brokers: the local stack (./pipeline up) or KAFKA_BOOTSTRAP_SERVERS. The API is
# RANDOMUSER_API_URL (e.g. the stack's emulator, http://127.0.0.1:18080) or, if unset, an in-process emulator
# without gzip. Its pages are generated once and served again from memory (the real API's work happens on
# other machines, not on the cores the fetcher is timed on); --live-api has it generate every page. Extra
# arguments go to the benchmark. FETCHER_BENCH_JVM_OPTS adds JVM options, e.g. a JFR recording of where the time
# goes: FETCHER_BENCH_JVM_OPTS=-XX:StartFlightRecording=filename=fetcher.jfr,settings=profile. Arguments:
#   --pages 40 --results 5000 --warmup-pages 40 --concurrency 2 --partitions 3 --runs 5 --live-api
#   --topic-prefix bench-<millis>.
# It writes only to its own prefixed topics and deletes them at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mvn -B -q -pl fetcher -am install -DskipTests
mvn -B -q -pl fetcher test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="fetcher/target/test-classes:fetcher/target/classes:$(cat fetcher/target/bench.classpath)"
# 2 GiB: this JVM also holds the recorded pages (5.4 MB each) and ProducerPerformance. With 1 GiB, G1 ran
# back-to-back concurrent cycles on those pages, and the figures measured the heap rather than the fetcher.
# The fetcher itself runs with the JVM's default heap, a quarter of the machine's memory.
read -r -a extra_jvm_options <<< "${FETCHER_BENCH_JVM_OPTS:-}"
command=(java -Xmx2g ${extra_jvm_options[@]+"${extra_jvm_options[@]}"} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath"
  randomuser.pipeline.fetcher.bench.FetcherBenchmark "$@")
echo "+ cd $root && java -Xmx2g ${FETCHER_BENCH_JVM_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp <fetcher test classpath>" \
  "randomuser.pipeline.fetcher.bench.FetcherBenchmark $*"
exec "${command[@]}"
