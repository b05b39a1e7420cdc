/*
 * entas-limit: the physical limit of the coordinator's path on this machine.
 *
 * Consumes Entas household events from Kafka (a consumer group, like the coordinator) and
 * upserts one row per household into SQLite (WAL, synchronous=NORMAL, as the services' stores),
 * in batched transactions. Nothing else: no JSON decoding, no validation, no inbox, no
 * aggregates. `make bench` builds it with gcc against librdkafka and libsqlite3.
 *
 * usage: entas-limit --bootstrap HOST:PORT --group ID --topics T1,T2 --database FILE
 *                    --expected N [--batch 1000] [-X librdkafka.property=value]...
 *
 * Prints one JSON line: {"applied":N,"households":H,"events":E,"seconds":S}
 * where seconds run from the first message received to the commit of the last batch.
 * Exits 0 when exactly N events were applied, 1 on an error, 2 when fewer arrived
 * (no message for --idle seconds).
 */
#include <librdkafka/rdkafka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_BATCH 100000

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "entas-limit: %s: %s\n", what, detail ? detail : "");
    exit(1);
}

static void exec_sql(sqlite3 *db, const char *sql) {
    char *error = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) fail(sql, error);
}

/* The value of header `name`, or NULL (size 0). */
static const void *header(rd_kafka_headers_t *headers, const char *name, size_t *size) {
    const void *value = NULL;
    *size = 0;
    if (headers && rd_kafka_header_get_last(headers, name, &value, size) == RD_KAFKA_RESP_ERR_NO_ERROR) return value;
    return NULL;
}

static void bind_text(sqlite3_stmt *statement, int index, const void *text, size_t size) {
    if (text) sqlite3_bind_text(statement, index, (const char *)text, (int)size, SQLITE_TRANSIENT);
    else sqlite3_bind_null(statement, index);
}

/* Upserts the household row of one event. */
static void apply(sqlite3_stmt *upsert, rd_kafka_message_t *message) {
    rd_kafka_headers_t *headers = NULL;
    rd_kafka_message_headers(message, &headers);
    size_t id_size, type_size, time_size;
    const void *id = header(headers, "ce_id", &id_size);
    const void *type = header(headers, "ce_type", &type_size);
    const void *time = header(headers, "ce_time", &time_size);
    bind_text(upsert, 1, message->key, message->key_len);
    bind_text(upsert, 2, id, id_size);
    bind_text(upsert, 3, type, type_size);
    bind_text(upsert, 4, time, time_size);
    sqlite3_bind_blob(upsert, 5, message->payload, (int)message->len, SQLITE_TRANSIENT);
    if (sqlite3_step(upsert) != SQLITE_DONE) fail("upsert", sqlite3_errmsg(sqlite3_db_handle(upsert)));
    sqlite3_reset(upsert);
}

int main(int argc, char **argv) {
    const char *bootstrap = NULL, *group = NULL, *topics = NULL, *database = NULL;
    long expected = -1, batch = 1000, idle = 30;
    char error[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        if (i + 1 >= argc) fail("missing value after", flag);
        const char *value = argv[++i];
        if (!strcmp(flag, "--bootstrap")) bootstrap = value;
        else if (!strcmp(flag, "--group")) group = value;
        else if (!strcmp(flag, "--topics")) topics = value;
        else if (!strcmp(flag, "--database")) database = value;
        else if (!strcmp(flag, "--expected")) expected = atol(value);
        else if (!strcmp(flag, "--batch")) batch = atol(value);
        else if (!strcmp(flag, "--idle")) idle = atol(value);
        else if (!strcmp(flag, "-X")) {
            char property[256];
            const char *equals = strchr(value, '=');
            if (!equals || (size_t)(equals - value) >= sizeof property) fail("-X needs key=value, not", value);
            memcpy(property, value, (size_t)(equals - value));
            property[equals - value] = 0;
            if (rd_kafka_conf_set(conf, property, equals + 1, error, sizeof error) != RD_KAFKA_CONF_OK) fail(property, error);
        } else fail("unknown flag", flag);
    }
    if (!bootstrap || !group || !topics || !database || expected < 0 || batch < 1 || batch > MAX_BATCH)
        fail("usage", "--bootstrap B --group G --topics T1,T2 --database FILE --expected N [--batch 1..100000] [-X k=v]");

    if (rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap, error, sizeof error) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "group.id", group, error, sizeof error) != RD_KAFKA_CONF_OK ||
        rd_kafka_conf_set(conf, "auto.offset.reset", "earliest", error, sizeof error) != RD_KAFKA_CONF_OK)
        fail("configuration", error);
    rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
    if (!consumer) fail("rd_kafka_new", error);
    rd_kafka_poll_set_consumer(consumer);
    rd_kafka_topic_partition_list_t *subscription = rd_kafka_topic_partition_list_new(8);
    char *list = strdup(topics);
    for (char *topic = strtok(list, ","); topic; topic = strtok(NULL, ","))
        rd_kafka_topic_partition_list_add(subscription, topic, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t code = rd_kafka_subscribe(consumer, subscription);
    if (code) fail("subscribe", rd_kafka_err2str(code));
    rd_kafka_topic_partition_list_destroy(subscription);
    free(list);

    sqlite3 *db;
    if (sqlite3_open(database, &db) != SQLITE_OK) fail("open", sqlite3_errmsg(db));
    exec_sql(db, "PRAGMA journal_mode = WAL");
    exec_sql(db, "PRAGMA synchronous = NORMAL");
    exec_sql(db,
             "CREATE TABLE IF NOT EXISTS household (kk TEXT PRIMARY KEY, lastEventId TEXT, lastType TEXT, "
             "lastTime TEXT, events INTEGER NOT NULL, lastValue BLOB)");
    sqlite3_stmt *upsert;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO household (kk, lastEventId, lastType, lastTime, events, lastValue) "
                           "VALUES (?1, ?2, ?3, ?4, 1, ?5) ON CONFLICT (kk) DO UPDATE SET lastEventId = excluded.lastEventId, "
                           "lastType = excluded.lastType, lastTime = excluded.lastTime, events = events + 1, "
                           "lastValue = excluded.lastValue",
                           -1, &upsert, NULL) != SQLITE_OK)
        fail("prepare", sqlite3_errmsg(db));

    rd_kafka_message_t **messages = calloc((size_t)batch, sizeof *messages);
    long applied = 0;
    double first = 0, last = 0, lastMessage = now_seconds();
    while (applied < expected) {
        long count = 0;
        rd_kafka_message_t *message = rd_kafka_consumer_poll(consumer, 100);
        while (message) {
            if (message->err) {
                if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                    fprintf(stderr, "entas-limit: consume: %s\n", rd_kafka_message_errstr(message));
                rd_kafka_message_destroy(message);
            } else {
                messages[count++] = message;
            }
            if (count >= batch || applied + count >= expected) break;
            message = rd_kafka_consumer_poll(consumer, 0);
        }
        if (count == 0) {
            if (now_seconds() - lastMessage > (double)idle) break;
            continue;
        }
        lastMessage = now_seconds();
        if (first == 0) first = lastMessage;
        exec_sql(db, "BEGIN");
        for (long i = 0; i < count; i++) apply(upsert, messages[i]);
        exec_sql(db, "COMMIT");
        for (long i = 0; i < count; i++) rd_kafka_message_destroy(messages[i]);
        applied += count;
        last = now_seconds();
    }

    sqlite3_stmt *totals;
    long households = 0, events = 0;
    if (sqlite3_prepare_v2(db, "SELECT COUNT(*), COALESCE(SUM(events), 0) FROM household", -1, &totals, NULL) == SQLITE_OK &&
        sqlite3_step(totals) == SQLITE_ROW) {
        households = sqlite3_column_int64(totals, 0);
        events = sqlite3_column_int64(totals, 1);
    }
    sqlite3_finalize(totals);
    printf("{\"applied\":%ld,\"households\":%ld,\"events\":%ld,\"seconds\":%.6f}\n", applied, households, events,
           applied > 0 ? last - first : 0.0);
    fflush(stdout);
    sqlite3_finalize(upsert);
    sqlite3_close(db);
    free(messages);
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);
    return applied == expected ? 0 : 2;
}
