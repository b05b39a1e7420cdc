"""entas-peer: the coordinator's path as an agency's programmer would write it in Python.

Consumes Entas household events with confluent-kafka (a consumer group) and upserts one row
per household into SQLite with the standard sqlite3 module (WAL, synchronous=NORMAL), in
batched transactions: the same work as Benchmarks/Limit/entas-limit.c, flag for flag, and
the same one-line JSON answer:
{"applied": N, "households": H, "events": E, "seconds": S}
where seconds run from the first message received to the commit of the last batch.
Exits 0 when exactly N events were applied, 1 on an error, 2 when fewer arrived.
"""

import argparse
import json
import sqlite3
import sys
import time

from confluent_kafka import Consumer, KafkaError

UPSERT = (
    "INSERT INTO household (kk, lastEventId, lastType, lastTime, events, lastValue) "
    "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (kk) DO UPDATE SET lastEventId = excluded.lastEventId, "
    "lastType = excluded.lastType, lastTime = excluded.lastTime, events = events + 1, "
    "lastValue = excluded.lastValue"
)


def arguments():
    parser = argparse.ArgumentParser(prog="entas-peer", description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--group", required=True)
    parser.add_argument("--topics", required=True, help="comma-separated")
    parser.add_argument("--database", required=True)
    parser.add_argument("--expected", required=True, type=int)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--idle", type=float, default=30)
    parser.add_argument("-X", dest="properties", action="append", default=[], metavar="key=value")
    return parser.parse_args()


def row(message):
    headers = dict(message.headers() or [])

    def text(name):
        value = headers.get(name)
        return value.decode() if value is not None else None

    key = message.key()
    return (
        key.decode() if key is not None else None,
        text("ce_id"),
        text("ce_type"),
        text("ce_time"),
        message.value(),
    )


def main():
    options = arguments()
    config = {"bootstrap.servers": options.bootstrap, "group.id": options.group, "auto.offset.reset": "earliest"}
    for item in options.properties:
        key, _, value = item.partition("=")
        config[key] = value
    consumer = Consumer(config)
    consumer.subscribe(options.topics.split(","))

    db = sqlite3.connect(options.database, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(
        "CREATE TABLE IF NOT EXISTS household (kk TEXT PRIMARY KEY, lastEventId TEXT, lastType TEXT, "
        "lastTime TEXT, events INTEGER NOT NULL, lastValue BLOB)"
    )

    applied = 0
    first = last = 0.0
    last_message = time.monotonic()
    while applied < options.expected:
        wanted = min(options.batch, options.expected - applied)
        messages = consumer.consume(num_messages=wanted, timeout=0.1)
        rows = []
        for message in messages:
            error = message.error()
            if error is None:
                rows.append(row(message))
            elif error.code() != KafkaError._PARTITION_EOF:
                print(f"entas-peer: consume: {error}", file=sys.stderr)
        if not rows:
            if time.monotonic() - last_message > options.idle:
                break
            continue
        last_message = time.monotonic()
        if applied == 0:
            first = last_message
        db.execute("BEGIN")
        db.executemany(UPSERT, rows)
        db.execute("COMMIT")
        applied += len(rows)
        last = time.monotonic()

    households, events = db.execute("SELECT COUNT(*), COALESCE(SUM(events), 0) FROM household").fetchone()
    answer = {"applied": applied, "households": households, "events": events, "seconds": last - first if applied else 0.0}
    print(json.dumps(answer), flush=True)
    db.close()
    consumer.close()
    return 0 if applied == options.expected else 2


if __name__ == "__main__":
    sys.exit(main())
