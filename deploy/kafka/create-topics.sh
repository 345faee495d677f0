#!/bin/sh
# Creates the pipeline's topics on the Compose Kafka cluster; the kafka-topics service of
# docker-compose-kafka.yaml runs it once the three brokers are healthy.
#
#   create-topics.sh TOPIC...
#
# Environment: KAFKA_BOOTSTRAP_SERVERS (required), TOPIC_PARTITIONS (default 3).
# Safe to run again: existing topics are kept, and a topic with fewer partitions than
# TOPIC_PARTITIONS gets more (that is how the topics scale out; Kafka cannot remove partitions).
set -eu

REPLICATION_FACTOR=3
MIN_INSYNC_REPLICAS=2
TOPICS_CLI=/opt/kafka/bin/kafka-topics.sh

fail() {
  echo "create-topics: $*" >&2
  exit 2
}

[ "$#" -gt 0 ] || fail "usage: create-topics.sh TOPIC..."
[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ] || fail "KAFKA_BOOTSTRAP_SERVERS is not set"
partitions="${TOPIC_PARTITIONS:-3}"
case "$partitions" in
  '' | *[!0-9]* | 0) fail "TOPIC_PARTITIONS must be a whole number of at least 1, got '$partitions'" ;;
esac

for topic in "$@"; do
  "$TOPICS_CLI" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "$REPLICATION_FACTOR" \
    --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
done

# One describe for all topics (each CLI call starts a JVM): "<topic> <partition count>" per line.
counts="$("$TOPICS_CLI" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --describe \
  | awk '/PartitionCount:/ { for (i = 1; i < NF; i++) { if ($i == "Topic:") t = $(i + 1); if ($i == "PartitionCount:") c = $(i + 1) } print t, c }')"

for topic in "$@"; do
  current="$(echo "$counts" | awk -v t="$topic" '$1 == t { print $2 }')"
  [ -n "$current" ] || fail "topic $topic was not created"
  if [ "$current" -lt "$partitions" ]; then
    "$TOPICS_CLI" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --alter --topic "$topic" --partitions "$partitions"
    current="$partitions"
  elif [ "$current" -gt "$partitions" ]; then
    echo "create-topics: $topic keeps its $current partitions (more than TOPIC_PARTITIONS=$partitions; Kafka cannot remove partitions)"
  fi
  echo "topic $topic: $current partitions, replication factor $REPLICATION_FACTOR, min.insync.replicas $MIN_INSYNC_REPLICAS"
done
