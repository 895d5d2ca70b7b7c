#!/bin/bash
# Run once by the MySQL image, on the first start with an empty data volume (docker-entrypoint-initdb.d).
# Two users, never one: the schema owner, which Flyway migrates with and which may pass privileges on,
# and the app's own user, which gets nothing here: after each migration the app's AppUserPrivileges
# step (familyjourney.database.restrict-app-user=true) grants it its privileges table by table, so it
# may only read and append to the journey and access logs.
set -euo pipefail

: "${MYSQL_DATABASE:?}" "${FJ_DB_OWNER_USER:?}" "${FJ_DB_OWNER_PASSWORD:?}" "${FJ_DB_APP_USER:?}" "${FJ_DB_APP_PASSWORD:?}"

# As an SQL string literal: backslashes and single quotes doubled, so any password works.
quote() {
  local value=${1//\\/\\\\}
  printf "'%s'" "${value//\'/\'\'}"
}

MYSQL_PWD="${MYSQL_ROOT_PASSWORD:-}" mysql --protocol=socket -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS $(quote "$FJ_DB_OWNER_USER")@'%' IDENTIFIED BY $(quote "$FJ_DB_OWNER_PASSWORD");
GRANT ALL PRIVILEGES ON \`${MYSQL_DATABASE}\`.* TO $(quote "$FJ_DB_OWNER_USER")@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS $(quote "$FJ_DB_APP_USER")@'%' IDENTIFIED BY $(quote "$FJ_DB_APP_PASSWORD");
FLUSH PRIVILEGES;
SQL
echo "Family Journey: schema owner '${FJ_DB_OWNER_USER}' and app user '${FJ_DB_APP_USER}' created on ${MYSQL_DATABASE}"
