import EntasDomain
import Foundation
import Testing

/// The JSON examples of docs/events.md, copied here so that they are checked even where the docs are not
/// reachable; DocumentedExamplesTests also reads the docs and requires each of their examples to decode to the same payload.
enum DocumentedExamples {
    static let byType: [(ceType: String, json: String)] = [
        (
            "id.go.jatim.entas.household.registered.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "headNIK": "3509315507850003",
              "headName": "Siti Aminah",
              "address": "Dusun Krajan RT 002 RW 001",
              "desaCode": "35.09.31.2006",
              "memberCount": 4,
              "criteriaMet": [
                "floor_earth_bamboo_or_cheap_wood",
                "no_private_toilet",
                "cooks_with_firewood_charcoal_or_kerosene",
                "meat_milk_chicken_once_a_week_or_less",
                "one_new_clothing_set_a_year_or_less",
                "one_or_two_meals_a_day",
                "cannot_afford_clinic_treatment",
                "head_low_income_livelihood",
                "head_education_primary_or_less",
                "no_savings_or_assets_500k"
              ],
              "baselineStatus": "miskin",
              "registeredBy": "socialAid"
            }
            """#
        ),
        (
            "id.go.jatim.entas.household.updated.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "address": "Dusun Krajan RT 003 RW 001",
              "memberCount": 5,
              "updatedBy": "socialAid"
            }
            """#
        ),
        (
            "id.go.jatim.entas.household.assessed.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "communityEmpowerment",
              "status": "sangatMiskin",
              "criteriaMet": [
                "floor_area_under_8m2_per_person",
                "floor_earth_bamboo_or_cheap_wood",
                "wall_bamboo_thatch_cheap_wood_or_unplastered",
                "no_private_toilet",
                "no_electric_lighting",
                "unsafe_drinking_water_source",
                "cooks_with_firewood_charcoal_or_kerosene",
                "meat_milk_chicken_once_a_week_or_less",
                "one_new_clothing_set_a_year_or_less",
                "one_or_two_meals_a_day",
                "cannot_afford_clinic_treatment",
                "head_low_income_livelihood"
              ],
              "assessedOn": "2027-03-15",
              "assessor": "bapemas-jember-07"
            }
            """#
        ),
        (
            "id.go.jatim.entas.enrolment.started.v1",
            #"""
            {
              "enrolmentID": "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f",
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "socialAid",
              "programme": "pkh",
              "strategy": "socialProtection",
              "startedOn": "2027-03-15"
            }
            """#
        ),
        (
            "id.go.jatim.entas.enrolment.ended.v1",
            #"""
            {
              "enrolmentID": "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f",
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "socialAid",
              "programme": "pkh",
              "endedOn": "2027-12-31",
              "reason": "Graduasi mandiri"
            }
            """#
        ),
        (
            "id.go.jatim.entas.benefit.delivered.v1",
            #"""
            {
              "deliveryID": "0b7e2d7c-94a1-4f0e-8c1d-5e6f7a8b9c0d",
              "enrolmentID": "6f1c8a4e-3b2d-4c5e-9f70-1a2b3c4d5e6f",
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "socialAid",
              "programme": "pkh",
              "strategy": "socialProtection",
              "amountRupiah": 750000,
              "period": "2027-Q1",
              "deliveredOn": "2027-03-15"
            }
            """#
        ),
        (
            "id.go.jatim.entas.referral.made.v1",
            #"""
            {
              "referralID": "3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "fromCluster": "socialAid",
              "toCluster": "enterprise",
              "reason": "Siap usaha: warung kelontong",
              "madeOn": "2027-03-15"
            }
            """#
        ),
        (
            "id.go.jatim.entas.referral.answered.v1",
            #"""
            {
              "referralID": "3c9d1e2f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "fromCluster": "socialAid",
              "toCluster": "enterprise",
              "outcome": "declined",
              "note": "Kuota KUR 2027 penuh",
              "answeredOn": "2027-03-20"
            }
            """#
        ),
        (
            "id.go.jatim.entas.household.graduated.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "enterprise",
              "reason": "Usaha berjalan dua tahun",
              "graduatedOn": "2029-06-30"
            }
            """#
        ),
        (
            "id.go.jatim.entas.commitment.made.v1",
            #"""
            {
              "commitmentID": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
              "cluster": "socialAid",
              "regionCode": "35.09",
              "period": "2027",
              "programme": "pkh",
              "strategy": "socialProtection",
              "households": 12500,
              "deliveries": 50000,
              "budgetRupiah": 23750000000,
              "graduations": 1500,
              "madeOn": "2026-11-02"
            }
            """#
        ),
        (
            "id.go.jatim.entas.household.verified.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "socialAid",
              "caseID": "5e0c7a3d-2f41-8b6e-9c2d-4a1b3c5d7e9f",
              "status": "miskin",
              "criteriaMet": [
                "floor_earth_bamboo_or_cheap_wood",
                "no_private_toilet",
                "cooks_with_firewood_charcoal_or_kerosene",
                "meat_milk_chicken_once_a_week_or_less",
                "one_new_clothing_set_a_year_or_less",
                "one_or_two_meals_a_day",
                "cannot_afford_clinic_treatment",
                "head_low_income_livelihood",
                "head_education_primary_or_less",
                "no_savings_or_assets_500k"
              ],
              "verifiedOn": "2027-04-20",
              "verifier": "tksk-sumberjambe-1",
              "minutesReference": "BA-MUSDES/35.09.31.2006/2027/014"
            }
            """#
        ),
        (
            "id.go.jatim.entas.verification.requested.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "enterprise",
              "reason": "Usaha warung tercatat, kriteria penghasilan perlu dicek ulang",
              "requestedOn": "2027-04-02"
            }
            """#
        ),
        (
            "id.go.jatim.entas.verification.assigned.v1",
            #"""
            {
              "kkNumber": "3509311203080001",
              "desaCode": "35.09.31.2006",
              "cluster": "socialAid",
              "caseID": "5e0c7a3d-2f41-8b6e-9c2d-4a1b3c5d7e9f",
              "team": "tksk-sumberjambe-1",
              "areaCode": "35.09.31",
              "assignedOn": "2027-04-05"
            }
            """#
        ),
    ]
}
