DROP SCHEMA "billing";
