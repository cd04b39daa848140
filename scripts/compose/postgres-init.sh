#!/bin/sh
# Runs once, as the postgres image's superuser, on an empty data volume
# (docker-entrypoint-initdb.d). It makes the roles that everything else uses, so
# that nothing at run time is a superuser:
#   shoudi_owner  owns the database shoudi and its schema; the migrate job only
#   shoudi_app    the API and the worker: the rights the migrations grant it
#   temporal      owns Temporal's two databases (made here, so it needs no CREATEDB)
set -eu

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$SHOUDI_OWNER_PASSWORD" \
  -v app_password="$SHOUDI_APP_PASSWORD" \
  -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
create role shoudi_owner login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'owner_password';
create role shoudi_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'app_password';
create role temporal login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'temporal_password';
create database shoudi owner shoudi_owner encoding 'UTF8';
create database temporal owner temporal encoding 'UTF8';
create database temporal_visibility owner temporal encoding 'UTF8';
\connect temporal_visibility
create extension if not exists btree_gin;
SQL
