-- This is an empty migration.
-- (That line is the schema diff's: schema.prisma changed only in comments. The data changes.)

-- Format 2 of the accounts (lib/accounts/schema.ts): tables are known by kind, rows and columns
-- by what they hold, where format 1 used "T1".."T9" and the printed 行次 and 栏次 of the Hubei 2021
-- layout. This rewrites every figure, and the document of every final accounts still in format 1,
-- to the new keys, exactly as lib/accounts/upgrade.ts upgrades a format 1 file. Keys that do not
-- change (classification codes, "total", "personnelTotal", "operatingTotal") keep their value.
-- final_accounts_revision is left as it is: revisions are never updated (a trigger refuses it),
-- and they are upgraded when read.
--
-- The mapping was generated from the Hubei 2021 template by scripts/table-kinds-mapping.ts and
-- pasted here, so that this migration stays what it was when written.

CREATE TEMPORARY TABLE "format1_table" ("code" TEXT PRIMARY KEY, "kind" TEXT NOT NULL);
CREATE TEMPORARY TABLE "format1_row" ("kind" TEXT NOT NULL, "format1_key" TEXT NOT NULL, "format2_key" TEXT NOT NULL, PRIMARY KEY ("kind", "format1_key"));
CREATE TEMPORARY TABLE "format1_column" ("kind" TEXT NOT NULL, "format1_key" TEXT NOT NULL, "format2_key" TEXT NOT NULL, PRIMARY KEY ("kind", "format1_key"));

INSERT INTO "format1_table" ("code", "kind") VALUES
    ('T1', 'incomeExpenditureSummary'),
    ('T2', 'income'),
    ('T3', 'expenditure'),
    ('T4', 'appropriationSummary'),
    ('T5', 'generalBudgetExpenditure'),
    ('T6', 'generalBudgetBasicExpenditure'),
    ('T7', 'threePublicExpensesTable'),
    ('T8', 'governmentFund'),
    ('T9', 'stateCapital');

INSERT INTO "format1_row" ("kind", "format1_key", "format2_key") VALUES
    ('incomeExpenditureSummary', '1', 'generalBudgetAppropriation'),
    ('incomeExpenditureSummary', '2', 'governmentFundAppropriation'),
    ('incomeExpenditureSummary', '3', 'stateCapitalAppropriation'),
    ('incomeExpenditureSummary', '4', 'higherLevelGrants'),
    ('incomeExpenditureSummary', '5', 'serviceIncome'),
    ('incomeExpenditureSummary', '6', 'operatingIncome'),
    ('incomeExpenditureSummary', '7', 'affiliateRemittances'),
    ('incomeExpenditureSummary', '8', 'otherIncome'),
    ('incomeExpenditureSummary', '9', 'line9'),
    ('incomeExpenditureSummary', '10', 'line10'),
    ('incomeExpenditureSummary', '11', 'line11'),
    ('incomeExpenditureSummary', '12', 'line12'),
    ('incomeExpenditureSummary', '13', 'line13'),
    ('incomeExpenditureSummary', '14', 'line14'),
    ('incomeExpenditureSummary', '15', 'line15'),
    ('incomeExpenditureSummary', '16', 'line16'),
    ('incomeExpenditureSummary', '17', 'line17'),
    ('incomeExpenditureSummary', '18', 'line18'),
    ('incomeExpenditureSummary', '19', 'line19'),
    ('incomeExpenditureSummary', '20', 'line20'),
    ('incomeExpenditureSummary', '21', 'line21'),
    ('incomeExpenditureSummary', '22', 'line22'),
    ('incomeExpenditureSummary', '23', 'line23'),
    ('incomeExpenditureSummary', '24', 'line24'),
    ('incomeExpenditureSummary', '25', 'line25'),
    ('incomeExpenditureSummary', '26', 'line26'),
    ('incomeExpenditureSummary', '27', 'incomeTotal'),
    ('incomeExpenditureSummary', '28', 'nonAppropriationBalanceUsed'),
    ('incomeExpenditureSummary', '29', 'openingBalance'),
    ('incomeExpenditureSummary', '30', 'incomeGrandTotal'),
    ('incomeExpenditureSummary', '31', '201'),
    ('incomeExpenditureSummary', '32', '202'),
    ('incomeExpenditureSummary', '33', '203'),
    ('incomeExpenditureSummary', '34', '204'),
    ('incomeExpenditureSummary', '35', '205'),
    ('incomeExpenditureSummary', '36', '206'),
    ('incomeExpenditureSummary', '37', '207'),
    ('incomeExpenditureSummary', '38', '208'),
    ('incomeExpenditureSummary', '39', '210'),
    ('incomeExpenditureSummary', '40', '211'),
    ('incomeExpenditureSummary', '41', '212'),
    ('incomeExpenditureSummary', '42', '213'),
    ('incomeExpenditureSummary', '43', '214'),
    ('incomeExpenditureSummary', '44', '215'),
    ('incomeExpenditureSummary', '45', '216'),
    ('incomeExpenditureSummary', '46', '217'),
    ('incomeExpenditureSummary', '47', '219'),
    ('incomeExpenditureSummary', '48', '220'),
    ('incomeExpenditureSummary', '49', '221'),
    ('incomeExpenditureSummary', '50', '222'),
    ('incomeExpenditureSummary', '51', '223'),
    ('incomeExpenditureSummary', '52', '224'),
    ('incomeExpenditureSummary', '53', '229'),
    ('incomeExpenditureSummary', '54', '231'),
    ('incomeExpenditureSummary', '55', '232'),
    ('incomeExpenditureSummary', '56', '234'),
    ('incomeExpenditureSummary', '57', 'expenditureTotal'),
    ('incomeExpenditureSummary', '58', 'balanceDistribution'),
    ('incomeExpenditureSummary', '59', 'closingBalance'),
    ('incomeExpenditureSummary', '60', 'expenditureGrandTotal'),
    ('appropriationSummary', '1', 'generalBudgetAppropriation'),
    ('appropriationSummary', '2', 'governmentFundAppropriation'),
    ('appropriationSummary', '3', 'stateCapitalAppropriation'),
    ('appropriationSummary', '4', 'line4'),
    ('appropriationSummary', '5', 'line5'),
    ('appropriationSummary', '6', 'line6'),
    ('appropriationSummary', '7', 'line7'),
    ('appropriationSummary', '8', 'line8'),
    ('appropriationSummary', '9', 'line9'),
    ('appropriationSummary', '10', 'line10'),
    ('appropriationSummary', '11', 'line11'),
    ('appropriationSummary', '12', 'line12'),
    ('appropriationSummary', '13', 'line13'),
    ('appropriationSummary', '14', 'line14'),
    ('appropriationSummary', '15', 'line15'),
    ('appropriationSummary', '16', 'line16'),
    ('appropriationSummary', '17', 'line17'),
    ('appropriationSummary', '18', 'line18'),
    ('appropriationSummary', '19', 'line19'),
    ('appropriationSummary', '20', 'line20'),
    ('appropriationSummary', '21', 'line21'),
    ('appropriationSummary', '22', 'line22'),
    ('appropriationSummary', '23', 'line23'),
    ('appropriationSummary', '24', 'line24'),
    ('appropriationSummary', '25', 'line25'),
    ('appropriationSummary', '26', 'line26'),
    ('appropriationSummary', '27', 'incomeTotal'),
    ('appropriationSummary', '28', 'openingBalance'),
    ('appropriationSummary', '29', 'openingBalanceGeneralBudget'),
    ('appropriationSummary', '30', 'openingBalanceGovernmentFund'),
    ('appropriationSummary', '31', 'openingBalanceStateCapital'),
    ('appropriationSummary', '32', 'incomeGrandTotal'),
    ('appropriationSummary', '33', '201'),
    ('appropriationSummary', '34', '202'),
    ('appropriationSummary', '35', '203'),
    ('appropriationSummary', '36', '204'),
    ('appropriationSummary', '37', '205'),
    ('appropriationSummary', '38', '206'),
    ('appropriationSummary', '39', '207'),
    ('appropriationSummary', '40', '208'),
    ('appropriationSummary', '41', '210'),
    ('appropriationSummary', '42', '211'),
    ('appropriationSummary', '43', '212'),
    ('appropriationSummary', '44', '213'),
    ('appropriationSummary', '45', '214'),
    ('appropriationSummary', '46', '215'),
    ('appropriationSummary', '47', '216'),
    ('appropriationSummary', '48', '217'),
    ('appropriationSummary', '49', '219'),
    ('appropriationSummary', '50', '220'),
    ('appropriationSummary', '51', '221'),
    ('appropriationSummary', '52', '222'),
    ('appropriationSummary', '53', '223'),
    ('appropriationSummary', '54', '224'),
    ('appropriationSummary', '55', '229'),
    ('appropriationSummary', '56', '231'),
    ('appropriationSummary', '57', '232'),
    ('appropriationSummary', '58', '234'),
    ('appropriationSummary', '59', 'expenditureTotal'),
    ('appropriationSummary', '60', 'closingBalance'),
    ('appropriationSummary', '61', 'closingBalanceGeneralBudget'),
    ('appropriationSummary', '62', 'closingBalanceGovernmentFund'),
    ('appropriationSummary', '63', 'closingBalanceStateCapital'),
    ('appropriationSummary', '64', 'expenditureGrandTotal'),
    ('threePublicExpensesTable', '1', 'total');

INSERT INTO "format1_column" ("kind", "format1_key", "format2_key") VALUES
    ('incomeExpenditureSummary', '1', 'income'),
    ('incomeExpenditureSummary', '2', 'expenditure'),
    ('income', '1', 'total'),
    ('income', '2', 'appropriation'),
    ('income', '3', 'higherLevelGrants'),
    ('income', '4', 'serviceIncome'),
    ('income', '5', 'operatingIncome'),
    ('income', '6', 'affiliateRemittances'),
    ('income', '7', 'otherIncome'),
    ('expenditure', '1', 'total'),
    ('expenditure', '2', 'basic'),
    ('expenditure', '3', 'project'),
    ('expenditure', '4', 'remittancesToHigherLevel'),
    ('expenditure', '5', 'operating'),
    ('expenditure', '6', 'grantsToAffiliates'),
    ('appropriationSummary', '1', 'income'),
    ('appropriationSummary', '2', 'total'),
    ('appropriationSummary', '3', 'generalBudget'),
    ('appropriationSummary', '4', 'governmentFund'),
    ('appropriationSummary', '5', 'stateCapital'),
    ('generalBudgetExpenditure', '1', 'total'),
    ('generalBudgetExpenditure', '2', 'basic'),
    ('generalBudgetExpenditure', '3', 'project'),
    ('generalBudgetBasicExpenditure', '1', 'amount'),
    ('threePublicExpensesTable', '1', 'budgetTotal'),
    ('threePublicExpensesTable', '2', 'budgetOverseasTrips'),
    ('threePublicExpensesTable', '3', 'budgetVehicles'),
    ('threePublicExpensesTable', '4', 'budgetVehiclePurchase'),
    ('threePublicExpensesTable', '5', 'budgetVehicleOperation'),
    ('threePublicExpensesTable', '6', 'budgetReceptions'),
    ('threePublicExpensesTable', '7', 'actualTotal'),
    ('threePublicExpensesTable', '8', 'actualOverseasTrips'),
    ('threePublicExpensesTable', '9', 'actualVehicles'),
    ('threePublicExpensesTable', '10', 'actualVehiclePurchase'),
    ('threePublicExpensesTable', '11', 'actualVehicleOperation'),
    ('threePublicExpensesTable', '12', 'actualReceptions'),
    ('governmentFund', '1', 'openingBalance'),
    ('governmentFund', '2', 'income'),
    ('governmentFund', '3', 'expenditureTotal'),
    ('governmentFund', '4', 'basic'),
    ('governmentFund', '5', 'project'),
    ('governmentFund', '6', 'closingBalance'),
    ('stateCapital', '1', 'expenditureTotal'),
    ('stateCapital', '2', 'basic'),
    ('stateCapital', '3', 'project');

-- Figures: one UPDATE; the old and new keys never collide, as every new table code differs from
-- every old one.
ALTER TABLE "figure" DROP CONSTRAINT "figure_table_code_check";

UPDATE "figure" AS f
SET "table_code" = t."kind",
    "row_key" = COALESCE((SELECT r."format2_key" FROM "format1_row" r WHERE r."kind" = t."kind" AND r."format1_key" = f."row_key"), f."row_key"),
    "column_key" = COALESCE((SELECT c."format2_key" FROM "format1_column" c WHERE c."kind" = t."kind" AND c."format1_key" = f."column_key"), f."column_key")
FROM "format1_table" t
WHERE t."code" = f."table_code";

-- Any figure left under a format 1 table code fails here, and the whole migration with it.
ALTER TABLE "figure" ADD CONSTRAINT "figure_table_code_check"
    CHECK ("table_code" IN ('incomeExpenditureSummary', 'income', 'expenditure', 'appropriationSummary', 'generalBudgetExpenditure', 'generalBudgetBasicExpenditure', 'threePublicExpensesTable', 'governmentFund', 'stateCapital'));

-- Live documents in format 1 (cells are stored as figures, so their rows have empty cells, but
-- cells are renamed all the same): formatVersion 2, template hubei-2021, tables under their
-- kinds with row and cell keys renamed in row order, and initialBudget.byClass as bySubject.
UPDATE "final_accounts" AS a
SET "document" = jsonb_build_object('formatVersion', 2, 'template', 'hubei-2021')
    || (a."document" - 'formatVersion' - 'tables' - 'comparisons')
    || CASE WHEN jsonb_typeof(a."document" -> 'tables') = 'object' THEN jsonb_build_object('tables', (
        SELECT COALESCE(jsonb_object_agg(COALESCE(t."kind", e."key"),
            CASE WHEN t."kind" IS NULL OR jsonb_typeof(e."value" -> 'rows') IS DISTINCT FROM 'array' THEN e."value"
            ELSE jsonb_set(e."value", '{rows}', (
                SELECT COALESCE(jsonb_agg(
                    CASE WHEN jsonb_typeof(x."line") = 'object' AND jsonb_typeof(x."line" -> 'row') = 'string' AND jsonb_typeof(x."line" -> 'cells') = 'object'
                    THEN x."line" || jsonb_build_object(
                        'row', COALESCE(r."format2_key", x."line" ->> 'row'),
                        'cells', (SELECT COALESCE(jsonb_object_agg(COALESCE(c."format2_key", cell."key"), cell."value"), '{}'::jsonb)
                                  FROM jsonb_each(x."line" -> 'cells') AS cell
                                  LEFT JOIN "format1_column" c ON c."kind" = t."kind" AND c."format1_key" = cell."key"))
                    ELSE x."line" END
                    ORDER BY x."position"), '[]'::jsonb)
                FROM jsonb_array_elements(e."value" -> 'rows') WITH ORDINALITY AS x("line", "position")
                LEFT JOIN "format1_row" r ON r."kind" = t."kind" AND r."format1_key" = x."line" ->> 'row'))
            END), '{}'::jsonb)
        FROM jsonb_each(a."document" -> 'tables') AS e
        LEFT JOIN "format1_table" t ON t."code" = e."key"))
    ELSE '{}'::jsonb END
    || CASE WHEN jsonb_typeof(a."document" -> 'comparisons') = 'object' AND jsonb_typeof(a."document" -> 'comparisons' -> 'initialBudget') = 'object'
        THEN jsonb_build_object('comparisons', jsonb_set(a."document" -> 'comparisons', '{initialBudget}',
            ((a."document" -> 'comparisons' -> 'initialBudget') - 'byClass' - 'bySubject')
            || CASE WHEN a."document" -> 'comparisons' -> 'initialBudget' ? 'byClass'
                THEN jsonb_build_object('bySubject', a."document" -> 'comparisons' -> 'initialBudget' -> 'byClass')
                ELSE '{}'::jsonb END))
    WHEN a."document" ? 'comparisons' THEN jsonb_build_object('comparisons', a."document" -> 'comparisons')
    ELSE '{}'::jsonb END
WHERE a."document" -> 'formatVersion' = '1'::jsonb;

DROP TABLE "format1_table", "format1_row", "format1_column";
