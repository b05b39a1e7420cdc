"""An agency's own Kafka client that is not librdkafka (kafka-python: the Kafka protocol in pure
Python), as the real-broker suite drives it against Entas on Tansu.

  publish BOOTSTRAP COUNT          publishes COUNT household.registered events on entas.households,
                                   written from docs/events.md (CloudEvents binary mode: ce_* headers,
                                   key the No. KK, value the JSON data); prints {"published": [kk, ...]}
  read BOOTSTRAP TOPIC=COUNT ...   reads each topic from its start in a consumer group of its own until
                                   COUNT records came (or 120 s passed); prints, per topic, the records
                                   read and those missing a CloudEvents header
"""
import datetime
import json
import sys
import time
import uuid

from kafka import KafkaConsumer, KafkaProducer

HEADERS = ["ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type"]


def now_rfc3339():
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000)


def publish(bootstrap, count):
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    published = []
    for index in range(1, count + 1):
        # No. KK: kecamatan 35.09.31, issued 2 January 1999 (the demo issues 2000-2024).
        kk = "350931020199%04d" % index
        data = {
            "kkNumber": kk,
            "headNIK": "350931550785%04d" % index,
            "headName": "Warga Uji %d" % index,
            "address": "Dusun Krajan RT 00%d RW 001" % (index % 9 + 1),
            "desaCode": "35.09.31.2006",
            "memberCount": 4,
            "criteriaMet": ["floor_earth_bamboo_or_cheap_wood", "no_private_toilet", "one_or_two_meals_a_day"],
            "baselineStatus": "miskin",
            "registeredBy": "socialAid",
        }
        headers = [
            ("ce_specversion", b"1.0"),
            ("ce_id", str(uuid.uuid4()).encode()),
            ("ce_source", b"/dinsos/verification-tool"),
            ("ce_type", b"id.go.jatim.entas.household.registered.v1"),
            ("ce_time", now_rfc3339().encode()),
            ("content-type", b"application/json"),
        ]
        future = producer.send("entas.households", key=kk.encode(), value=json.dumps(data).encode(), headers=headers)
        future.get(timeout=60)
        published.append(kk)
    producer.close()
    print(json.dumps({"published": published}))


def read(bootstrap, wanted):
    result = {}
    for topic, count in wanted.items():
        consumer = KafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            group_id="kafka-python-%s-%s" % (topic, uuid.uuid4().hex[:8]),
            auto_offset_reset="earliest",
            enable_auto_commit=False,
            session_timeout_ms=6000,
            heartbeat_interval_ms=500,
        )
        records = 0
        without_headers = 0
        deadline = time.time() + 120
        while records < count and time.time() < deadline:
            for messages in consumer.poll(timeout_ms=500).values():
                for message in messages:
                    records += 1
                    names = {name for name, _ in message.headers}
                    if not all(header in names for header in HEADERS):
                        without_headers += 1
        consumer.close()
        result[topic] = {"records": records, "withoutHeaders": without_headers}
    print(json.dumps(result))


def main(arguments):
    if len(arguments) >= 3 and arguments[0] == "publish":
        publish(arguments[1], int(arguments[2]))
    elif len(arguments) >= 3 and arguments[0] == "read":
        wanted = {}
        for pair in arguments[2:]:
            topic, count = pair.rsplit("=", 1)
            wanted[topic] = int(count)
        read(arguments[1], wanted)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
