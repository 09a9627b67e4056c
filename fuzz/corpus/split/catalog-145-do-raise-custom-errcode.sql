DO $$
BEGIN
    RAISE EXCEPTION 'migration blocked' USING ERRCODE = 'check_violation', DETAIL = 'backfill first', HINT = 'run the backfill script';
END
$$;
