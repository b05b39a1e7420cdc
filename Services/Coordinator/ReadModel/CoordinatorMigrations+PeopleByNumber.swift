import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v10-people-by-household-number`: the people of each household stored by its number
    /// (`personByHousehold`) instead of its 64-digit key (`householdPerson`).
    ///
    /// `householdPerson` was keyed by the household's key, which is random: every registration wrote its
    /// household's rows at a random page of that B-tree, read it and wrote it back (at 1,000,000 households
    /// nearly every page of it missed the cache, and each dirty page is written twice, to the WAL and by the
    /// checkpoint). Numbers, given in the order households are first seen, put a batch's new households' people
    /// side by side at the end of the table; the person index carries the number (8 bytes) instead of the key
    /// (64), so it is half the size. docs/performance.md has the measurements.
    ///
    /// - `personByHousehold`: the rows of `householdPerson` with the household's number in place of its key,
    ///   keyed by number, kind and person; indexed by person to find the households that share one.
    /// - `householdPerson` is now a view of it with the key joined back, so every reader sees the rows as before.
    ///
    /// An existing store keeps its rows: a key only the people knew (none is expected: the read model numbers a
    /// household before it writes its people) is numbered first. Literal SQL: a shipped migration never changes.
    @Sendable static func peopleByHouseholdNumber(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO householdNumber (key)
                  SELECT DISTINCT householdKey FROM householdPerson WHERE householdKey NOT IN (SELECT key FROM householdNumber)
                  ORDER BY householdKey;
                CREATE TABLE personByHousehold (
                  household INTEGER NOT NULL,
                  kind TEXT NOT NULL CHECK (kind IN ('head', 'member')),
                  personKey TEXT NOT NULL CHECK (length(personKey) = 64),
                  eventTime TEXT NOT NULL,
                  eventId TEXT NOT NULL CHECK (length(eventId) = 36),
                  cluster TEXT NOT NULL CHECK ((cluster = 'socialAid' OR cluster = 'communityEmpowerment'
                    OR cluster = 'enterprise' OR cluster = 'lowCost')),
                  PRIMARY KEY (household, kind, personKey)
                ) WITHOUT ROWID;
                INSERT INTO personByHousehold (household, kind, personKey, eventTime, eventId, cluster)
                  SELECT n.number, p.kind, p.personKey, p.eventTime, p.eventId, p.cluster
                  FROM householdPerson p JOIN householdNumber n ON n.key = p.householdKey;
                DROP TABLE householdPerson;
                CREATE INDEX personByHousehold_person ON personByHousehold (personKey, household);
                CREATE VIEW householdPerson AS
                  SELECT n.key AS householdKey, p.kind, p.personKey, p.eventTime, p.eventId, p.cluster
                  FROM personByHousehold p JOIN householdNumber n ON n.number = p.household;
                """)
    }
}
