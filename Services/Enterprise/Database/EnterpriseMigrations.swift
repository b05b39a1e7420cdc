import GRDB

/// UMKM's own tables: enterprises, KUR loans and their repayments, trainings and attendance,
/// then the cooperatives. Append-only, literal SQL, never edited once shipped (a change is a
/// new migration, here).
enum EnterpriseMigrations {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("umkm-v1-enterprise") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enterprise (
                        id TEXT PRIMARY KEY NOT NULL,
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        ownerNIK TEXT NOT NULL,
                        name TEXT NOT NULL,
                        sector TEXT NOT NULL,
                        startedOn TEXT NOT NULL
                    );
                    CREATE INDEX enterprise_household ON enterprise(kkNumber);
                    """)
        }
        migrator.registerMigration("umkm-v1-loan") { db in
            try db.execute(
                sql: """
                    CREATE TABLE loan (
                        id TEXT PRIMARY KEY NOT NULL,
                        enterpriseId TEXT NOT NULL REFERENCES enterprise(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        requestedRupiah INTEGER NOT NULL CHECK (requestedRupiah > 0),
                        termMonths INTEGER NOT NULL CHECK (termMonths > 0),
                        appliedOn TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'rejected', 'disbursed', 'repaid')),
                        approvedRupiah INTEGER CHECK (approvedRupiah IS NULL OR approvedRupiah > 0),
                        decidedOn TEXT,
                        rejectionReason TEXT,
                        disbursedOn TEXT,
                        enrolmentId TEXT REFERENCES enrolment(id)
                    );
                    CREATE INDEX loan_household ON loan(kkNumber);
                    CREATE INDEX loan_status ON loan(status);
                    CREATE TABLE loanRepayment (
                        loanId TEXT NOT NULL REFERENCES loan(id),
                        paidOn TEXT NOT NULL,
                        amountRupiah INTEGER NOT NULL CHECK (amountRupiah > 0)
                    );
                    CREATE INDEX loanRepayment_loan ON loanRepayment(loanId);
                    """)
        }
        migrator.registerMigration("umkm-v1-training") { db in
            try db.execute(
                sql: """
                    CREATE TABLE training (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        sector TEXT,
                        desaCode TEXT NOT NULL,
                        heldOn TEXT NOT NULL
                    );
                    CREATE INDEX training_desa ON training(desaCode);
                    CREATE TABLE trainingAttendance (
                        trainingId TEXT NOT NULL REFERENCES training(id),
                        kkNumber TEXT NOT NULL REFERENCES householdReplica(kkNumber),
                        deliveryId TEXT NOT NULL REFERENCES delivery(id),
                        PRIMARY KEY (trainingId, kkNumber)
                    );
                    """)
        }
        CooperativeMigrations.register(&migrator)
    }
}
