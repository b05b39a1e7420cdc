import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v6-household-people`: the people of each household as keyed hashes of their NIKs
    /// (``HouseholdPeople``), and cases opened by one person listed in two households (`sharedPerson`).
    ///
    /// - `householdPerson`: per household its head and members as ``PersonKey``s, with the event that stated
    ///   them; indexed by person to find the households that share one.
    /// - `household.people` (jiwa, with the event that stated it) and `regionAggregate.people`; `pendingPeople`
    ///   holds what an update stated before its household was placed (events can come in any order).
    /// - `household.isDuplicate`: the household shares a person with one of a smaller key, and is counted in it.
    /// - `enrolment.memberKey`: the member a programme of one person (PIP) enrolled, keyed; `regionStrategy.activePeople`.
    /// - `household.caseKind` may be `sharedPerson`: SQLite cannot change a column's CHECK, so the table is
    ///   rebuilt from its own definition with only that CHECK widened, and its indexes made again.
    ///
    /// A store from an earlier release holds no people yet: members reach the coordinator with the clusters'
    /// next `household.registered`/`household.updated`, all of them at a rebuild (docs/operations.md).
    @Sendable static func addHouseholdPeople(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE householdPerson (
                  householdKey TEXT NOT NULL CHECK (length(householdKey) = 64),
                  kind TEXT NOT NULL CHECK (kind IN ('head', 'member')),
                  personKey TEXT NOT NULL CHECK (length(personKey) = 64),
                  eventTime TEXT NOT NULL,
                  eventId TEXT NOT NULL CHECK (length(eventId) = 36),
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  PRIMARY KEY (householdKey, kind, personKey)
                ) WITHOUT ROWID;
                CREATE INDEX householdPerson_person ON householdPerson (personKey, householdKey);
                """)
        let narrow = "caseKind IN ('conflict', 'requested')"
        guard let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'household'"),
            table.contains(narrow), let nameEnd = table.range(of: "(")
        else {
            throw DatabaseError(message: "coordinator-v6: the household table's definition is not the one coordinator-v5 left")
        }
        let indexes = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'household' AND sql IS NOT NULL")
        let widened = "CREATE TABLE household_v6 " + table[nameEnd.lowerBound...]
            .replacingOccurrences(of: narrow, with: "caseKind IN ('conflict', 'requested', 'sharedPerson')")
        try db.execute(sql: widened)
        try db.execute(sql: "INSERT INTO household_v6 SELECT * FROM household")
        try db.execute(sql: "DROP TABLE household")
        try db.execute(sql: "ALTER TABLE household_v6 RENAME TO household")
        for index in indexes { try db.execute(sql: index) }
        // Jiwa: each household's member count as its latest registration or update states it, and the regions' sums.
        try db.execute(
            sql: """
                ALTER TABLE household ADD COLUMN people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0);
                ALTER TABLE household ADD COLUMN peopleTime TEXT;
                ALTER TABLE household ADD COLUMN peopleEventId TEXT;
                ALTER TABLE household ADD COLUMN isDuplicate INTEGER NOT NULL DEFAULT 0 CHECK (isDuplicate IN (0, 1));
                ALTER TABLE regionAggregate ADD COLUMN people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0);
                ALTER TABLE regionStrategy ADD COLUMN activePeople INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE enrolment ADD COLUMN memberKey TEXT CHECK (memberKey IS NULL OR length(memberKey) = 64);
                CREATE TABLE pendingPeople (
                  householdKey TEXT PRIMARY KEY NOT NULL CHECK (length(householdKey) = 64),
                  people INTEGER NOT NULL CHECK (people >= 0),
                  eventTime TEXT NOT NULL,
                  eventId TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
    }
}
