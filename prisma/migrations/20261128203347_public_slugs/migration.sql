-- AlterTable
ALTER TABLE "district" ADD COLUMN     "slug" TEXT NOT NULL DEFAULT ('r-'::text || substr(md5((random())::text), 1, 8));

-- AlterTable
ALTER TABLE "department" ADD COLUMN     "slug" TEXT NOT NULL DEFAULT ('d-'::text || substr(md5((random())::text), 1, 8));

-- CreateIndex
CREATE UNIQUE INDEX "district_slug_key" ON "district"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "department_district_id_slug_key" ON "department"("district_id", "slug");

-- Hand-written: districts that exist take their administrative code as their slug ("420104"),
-- which is readable and already unique; the seed gives its own districts and departments
-- readable slugs. Departments that exist keep the random default until someone names them.
UPDATE "district" SET "slug" = trim(both '-' from regexp_replace(lower("code"), '[^a-z0-9]+', '-', 'g'))
 WHERE trim(both '-' from regexp_replace(lower("code"), '[^a-z0-9]+', '-', 'g')) <> '';

-- A slug is lower-case letters, digits and single hyphens, so an address never needs escaping.
-- "open-data" is an address of its own under a district (/2021/qiaokou/open-data/…).
ALTER TABLE "district" ADD CONSTRAINT "district_slug_format"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 64);
ALTER TABLE "department" ADD CONSTRAINT "department_slug_format"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length("slug") <= 64 AND "slug" <> 'open-data');
