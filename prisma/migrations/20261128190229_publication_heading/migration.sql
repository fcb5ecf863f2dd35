-- AlterTable
ALTER TABLE "final_accounts" ADD COLUMN     "correction_reason" TEXT;

-- AlterTable
ALTER TABLE "final_accounts_revision" ADD COLUMN     "approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "correction_reason" TEXT,
ADD COLUMN     "department_name" TEXT,
ADD COLUMN     "district_name" TEXT;

-- Hand-written below.

-- A revision carries the heading the public page shows. What the writer leaves null is taken
-- from the live rows at the moment of writing, so a later rename changes nothing written.
CREATE FUNCTION "fill_revision_heading"() RETURNS trigger AS $$
DECLARE
    accounts RECORD;
BEGIN
    SELECT d."name" AS department_name, di."name" AS district_name, fa."approved_at", fa."published_at", fa."correction_reason"
      INTO accounts
      FROM "final_accounts" fa
      JOIN "department" d ON d."id" = fa."department_id"
      JOIN "district" di ON di."id" = d."district_id"
     WHERE fa."id" = NEW."final_accounts_id";
    NEW."department_name" := COALESCE(NEW."department_name", accounts.department_name);
    NEW."district_name" := COALESCE(NEW."district_name", accounts.district_name);
    IF NEW."status" IN ('APPROVED', 'PUBLISHED') THEN
        NEW."approved_at" := COALESCE(NEW."approved_at", accounts."approved_at");
    END IF;
    IF NEW."status" = 'PUBLISHED' THEN
        NEW."published_at" := COALESCE(NEW."published_at", accounts."published_at", CURRENT_TIMESTAMP);
        NEW."correction_reason" := COALESCE(NEW."correction_reason", accounts."correction_reason");
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "final_accounts_revision_heading"
    BEFORE INSERT ON "final_accounts_revision"
    FOR EACH ROW EXECUTE FUNCTION "fill_revision_heading"();

-- Revisions written before this migration: their heading as it stands now, the best record
-- there is. Only the owner running this migration can lift the no-update trigger, and only here.
ALTER TABLE "final_accounts_revision" DISABLE TRIGGER "final_accounts_revision_no_update";
UPDATE "final_accounts_revision" r
   SET "department_name" = d."name",
       "district_name" = di."name",
       "approved_at" = CASE WHEN r."status" IN ('APPROVED', 'PUBLISHED') THEN fa."approved_at" END,
       "published_at" = CASE WHEN r."status" = 'PUBLISHED' THEN COALESCE(r."published_at", fa."published_at", r."created_at") ELSE r."published_at" END
  FROM "final_accounts" fa
  JOIN "department" d ON d."id" = fa."department_id"
  JOIN "district" di ON di."id" = d."district_id"
 WHERE fa."id" = r."final_accounts_id";
ALTER TABLE "final_accounts_revision" ENABLE TRIGGER "final_accounts_revision_no_update";

ALTER TABLE "final_accounts_revision" ADD CONSTRAINT "final_accounts_revision_published_heading_check" CHECK (
    "status" <> 'PUBLISHED' OR ("department_name" IS NOT NULL AND "district_name" IS NOT NULL AND "published_at" IS NOT NULL)
);

-- What was published stays published: a published revision cannot be deleted (nor its
-- accounts, whose deletion would cascade to it), and the table cannot be truncated.
CREATE FUNCTION "refuse_published_delete"() RETURNS trigger AS $$
BEGIN
    IF OLD."status" = 'PUBLISHED' THEN
        RAISE EXCEPTION 'final_accounts_revision: a published revision is permanent: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "final_accounts_revision_published_no_delete"
    BEFORE DELETE ON "final_accounts_revision"
    FOR EACH ROW EXECUTE FUNCTION "refuse_published_delete"();

CREATE TRIGGER "final_accounts_revision_no_truncate"
    BEFORE TRUNCATE ON "final_accounts_revision"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"();
