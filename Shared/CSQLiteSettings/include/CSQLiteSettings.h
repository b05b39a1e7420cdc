#ifndef ENTAS_CSQLITESETTINGS_H
#define ENTAS_CSQLITESETTINGS_H

/// Sets SQLite's process-wide options for the way Entas uses it, before SQLite is first used: connections
/// without their own mutex (each is used by one thread at a time: GRDB serializes every connection), and no
/// memory statistics (a global mutex at every allocation; Entas reads no memory figures from SQLite).
///
/// Swift cannot call `sqlite3_config` itself (a variadic C function). Returns SQLITE_OK (0), or
/// SQLITE_MISUSE (21) once SQLite is in use in the process: then nothing changed, and SQLite runs as
/// compiled (correct, a little slower).
int entas_sqlite_configure(void);

#endif
