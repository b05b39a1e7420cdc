import EntasAPI
import GRDB

extension CoordinatorMigrations {
    /// `coordinator-v7-household-numbers`: the facts stored by household number, in the order households were
    /// first seen, instead of by their 64-digit HMAC key (docs/performance.md has the measurements).
    ///
    /// A key is random, so a batch's households were spread over every page of every household-keyed B-tree
    /// (the history's index, the assessments, the enrolments' and deliveries' indexes), and each batch read and
    /// wrote back a page of each for almost every household. Numbers given in the order households are first
    /// seen keep a batch's households side by side at the end of those B-trees.
    ///
    /// - `householdNumber`: each household key the read model has met, numbered from 1 in the order first seen
    ///   (an update may name a household before anything places it, so a key is numbered before its row exists).
    /// - `household.number`: the household's number (unique), what the facts refer to.
    /// - `assessmentByHousehold`, `enrolmentByHousehold`, `referralByHousehold`, `deliveryByHousehold` and
    ///   `historyByHousehold` hold the rows of `clusterAssessment`, `enrolment`, `referral`, `delivery` and
    ///   `householdEvent` with the household's number in place of its key (`household`); those five names are
    ///   now views of them with the key joined back, so every reader sees the rows as before.
    /// - The history is one B-tree keyed by household number and event id (`WITHOUT ROWID`): a household's rows
    ///   side by side, read without a lookup per row; a unique index on the event id keeps each event once
    ///   (dropped by `coordinator-v8-history-without-event-index`: the inbox does that).
    ///
    /// An existing store keeps its rows: households are numbered in the order they were stored, then the keys
    /// only the history knows. Literal SQL: a shipped migration never changes.
    @Sendable static func numberHouseholds(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE householdNumber (
                  number INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE CHECK (length(key) = 64)
                );
                INSERT INTO householdNumber (key) SELECT key FROM household ORDER BY rowid;
                INSERT INTO householdNumber (key)
                  SELECT DISTINCT householdKey FROM householdEvent WHERE householdKey NOT IN (SELECT key FROM householdNumber);
                ALTER TABLE household ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
                UPDATE household SET number = (SELECT n.number FROM householdNumber n WHERE n.key = household.key);
                CREATE UNIQUE INDEX household_number ON household (number);

                CREATE TABLE assessmentByHousehold (
                  household INTEGER NOT NULL REFERENCES household(number) ON DELETE CASCADE,
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  status TEXT NOT NULL CHECK (status IN \(statuses)),
                  criteriaMetCount INTEGER CHECK (criteriaMetCount BETWEEN 0 AND 14),
                  source TEXT NOT NULL CHECK (source IN ('assessment', 'graduation')),
                  assessedOn TEXT NOT NULL CHECK (length(assessedOn) = 10),
                  eventTime TEXT NOT NULL,
                  eventId TEXT NOT NULL,
                  PRIMARY KEY (household, cluster),
                  CHECK (CASE source WHEN 'graduation' THEN status = 'graduated' AND criteriaMetCount IS NULL
                    ELSE criteriaMetCount IS NOT NULL END)
                ) WITHOUT ROWID;
                INSERT INTO assessmentByHousehold
                  SELECT n.number, a.cluster, a.status, a.criteriaMetCount, a.source, a.assessedOn, a.eventTime, a.eventId
                  FROM clusterAssessment a JOIN householdNumber n ON n.key = a.householdKey;
                DROP TABLE clusterAssessment;
                CREATE VIEW clusterAssessment AS
                  SELECT n.key AS householdKey, a.cluster, a.status, a.criteriaMetCount, a.source, a.assessedOn, a.eventTime, a.eventId
                  FROM assessmentByHousehold a JOIN householdNumber n ON n.number = a.household;

                CREATE TABLE enrolmentByHousehold (
                  enrolmentID TEXT PRIMARY KEY NOT NULL CHECK (length(enrolmentID) = 36),
                  household INTEGER NOT NULL REFERENCES household(number) ON DELETE CASCADE,
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  programme TEXT NOT NULL,
                  strategy TEXT CHECK (strategy IN \(strategies)),
                  desaCode TEXT NOT NULL CHECK (length(desaCode) = 13),
                  startedOn TEXT,
                  endedOn TEXT,
                  memberKey TEXT CHECK (memberKey IS NULL OR length(memberKey) = 64),
                  CHECK ((startedOn IS NULL) = (strategy IS NULL)),
                  CHECK (startedOn IS NOT NULL OR endedOn IS NOT NULL)
                );
                INSERT INTO enrolmentByHousehold
                  SELECT e.enrolmentID, n.number, e.cluster, e.programme, e.strategy, e.desaCode, e.startedOn, e.endedOn, e.memberKey
                  FROM enrolment e JOIN householdNumber n ON n.key = e.householdKey;
                DROP TABLE enrolment;
                CREATE INDEX enrolmentByHousehold_household ON enrolmentByHousehold (household);
                CREATE INDEX enrolmentByHousehold_desa ON enrolmentByHousehold (desaCode, startedOn);
                CREATE VIEW enrolment AS
                  SELECT e.enrolmentID, n.key AS householdKey, e.cluster, e.programme, e.strategy, e.desaCode, e.startedOn,
                    e.endedOn, e.memberKey
                  FROM enrolmentByHousehold e JOIN householdNumber n ON n.number = e.household;

                CREATE TABLE referralByHousehold (
                  referralID TEXT PRIMARY KEY NOT NULL CHECK (length(referralID) = 36),
                  household INTEGER NOT NULL REFERENCES household(number) ON DELETE CASCADE,
                  fromCluster TEXT NOT NULL CHECK (fromCluster IN \(clusters)),
                  toCluster TEXT NOT NULL CHECK (toCluster IN \(clusters)),
                  reason TEXT,
                  madeOn TEXT,
                  outcome TEXT CHECK (outcome IN ('accepted', 'declined')),
                  note TEXT,
                  answeredOn TEXT,
                  CHECK (fromCluster <> toCluster),
                  CHECK ((madeOn IS NULL) = (reason IS NULL) AND (outcome IS NULL) = (answeredOn IS NULL)),
                  CHECK (madeOn IS NOT NULL OR answeredOn IS NOT NULL),
                  CHECK (note IS NULL OR outcome IS NOT NULL)
                );
                INSERT INTO referralByHousehold
                  SELECT r.referralID, n.number, r.fromCluster, r.toCluster, r.reason, r.madeOn, r.outcome, r.note, r.answeredOn
                  FROM referral r JOIN householdNumber n ON n.key = r.householdKey;
                DROP TABLE referral;
                CREATE INDEX referralByHousehold_household ON referralByHousehold (household);
                CREATE VIEW referral AS
                  SELECT r.referralID, n.key AS householdKey, r.fromCluster, r.toCluster, r.reason, r.madeOn, r.outcome, r.note,
                    r.answeredOn
                  FROM referralByHousehold r JOIN householdNumber n ON n.number = r.household;

                CREATE TABLE deliveryByHousehold (
                  deliveryID TEXT PRIMARY KEY NOT NULL CHECK (length(deliveryID) = 36),
                  enrolmentID TEXT NOT NULL CHECK (length(enrolmentID) = 36),
                  household INTEGER NOT NULL REFERENCES household(number) ON DELETE CASCADE,
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  programme TEXT NOT NULL,
                  strategy TEXT NOT NULL CHECK (strategy IN \(strategies)),
                  desaCode TEXT NOT NULL CHECK (length(desaCode) = 13),
                  amountRupiah INTEGER CHECK (amountRupiah >= 0),
                  inKindQuantity DOUBLE CHECK (inKindQuantity > 0),
                  inKindUnit TEXT,
                  period TEXT NOT NULL,
                  deliveredOn TEXT NOT NULL,
                  CHECK (amountRupiah IS NOT NULL OR inKindQuantity IS NOT NULL),
                  CHECK ((inKindQuantity IS NULL) = (inKindUnit IS NULL))
                );
                INSERT INTO deliveryByHousehold
                  SELECT d.deliveryID, d.enrolmentID, n.number, d.cluster, d.programme, d.strategy, d.desaCode, d.amountRupiah,
                    d.inKindQuantity, d.inKindUnit, d.period, d.deliveredOn
                  FROM delivery d JOIN householdNumber n ON n.key = d.householdKey;
                DROP TABLE delivery;
                CREATE INDEX deliveryByHousehold_household ON deliveryByHousehold (household);
                CREATE INDEX deliveryByHousehold_desa ON deliveryByHousehold (desaCode, period);
                CREATE VIEW delivery AS
                  SELECT d.deliveryID, d.enrolmentID, n.key AS householdKey, d.cluster, d.programme, d.strategy, d.desaCode,
                    d.amountRupiah, d.inKindQuantity, d.inKindUnit, d.period, d.deliveredOn
                  FROM deliveryByHousehold d JOIN householdNumber n ON n.number = d.household;

                CREATE TABLE historyByHousehold (
                  household INTEGER NOT NULL,
                  eventId TEXT NOT NULL CHECK (length(eventId) = 36),
                  ceType TEXT NOT NULL,
                  cluster TEXT NOT NULL CHECK (cluster IN \(clusters)),
                  effectiveDate TEXT NOT NULL CHECK (length(effectiveDate) = 10),
                  eventTime TEXT NOT NULL,
                  status TEXT CHECK (status IN \(statuses)),
                  summary TEXT NOT NULL,
                  detail TEXT,
                  PRIMARY KEY (household, eventId)
                ) WITHOUT ROWID;
                INSERT INTO historyByHousehold
                  SELECT n.number, e.eventId, e.ceType, e.cluster, e.effectiveDate, e.eventTime, e.status, e.summary, e.detail
                  FROM householdEvent e JOIN householdNumber n ON n.key = e.householdKey;
                DROP TABLE householdEvent;
                CREATE UNIQUE INDEX historyByHousehold_event ON historyByHousehold (eventId);
                CREATE INDEX historyByHousehold_graduation ON historyByHousehold (effectiveDate)
                  WHERE ceType = 'id.go.jatim.entas.household.graduated.v1';
                CREATE VIEW householdEvent AS
                  SELECT e.eventId, n.key AS householdKey, e.ceType, e.cluster, e.effectiveDate, e.eventTime, e.status, e.summary,
                    e.detail
                  FROM historyByHousehold e JOIN householdNumber n ON n.number = e.household;
                """)
    }
}
