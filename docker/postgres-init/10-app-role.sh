#!/bin/sh
# Runs once, when the postgres image initialises an empty volume (docker-entrypoint-initdb.d):
# creates the app's role, which may log in and nothing else. POSTGRES_USER (juesuan) owns the
# database and runs the migrations; at every start the app (scripts/serve.ts) grants this role
# what it may do on the tables (scripts/database-roles.ts) and then connects as it.
# A volume made before this script: the app creates the role at its next start, as the owner.
set -eu
: "${JUESUAN_APP_PASSWORD:?set JUESUAN_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$JUESUAN_APP_PASSWORD" <<'SQL'
CREATE ROLE juesuan_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
SQL
