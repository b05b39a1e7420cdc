// librdkafka's public API and its mock cluster, in the order rdkafka_mock.h requires.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
