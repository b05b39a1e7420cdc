import EntasService
import GRDB

/// The tables every cluster service has beside the shared ones (outbox, inbox, household
/// replica, tokens). Append-only: a change is a new migration.
public enum ClusterMigrations {
    public static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("cluster-v1") { db in
            // This cluster's own latest assessment of a household.
            try db.execute(
                sql: """
                    CREATE TABLE householdStatus (
                        kkNumber TEXT PRIMARY KEY NOT NULL REFERENCES householdReplica(kkNumber),
                        status TEXT NOT NULL,
                        criteriaMet TEXT NOT NULL,
                        assessedOn TEXT NOT NULL,
                        assessor TEXT NOT NULL
                    );
                    CREATE TABLE enrolment (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        programme TEXT NOT NULL,
                        strategy TEXT NOT NULL,
                        startedOn TEXT NOT NULL,
                        endedOn TEXT,
                        endReason TEXT,
                        CHECK (endedOn IS NULL OR endedOn >= startedOn)
                    );
                    CREATE UNIQUE INDEX enrolment_active ON enrolment(kkNumber, programme) WHERE endedOn IS NULL;
                    CREATE INDEX enrolment_programme ON enrolment(programme, endedOn);
                    CREATE TABLE delivery (
                        id TEXT PRIMARY KEY NOT NULL,
                        enrolmentId TEXT NOT NULL REFERENCES enrolment(id),
                        amountRupiah INTEGER CHECK (amountRupiah IS NULL OR amountRupiah >= 0),
                        inKindQuantity REAL CHECK (inKindQuantity IS NULL OR inKindQuantity >= 0),
                        inKindUnit TEXT,
                        period TEXT NOT NULL,
                        deliveredOn TEXT NOT NULL,
                        CHECK (amountRupiah IS NOT NULL OR inKindQuantity IS NOT NULL)
                    );
                    CREATE INDEX delivery_enrolment ON delivery(enrolmentId);
                    CREATE TABLE referral (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL,
                        desaCode TEXT NOT NULL,
                        fromCluster TEXT NOT NULL,
                        toCluster TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        madeOn TEXT NOT NULL,
                        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('accepted', 'declined')),
                        note TEXT,
                        answeredOn TEXT,
                        CHECK (fromCluster <> toCluster)
                    );
                    CREATE INDEX referral_to ON referral(toCluster, outcome);
                    CREATE TABLE graduation (
                        kkNumber TEXT PRIMARY KEY NOT NULL REFERENCES householdReplica(kkNumber),
                        reason TEXT NOT NULL,
                        graduatedOn TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("cluster-v2-commitment-revision") { db in
            // Every revision of the cluster's commitments; one commitmentID per region, period and programme.
            try db.execute(
                sql: """
                    CREATE TABLE commitmentRevision (
                        commitmentID TEXT NOT NULL CHECK (length(commitmentID) = 36),
                        revision INTEGER NOT NULL CHECK (revision >= 1),
                        eventId TEXT NOT NULL UNIQUE,
                        regionCode TEXT NOT NULL,
                        period TEXT NOT NULL,
                        programme TEXT NOT NULL,
                        strategy TEXT NOT NULL,
                        households INTEGER NOT NULL CHECK (households >= 0),
                        deliveries INTEGER NOT NULL CHECK (deliveries >= 0),
                        budgetRupiah INTEGER NOT NULL CHECK (budgetRupiah >= 0),
                        madeOn TEXT NOT NULL,
                        recordedBy TEXT NOT NULL,
                        recordedAt DATETIME NOT NULL,
                        PRIMARY KEY (commitmentID, revision)
                    );
                    CREATE UNIQUE INDEX commitmentRevision_subject ON commitmentRevision(regionCode, period, programme, revision);
                    """)
        }
        migrator.registerMigration("cluster-v3-commitment-graduations") { db in
            // The households a commitment expects to graduate; NULL for commitments that promise none.
            try db.execute(
                sql: "ALTER TABLE commitmentRevision ADD COLUMN graduations INTEGER CHECK (graduations IS NULL OR graduations >= 0)")
        }
        migrator.registerMigration("cluster-v4-household-head-nik") { db in
            // One person heads one household here: a registration looks its head's NIK up (not unique: a store
            // written before the rule may hold a NIK twice, and the events of other clusters are applied as sent).
            try db.execute(sql: "CREATE INDEX householdReplica_headNIK ON householdReplica(headNIK)")
        }
        migrator.registerMigration("cluster-v5-enrolment-member") { db in
            // PIP enrols a member by NIK (one running enrolment per member and programme); PKH records the
            // components the family counted under; a delivery may name the member it went to.
            try db.execute(
                sql: """
                    ALTER TABLE enrolment ADD COLUMN memberNIK TEXT CHECK (memberNIK IS NULL OR length(memberNIK) = 16);
                    ALTER TABLE enrolment ADD COLUMN pkhComponents TEXT;
                    DROP INDEX enrolment_active;
                    CREATE UNIQUE INDEX enrolment_active ON enrolment(kkNumber, programme, ifnull(memberNIK, '')) WHERE endedOn IS NULL;
                    ALTER TABLE delivery ADD COLUMN memberNIK TEXT CHECK (memberNIK IS NULL OR length(memberNIK) = 16);
                    """)
        }
    }
}
