#!/usr/bin/env bash
# The six streaming jobs' documents/s on the local stack vs a raw Java-driver bulk upsert of the very documents
# they wrote, same server, same run: a fill round (new ids) and measured rounds (every document replaced in full
# collections; three, each followed by the raw side's, and the medians), 100,000 users per job by default, each
# made readable whole to the six running jobs by one Kafka transaction. Not a test: it prints figures, with the
# server's data file size and resident memory (see randomuser.pipeline.streaming.onstack.StreamingBenchmark for
# each column).
#
# Runs on the local stack of this checkout (started where needed, like `./pipeline up` but without Airflow).
# The stack's own six jobs hold all six Spark workers: the benchmark pauses them and starts them again at the
# end. It writes only to its own topics (bench-<8 hex>.*) and databases (bench_<8 hex>, bench_<8 hex>_raw) and
# deletes them at the end. Extra arguments go to the benchmark:
#   --results 5000 --pages 20 (users per round)  --bulk 512 (the raw side's bulk)  --pairs 3 (measured rounds,
#   each the jobs' then the raw side's)
#
# With --jvm-footprint first, it compares instead the jobs' small-footprint JVM flags with the JVMs' defaults,
# in alternating rounds of the same users (see JvmFootprintBenchmark): --results 5000 --pages 4 --pairs 2
set -euo pipefail

benchmark=StreamingBenchmark
if [ "${1:-}" = "--jvm-footprint" ]; then
  benchmark=JvmFootprintBenchmark
  shift
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# Compile only: packaging would rewrite spark-streaming/target/spark-streaming.jar, which the stack's running
# jobs load their classes from (they would die on the next class they load). ./pipeline up builds the jars.
mvn -B -q -pl spark-streaming -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath="spark-streaming/target/test-classes:spark-streaming/target/classes:$(cat spark-streaming/target/bench.classpath)"
# The raw side holds one round's documents twice (600,000 at the default size, as written and changed) in
# memory before it times them.
command=(java -Xmx3g -Dpipeline.root="$root" -Dlog4j2.configurationFile=spark-streaming/src/test/resources/log4j2-test.properties
  -cp "$classpath" "randomuser.pipeline.streaming.onstack.$benchmark" "$@")
echo "+ cd $root && java -Xmx3g -cp <spark-streaming test classpath>" \
  "randomuser.pipeline.streaming.onstack.$benchmark $*"
exec "${command[@]}"
